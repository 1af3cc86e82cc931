import express from 'express';
import { ErrorCode, IDENTITY_HEADER, isGatewayService, REFUSAL_SPIKE_PATH, refusalSpikeOf, refusalSpikeTitle, verifyGatewayIdentity, type AuditTrail, type GatewayIdentity } from '@shareforyou/kit';
import { raiseAlert, type AlertModel } from './alerts';

/**
 * POST /refusal-spikes: the gateway says refusals for one user or address spiked; this raises a
 * REFUSAL_SPIKE alert for the privacy office (console and webhook), once per subject and window,
 * after writing the report to the audit trail (no audit, no alert). Only the gateway's own service
 * identity may call it: a user's identity, even a privacy officer's, is refused.
 */

const refuse = (res: express.Response, status: number, code: string, message: string) => res.status(status).json({ errors: [{ message, extensions: { code } }] });

export function mountRefusalSpikes(app: express.Express, Alert: AlertModel, trail: AuditTrail): void {
  app.post(REFUSAL_SPIKE_PATH, express.json({ limit: '4kb' }), async (req, res) => {
    let identity: GatewayIdentity;
    try {
      identity = verifyGatewayIdentity(req.header(IDENTITY_HEADER));
    } catch {
      refuse(res, 401, ErrorCode.UNAUTHENTICATED, 'Only the gateway may report refusals.');
      return;
    }
    if (!isGatewayService(identity)) {
      refuse(res, 403, ErrorCode.FORBIDDEN_FIELD, 'Refusal spikes are reported by the gateway itself, never on behalf of a user.');
      return;
    }
    const spike = refusalSpikeOf(req.body);
    if (!spike) {
      refuse(res, 400, ErrorCode.BAD_USER_INPUT, 'Send {subject: "address:<ip>" | "user:<id>", windowStart, windowSeconds, refusals, codes: {CODE: n}}.');
      return;
    }
    await trail.append([
      {
        requestId: identity.requestId,
        at: new Date(),
        subgraph: 'audit',
        operationName: 'RefusalSpike',
        client: { operationName: 'RefusalSpike', application: identity.application ?? null, internal: true },
        user: { id: identity.userId, name: identity.name, odsCode: identity.odsCode, jobRole: identity.jobRole, profile: identity.profile, familyName: null },
        nhsNumber: null,
        viewed: ['RefusalSpike.report'],
        denials: [],
        categories: [],
        denied: false,
        breakGlass: null,
        detail: { ...spike },
      },
    ]);
    const id = `refusal-spike:${spike.subject}:${spike.windowStart}`;
    const raised = await raiseAlert(Alert, { id, kind: 'REFUSAL_SPIKE', title: refusalSpikeTitle(spike), nhsNumber: null, subjectId: spike.subject });
    res.status(raised ? 201 : 200).json({ alertId: id, raised });
  });
}
