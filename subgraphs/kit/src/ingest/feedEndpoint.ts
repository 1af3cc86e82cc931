import { randomUUID } from 'node:crypto';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { decideAccess } from '../access/accessDecision';
import type { PatientAccessRecord, RegistryAccessModels } from '../access/registryRecords';
import { errorDetail } from '../logger';
import { writeTransaction, type FeedJournal } from './feedJournal';
import { feedCapabilityStatement } from './capabilityStatement';
import { entryIndexOf, feedOutcome, feedResponseBundle, feedSummary, type EntryAnswer } from './feedAnswer';
import type { FeedEntry } from './feedBundle';
import { bundleRefusal, prepareBundle, type EntryResult, type FeedingOrganisation, type FeedTarget, type PreparedBundle } from './feedTarget';
import { operationOutcome, outcomeError, type OutcomeIssue } from './operationOutcome';
import { preferredAnswer } from './preferredAnswer';
import { verifySystemToken } from './systemToken';
import { feedCertificateRefusal } from '../transportSecurity';

/**
 * POST /fhir — a source system's feed. Order of work: credentials, the whole bundle validated and
 * mapped, opted-out patients refused, then the writes (per patient, idempotent). A transaction
 * with any failing entry gets a 422 naming every one, and nothing is written; a valid one is
 * written through the journal (feedJournal), all or nothing even across a crash. A batch or
 * collection writes its good entries. The answer is a batch-response or transaction-response
 * Bundle, one entry.response per entry (ingest/feedAnswer), or the OperationOutcome of before when
 * the sender asks for it (Prefer: return=OperationOutcome). GET /fhir/metadata says what it stores.
 */

export const FEED_PATH = '/fhir';
export const FEED_BODY_LIMIT = process.env.FEED_BODY_LIMIT ?? '5mb';
const PARALLEL_PATIENTS = 8;

function send(res: Response, status: number, answer: fhir4.OperationOutcome | fhir4.Bundle | fhir4.CapabilityStatement): void {
  res.status(status).type('application/fhir+json').send(JSON.stringify(answer));
}

/** Every entry's answer, in entry order: its result, the resource it named, and the issues about it. */
function entryAnswers(prepared: PreparedBundle<unknown>, entries: Map<number, FeedEntry>, results: Map<number, EntryResult>, issues: OutcomeIssue[]): EntryAnswer[] {
  const unstored = new Map(prepared.unstored.map((u) => [u.index, u]));
  const issuesOf = new Map<number, OutcomeIssue[]>();
  for (const issue of issues) issuesOf.set(entryIndexOf(issue), [...(issuesOf.get(entryIndexOf(issue)) ?? []), issue]);
  return Array.from({ length: prepared.entryCount }, (_, index): EntryAnswer => {
    const entry = entries.get(index);
    const skipped = unstored.get(index);
    const result = results.get(index) ?? (skipped ? (skipped.supporting ? 'supporting' : 'not-stored') : 'refused-invalid');
    return {
      index,
      result,
      resourceType: entry?.resourceType ?? skipped?.resourceType ?? 'Resource',
      ...(entry ? { written: { sourceId: entry.sourceId, version: entry.version } } : {}),
      issues: issuesOf.get(index) ?? [],
    };
  });
}

async function feedingOrganisation(registry: Connection, odsCode: string): Promise<FeedingOrganisation | null> {
  const found = await registry.collection('organisations').findOne({ _id: odsCode as never });
  return found ? ({ odsCode, ...found } as unknown as FeedingOrganisation) : null;
}

/** Of these patients, those who have opted out of the shared record: nothing about them is stored. */
export async function optedOutPatients(access: RegistryAccessModels, odsCode: string, nhsNumbers: string[]): Promise<Set<string>> {
  const records = (await access.PatientAccess.find({ _id: { $in: nhsNumbers } }).lean().exec()) as PatientAccessRecord[];
  return new Set(records.filter((patient) => !decideAccess({ action: 'feed', actor: { odsCode }, patient }).allowed).map((r) => r._id));
}

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

