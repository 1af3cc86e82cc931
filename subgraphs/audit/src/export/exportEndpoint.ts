import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type express from 'express';
import { stringify } from 'csv-stringify';
import { GraphQLError } from 'graphql';
import { loadPolicy, profileMaySee } from '@shareforyou/schema';
import { auditedFields, IDENTITY_HEADER, verifyGatewayIdentity, type AuditTrail, type GatewayIdentity, type StoredAuditEvent, type SubgraphContext } from '@shareforyou/kit';
import { accessLogQuery, type AccessLogFilter } from '../accessLog';
import { breakGlassReviewHistory, breakGlassReviewQueue } from '../breakGlassReview';
import { monitoringFindings } from '../monitoring/findings';
import type { FindingKind } from '../monitoring/matching';
import type { AuditServiceModels } from '../models';
import { categoryNames, lookerOrganisationName, organisationNames, profileName, roleName } from '../names';
import { outOfHoursAccess } from '../outOfHours';
import { recordAccessSummary } from '../recordAccess';
import { ownRecordAccess, sharedSurnameOrAddressAccess } from '../staffPatientLinks';
import { unusualVolume } from '../volume';
import { columnsOf, flattenRow, safeCell } from './csvRows';

/**
 * CSV exports of the access log and every report, at GET /export/<view>?<arguments>. Like /graphql,
 * only the gateway may call it (a valid gateway identity), and only for a profile that may read the
 * audit trail; the gateway serves it to privacy officers at /audit/export/<view>.csv. The access log
 * is streamed from a database cursor, so a month of a busy locality never sits in memory; reports
 * are bounded (500 rows) and written whole. Every export is itself an audit event, written before
 * the first byte (no audit, no export).
 */

type Models = AuditServiceModels;
type Query = Record<string, string | undefined>;
type Report = (query: Query, context: SubgraphContext<Models>) => Promise<{ rows: Array<Record<string, unknown>> } | Array<Record<string, unknown>>>;

/** Events read per round trip while streaming the access log. */
const EXPORT_BATCH = 500;
const period = (q: Query) => ({ from: q.from ?? null, to: q.to ?? null });
const flag = (value: string | undefined) => (value === 'true' ? true : value === 'false' ? false : null);

/** Every report the console shows, by the name of its GraphQL field. */
const EXPORT_REPORTS: Record<string, Report> = {
  recordAccessSummary: (q, c) => recordAccessSummary({ nhsNumber: q.nhsNumber ?? '', ...period(q) }, c),
  breakGlassReviewQueue: (q, c) => breakGlassReviewQueue(period(q), c),
  breakGlassReviewHistory: (q, c) => breakGlassReviewHistory(period(q), c),
  ownRecordAccess: (q, c) => ownRecordAccess(period(q), c),
  sharedSurnameOrAddressAccess: (q, c) => sharedSurnameOrAddressAccess(period(q), c),
  unusualVolume: (q, c) => unusualVolume({ ...period(q), threshold: q.threshold ? Number(q.threshold) : null }, c),
  outOfHoursAccess: (q, c) => outOfHoursAccess(period(q), c),
  monitoringFindings: (q, c) => monitoringFindings({ ...period(q), kind: (q.kind as FindingKind) ?? null, reviewed: flag(q.reviewed) }, c),
};
const EXPORT_VIEWS = ['accessLog', ...Object.keys(EXPORT_REPORTS)];

const ACCESS_LOG_FILTERS = ['nhsNumber', 'userId', 'userName', 'odsCode', 'organisationName', 'from', 'to', 'breakGlass', 'denied', 'includeInternal'] as const;

/** Names beside codes in a report row: every object with an ODS code or job role, every category list. */
function withNames(value: unknown, organisations: Map<string, string>): unknown {
  if (Array.isArray(value)) return value.map((item) => withNames(item, organisations));
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const object = Object.fromEntries(Object.entries(value).map(([key, v]) => [key, withNames(v, organisations)])) as Record<string, unknown>;
  if (typeof object.odsCode === 'string') object.organisationName = organisations.get(object.odsCode) ?? null;
  if ('jobRole' in object) object.roleName = roleName(object.jobRole as string | null);
  if ('profile' in object) object.profileName = profileName(object.profile as string | null);
  if (Array.isArray(object.categories)) object.categoryNames = categoryNames(object.categories as string[]);
  return object;
}

function accessLogRow(event: StoredAuditEvent & { _id: unknown }, organisations: Map<string, string>) {
  const fields = auditedFields(event);
  return {
    at: new Date(event.at).toISOString(),
    requestId: event.requestId,
    subgraph: event.subgraph,
    clientOperation: event.client?.operationName ?? null,
    clientApplication: event.client?.application ?? null,
    serviceOperation: event.operationName ?? null,
    userId: event.user.id,
    userName: event.user.name ?? null,
    odsCode: event.user.odsCode,
    organisationName: lookerOrganisationName(organisations, event.user),
    jobRole: event.user.jobRole ?? null,
    roleName: roleName(event.user.jobRole),
    nhsNumber: event.nhsNumber ?? null,
    categories: categoryNames(event.categories ?? []).join('; '),
    viewed: fields.filter((f) => f.outcome === 'allowed').map((f) => f.coordinate).join(' '),
    denied: fields.filter((f) => f.outcome === 'denied').map((f) => `${f.coordinate} (${f.reason})`).join(' '),
    breakGlassId: event.breakGlass?.id ?? null,
    breakGlassReason: event.breakGlass?.reason ?? null,
    internal: event.client?.internal === true,
  };
}
const ACCESS_LOG_COLUMNS = Object.keys(accessLogRow({ at: new Date(0), requestId: '', subgraph: '', user: { id: '', odsCode: '' }, viewed: [], denials: [] } as never, new Map()));

