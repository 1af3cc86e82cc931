import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Connection } from 'mongoose';
import { decideAccess } from '../access/accessDecision';
import type { PatientAccessRecord, RegistryAccessModels } from '../access/registryRecords';
import { prepareBundle, type EntryResult, type FeedingOrganisation, type FeedTarget } from './feedTarget';
import { operationOutcome, outcomeError, type OutcomeIssue } from './operationOutcome';
import { verifySystemToken } from './systemToken';

/**
 * POST /fhir — a source system's feed. Order of work: credentials, the whole bundle validated and
 * mapped, opted-out patients refused, then the writes (per patient, idempotent). A bad bundle gets
 * a 4xx OperationOutcome naming every failing entry, and nothing is written.
 */

export const FEED_PATH = '/fhir';
export const FEED_BODY_LIMIT = process.env.FEED_BODY_LIMIT ?? '5mb';
const PARALLEL_PATIENTS = 8;

function send(res: Response, status: number, outcome: fhir4.OperationOutcome): void {
  res.status(status).type('application/fhir+json').send(JSON.stringify(outcome));
}

async function feedingOrganisation(registry: Connection, odsCode: string): Promise<FeedingOrganisation | null> {
  const found = await registry.collection('organisations').findOne({ _id: odsCode as never });
  return found ? ({ odsCode, ...found } as unknown as FeedingOrganisation) : null;
}

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

function summary(results: Map<number, EntryResult>): string {
  const counts = new Map<EntryResult, number>();
  for (const result of results.values()) counts.set(result, (counts.get(result) ?? 0) + 1);
  return [...counts].map(([result, count]) => `${result} ${count}`).join(', ');
}

export function mountFeedEndpoint<Prepared>(
  app: Express,
  target: FeedTarget<Prepared>,
  deps: { registry: Connection; access: RegistryAccessModels; log: (message: string) => void },
): void {
  const handle = async (req: Request, res: Response) => {
    let system;
    try {
      system = verifySystemToken(req.header('authorization'));
    } catch (error) {
      send(res, 401, outcomeError('security', `Feed refused: ${(error as Error).message}`));
      return;
    }
    const organisation = await feedingOrganisation(deps.registry, system.odsCode);
    const party = decideAccess({ action: 'feed', actor: { odsCode: system.odsCode }, organisationStatus: organisation?.sharingStatus ?? null });
    if (!party.allowed || !organisation) {
      send(res, 403, outcomeError('forbidden', `Feed refused: ${system.odsCode} is not an active party to the data sharing framework.`));
      return;
    }
    const refusal = target.refuseOrganisation(organisation);
    if (refusal) {
      send(res, 403, outcomeError('forbidden', `Feed refused: ${refusal}.`));
      return;
    }

    const { issues, byPatient } = prepareBundle(target, req.body, organisation);
    if (issues.length > 0) {
      send(res, 422, operationOutcome([{ severity: 'error', code: 'invalid', diagnostics: 'The bundle was not accepted; nothing was written. Fix the entries below and send it again.' }, ...issues]));
      return;
    }

    const accessRecords = (await deps.access.PatientAccess.find({ _id: { $in: [...byPatient.keys()] } }).lean().exec()) as PatientAccessRecord[];
    const optedOut = new Set(
      accessRecords.filter((patient) => !decideAccess({ action: 'feed', actor: { odsCode: organisation.odsCode }, patient }).allowed).map((r) => r._id),
    );

    const results = new Map<number, EntryResult>();
    const refusals: OutcomeIssue[] = [];
    for (const nhsNumber of optedOut) {
      for (const { entry } of byPatient.get(nhsNumber) ?? []) {
        results.set(entry.index, 'refused-opted-out');
        refusals.push({
          severity: 'error',
          code: 'forbidden',
          diagnostics: 'This patient has opted out of the shared record at their GP practice: nothing about them is stored.',
          expression: [`Bundle.entry[${entry.index}]`],
        });
      }
      byPatient.delete(nhsNumber);
    }
    await inBatches([...byPatient], PARALLEL_PATIENTS, async ([nhsNumber, entries]) => {
      const written = await target.write(nhsNumber, entries, organisation);
      written.forEach((result, index) => results.set(index, result));
    });
    deps.log(`feed from ${organisation.odsCode}: ${summary(results)}`);
    send(res, 200, operationOutcome([{ severity: 'information', code: 'informational', diagnostics: `Accepted: ${summary(results)}.` }, ...refusals]));
  };

  const parseBody = express.json({ limit: FEED_BODY_LIMIT, type: ['application/json', 'application/fhir+json'] });
  app.post(FEED_PATH, parseBody, (req, res, next) => {
    handle(req, res).catch(next);
  });
  // Body errors (bad JSON, too large) and failures while writing, as OperationOutcomes.
  app.use(FEED_PATH, (error: Error & { type?: string; status?: number }, _req: Request, res: Response, _next: NextFunction) => {
    if (error.type === 'entity.too.large') send(res, 413, outcomeError('too-costly', `The bundle is larger than ${FEED_BODY_LIMIT}; split the feed into smaller bundles.`));
    else if (error.type === 'entity.parse.failed') send(res, 400, outcomeError('structure', 'The body is not valid JSON; nothing was written.'));
    else {
      deps.log(`feed failed while writing: ${error.message}`);
      send(res, 503, outcomeError('exception', `The feed could not be completed (${error.message}); entries already written are safe to send again.`));
    }
  });
}