export function mountFeedEndpoint<Prepared>(
  app: Express,
  target: FeedTarget<Prepared>,
  deps: { name: string; registry: Connection; access: RegistryAccessModels; journal: FeedJournal; log: Logger },
): void {
  const handle = async (req: Request, res: Response) => {
    let system;
    try {
      system = verifySystemToken(req.header('authorization'));
    } catch (error) {
      send(res, 401, outcomeError('security', `Feed refused: ${(error as Error).message}`));
      return;
    }
    const wrongCertificate = feedCertificateRefusal(res, system.odsCode);
    if (wrongCertificate) {
      send(res, 403, outcomeError('security', `Feed refused: ${wrongCertificate}`));
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

    const prepared = prepareBundle(target, req.body, organisation);
    const { byPatient } = prepared;
    const notAccepted = bundleRefusal(prepared);
    if (notAccepted) {
      send(res, 422, operationOutcome([{ severity: 'error', code: 'invalid', diagnostics: notAccepted }, ...prepared.issues, ...prepared.notes]));
      return;
    }

    // Every read entry by index, before opted-out patients' entries are taken out of the writes.
    const entries = new Map([...byPatient.values()].flat().map(({ entry }) => [entry.index, entry]));
    const optedOut = await optedOutPatients(deps.access, organisation.odsCode, [...byPatient.keys()]);

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
    if (prepared.type === 'transaction') {
      (await writeTransaction(deps.journal, target, organisation, byPatient)).forEach((result, index) => results.set(index, result));
    } else {
      await inBatches([...byPatient], PARALLEL_PATIENTS, async ([nhsNumber, patientEntries]) => {
        const written = await target.write(nhsNumber, patientEntries, organisation);
        written.forEach((result, index) => results.set(index, result));
      });
    }
    for (const issue of prepared.issues) results.set(entryIndexOf(issue), 'refused-invalid');
    const answers = entryAnswers(prepared, entries, results, [...prepared.issues, ...prepared.notes, ...refusals]);
    deps.log.info(`feed from ${organisation.odsCode}: ${feedSummary(answers)}`);
    if (preferredAnswer(req.header('prefer')) === 'operation-outcome') send(res, 200, feedOutcome(answers, prepared.entryCount));
    else send(res, 200, feedResponseBundle(prepared.type ?? 'batch', answers, prepared.entryCount));
  };

  // What this feed stores, for the sender's integrator: no patient data, so no token (capabilityStatement).
  app.get(`${FEED_PATH}/metadata`, (_req, res) => send(res, 200, feedCapabilityStatement(deps.name, target.resourceTypes)));

  const parseBody = express.json({ limit: FEED_BODY_LIMIT, type: ['application/json', 'application/fhir+json'] });
  app.post(FEED_PATH, parseBody, (req, res, next) => {
    handle(req, res).catch(next);
  });
  // Body errors (bad JSON, too large) and failures while writing, as OperationOutcomes.
  // The 503 says what to do and which request it was; what went wrong is for the operational log only.
  app.use(FEED_PATH, (error: Error & { type?: string; status?: number }, req: Request, res: Response, _next: NextFunction) => {
    if (error.type === 'entity.too.large') send(res, 413, outcomeError('too-costly', `The bundle is larger than ${FEED_BODY_LIMIT}; split the feed into smaller bundles.`));
    else if (error.type === 'entity.parse.failed') send(res, 400, outcomeError('structure', 'The body is not valid JSON; nothing was written.'));
    else if (typeof error.status === 'number' && error.status >= 400 && error.status < 500) send(res, error.status, outcomeError('structure', 'The request could not be read: send a FHIR Bundle as JSON (application/fhir+json).'));
    else {
      const requestId = req.header('x-request-id') ?? randomUUID();
      deps.log.error({ requestId, ...errorDetail(error) }, 'feed failed while writing');
      res.setHeader('x-request-id', requestId);
      send(res, 503, outcomeError('exception', `The feed could not be completed; entries already written are safe to send again. Quote request id ${requestId} to the service desk if it keeps failing.`));
    }
  });
}