function refuse(res: express.Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

async function auditExport(trail: AuditTrail, identity: GatewayIdentity, view: string, query: Query): Promise<void> {
  const detail = Object.fromEntries(Object.entries(query).filter(([, v]) => typeof v === 'string').map(([k, v]) => [k, String(v).slice(0, 200)]));
  await trail.append([
    {
      requestId: identity.requestId,
      at: new Date(),
      subgraph: 'audit',
      operationName: `export:${view}`,
      client: { operationName: identity.operationName ?? `Export ${view}`, application: identity.application ?? null, internal: false },
      user: { id: identity.userId, name: identity.name, odsCode: identity.odsCode, jobRole: identity.jobRole, profile: identity.profile, familyName: identity.familyName ?? null },
      // A patient's record access summary is about that patient; the log and other reports about no one patient.
      nhsNumber: view === 'recordAccessSummary' && query.nhsNumber ? query.nhsNumber : null,
      viewed: [`Export.${view}`],
      denials: [],
      categories: ['auditTrail'],
      denied: false,
      breakGlass: null,
      detail: view === 'recordAccessSummary' ? null : detail,
    },
  ]);
}

export function mountExports(app: express.Express, models: Models, trail: AuditTrail): void {
  app.get('/export/:view', async (req, res) => {
    let identity: GatewayIdentity;
    try {
      identity = verifyGatewayIdentity(req.header(IDENTITY_HEADER));
    } catch {
      refuse(res, 401, 'UNAUTHENTICATED', 'This endpoint answers only the ShareforYou gateway: the call had no valid gateway identity.');
      return;
    }
    if (!profileMaySee(loadPolicy(), identity.profile, 'auditTrail')) {
      refuse(res, 403, 'FORBIDDEN_FIELD', 'Exports of the audit trail are for privacy officers only.');
      return;
    }
    const view = String(req.params.view);
    const query = req.query as Query;
    if (!EXPORT_VIEWS.includes(view)) {
      refuse(res, 404, 'BAD_USER_INPUT', `No export "${view}". Exports: ${EXPORT_VIEWS.join(', ')}.`);
      return;
    }
    const context = { identity, models } as unknown as SubgraphContext<Models>;
    try {
      const organisations = await organisationNames(models.OrganisationName);
      // Arguments are checked (and reports run) before anything is audited or sent: bad input changes nothing.
      let cursor: AsyncIterable<StoredAuditEvent & { _id: unknown }> | null = null;
      let rows: Array<Record<string, unknown>> = [];
      if (view === 'accessLog') {
        const filter: AccessLogFilter = {};
        for (const key of ACCESS_LOG_FILTERS) {
          const value = query[key];
          if (value === undefined) continue;
          (filter as Record<string, unknown>)[key] = key === 'breakGlass' || key === 'denied' || key === 'includeInternal' ? flag(value) : value;
        }
        const filterQuery = accessLogQuery(filter, organisations);
        // Bounded batches: memory stays flat however long the log, and the first rows leave at once.
        cursor = models.AuditEvent.find(filterQuery).sort({ at: -1, _id: -1 }).lean().cursor({ batchSize: EXPORT_BATCH }) as AsyncIterable<StoredAuditEvent & { _id: unknown }>;
      } else {
        const result = await EXPORT_REPORTS[view](query, context);
        rows = (Array.isArray(result) ? result : result.rows).map((row) => flattenRow(withNames(row, organisations) as Record<string, unknown>));
      }
      try {
        await auditExport(trail, identity, view, query);
      } catch {
        refuse(res, 503, 'AUDIT_UNAVAILABLE', 'The audit trail cannot be written just now, so nothing is exported. Try again shortly.');
        return;
      }
      const stamp = new Date().toISOString().slice(0, 10);
      res.status(200).type('text/csv; charset=utf-8').setHeader('content-disposition', `attachment; filename="${view}-${stamp}.csv"`);
      const columns = cursor ? ACCESS_LOG_COLUMNS : columnsOf(rows as never);
      const source = cursor
        ? Readable.from((async function* () {
            for await (const event of cursor!) yield accessLogRow(event, organisations);
          })())
        : Readable.from(rows);
      const csv = stringify({ header: true, columns, cast: { string: (value) => String(safeCell(value)), boolean: (value) => String(value) } });
      await pipeline(source, csv, res);
    } catch (error) {
      if (res.headersSent) {
        res.destroy(error as Error); // a cut stream, never a silently short file
        return;
      }
      if (error instanceof GraphQLError && error.extensions?.code === 'BAD_USER_INPUT') refuse(res, 400, 'BAD_USER_INPUT', error.message);
      else refuse(res, 503, 'SOURCE_UNAVAILABLE', 'The audit store did not answer; nothing was exported. Try again shortly.');
    }
  });
}
