
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type express from 'express';
import { GraphQLError } from 'graphql';
import { controlIsOn, IDENTITY_HEADER, REQUEST_ID_HEADER, signGatewayIdentity } from '@shareforyou/kit';
import { loadPolicy, profileMaySee, subgraphUrl } from '@shareforyou/schema';
import { requireActiveParty } from './organisationStatus';
import { authenticateUser, CLIENT_NAME_HEADER } from './userToken';
import { subgraphFetch } from './subgraphFetch';

/**
 * GET /audit/export/<view>.csv?<arguments>: the CSV of the access log or of one report, for privacy
 * officers. The gateway stays the only door: it checks the user's token, their organisation and the
 * profile (policy category auditTrail), then streams the audit service's answer through unchanged,
 * so a month's log never sits in the gateway's memory either. The audit service checks the
 * identity again and records the export in the trail.
 */

const AUDIT_EXPORT_PATH = '/audit/export/:file';

function refuse(res: express.Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

export function mountAuditExport(app: express.Express, requestIdOf: (req: express.Request) => string): void {
  app.get(AUDIT_EXPORT_PATH, async (req, res) => {
    const file = String(req.params.file);
    const view = file.replace(/\.csv$/, '');
    if (!file.endsWith('.csv') || !/^[A-Za-z]{1,60}$/.test(view)) {
      refuse(res, 404, 'BAD_USER_INPUT', 'Ask for /audit/export/<view>.csv, e.g. /audit/export/accessLog.csv?nhsNumber=...');
      return;
    }
    let user;
    try {
      user = await authenticateUser(req.header('authorization'), req.header(CLIENT_NAME_HEADER));
      if (controlIsOn('partyCheck')) await requireActiveParty(user);
    } catch (error) {
      const code = error instanceof GraphQLError ? String(error.extensions.code) : 'UNAUTHENTICATED';
      refuse(res, code === 'UNAUTHENTICATED' ? 401 : 403, code, (error as Error).message);
      return;
    }
    if (!profileMaySee(loadPolicy(), user.profile, 'auditTrail')) {
      refuse(res, 403, 'FORBIDDEN_FIELD', 'Exports of the audit trail are for privacy officers only.');
      return;
    }
    const requestId = requestIdOf(req);
    const query = new URL(req.originalUrl, 'http://gateway').search;
    let answer: Response;
    try {
      answer = await subgraphFetch(`${subgraphUrl('audit').replace(/\/graphql$/, '')}/export/${view}${query}`, {
        headers: { [IDENTITY_HEADER]: signGatewayIdentity({ ...user, requestId, operationName: `Export ${view}` }), [REQUEST_ID_HEADER]: requestId },
      });
    } catch {
      refuse(res, 503, 'SOURCE_UNAVAILABLE', 'The audit service did not answer; nothing was exported. Try again shortly.');
      return;
    }
    res.status(answer.status);
    for (const header of ['content-type', 'content-disposition']) {
      const value = answer.headers.get(header);
      if (value) res.setHeader(header, value);
    }
    res.setHeader(REQUEST_ID_HEADER, requestId);
    if (!answer.body) {
      res.end();
      return;
    }
    await pipeline(Readable.fromWeb(answer.body as never), res).catch(() => res.destroy());
  });
}

