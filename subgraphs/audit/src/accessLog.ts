import { Types } from 'mongoose';
import { auditedFields, badUserInput, nhsNumberArgument, type StoredAuditEvent, type SubgraphContext } from '@shareforyou/kit';
import { breakGlassLogPage } from './breakGlassLog';
import type { AuditServiceModels } from './models';
import { containsPattern, odsCodesNamed, organisationNames } from './names';
import { EARLIEST_EVENT, isoArgument } from './period';

/** The access log: audit events, newest first, filtered and paged by an opaque (at, _id) cursor. */

export interface AccessLogFilter {
  nhsNumber?: string | null;
  userId?: string | null;
  /** Part of the user's name, any case. */
  userName?: string | null;
  odsCode?: string | null;
  /** Part of the organisation's name in the register, any case. */
  organisationName?: string | null;
  /** true: also the gateway's own calls (the organisation status check), which are left out by default. */
  includeInternal?: boolean | null;
  from?: string | null;
  to?: string | null;
  breakGlass?: boolean | null;
  denied?: boolean | null;
}

const ACCESS_LOG_MAX_PAGE = 200;

type StoredEvent = StoredAuditEvent & { _id: Types.ObjectId };

function encodeCursor(event: { at: Date; _id: Types.ObjectId }): string {
  return Buffer.from(JSON.stringify([new Date(event.at).toISOString(), String(event._id)])).toString('base64url');
}

function decodeCursor(after: string): { at: Date; id: Types.ObjectId } {
  try {
    const [at, id] = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(at);
    if (Number.isNaN(date.getTime()) || !Types.ObjectId.isValid(id)) throw new Error('bad cursor');
    return { at: date, id: new Types.ObjectId(id) };
  } catch {
    throw badUserInput('"after" is not a cursor this access log returned: pass pageInfo.endCursor unchanged.', { argument: 'after' });
  }
}

function pageSize(first: number | null | undefined): number {
  const size = first ?? 50;
  if (!Number.isInteger(size) || size < 1) throw badUserInput('"first" must be at least 1.', { argument: 'first' });
  return Math.min(size, ACCESS_LOG_MAX_PAGE);
}

const NAME_FILTER_MAX = 100;

function nameFilter(value: string, argument: string): string {
  const text = value.trim();
  if (!text || text.length > NAME_FILTER_MAX) throw badUserInput(`"${argument}" must be 1 to ${NAME_FILTER_MAX} characters of the name.`, { argument });
  return text;
}

/**
 * The database query for a filter. `organisations` is the register (ODS code -> name), needed only
 * when the filter names an organisation.
 */
export function accessLogQuery(filter: AccessLogFilter, organisations: Map<string, string> = new Map()): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  if (filter.nhsNumber) query.nhsNumber = nhsNumberArgument(filter.nhsNumber, 'filter.nhsNumber');
  if (filter.userId) query['user.id'] = filter.userId;
  if (filter.userName) query['user.name'] = containsPattern(nameFilter(filter.userName, 'filter.userName'));
  const odsCode = filter.odsCode ? filter.odsCode.toUpperCase() : null;
  if (filter.organisationName) {
    const named = odsCodesNamed(organisations, nameFilter(filter.organisationName, 'filter.organisationName'));
    query['user.odsCode'] = { $in: odsCode ? named.filter((code) => code === odsCode) : named };
  } else if (odsCode) query['user.odsCode'] = odsCode;
  if (filter.includeInternal !== true) query['client.internal'] = { $ne: true };
  // Always a lower bound: with it, an engine can read the log newest first through an index on the
  // time and stop at the page's end, instead of sorting every event (docs/performance.md, issue 20).
  const at: Record<string, Date> = { $gte: filter.from ? isoArgument(filter.from, 'filter.from') : EARLIEST_EVENT };
  if (filter.to) at.$lt = isoArgument(filter.to, 'filter.to');
  query.at = at;
  // By the declaration's id: the index on it finds the few looks under break-glass among millions.
  if (filter.breakGlass === true) query['breakGlass.id'] = { $ne: null };
  else if (filter.breakGlass === false) query.breakGlass = null;
  if (typeof filter.denied === 'boolean') query.denied = filter.denied;
  return query;
}

function auditEventView(event: StoredEvent) {
  return {
    id: String(event._id),
    requestId: event.requestId,
    at: new Date(event.at).toISOString(),
    subgraph: event.subgraph,
    operationName: event.operationName ?? null,
    client: event.client ?? null,
    user: event.user,
    nhsNumber: event.nhsNumber ?? null,
    fields: auditedFields(event),
    categories: event.categories ?? [],
    denied: event.denied,
    breakGlass: event.breakGlass ?? null,
    arguments: Object.entries(event.detail ?? {}).map(([name, value]) => ({
      name,
      value: typeof value === 'string' ? value : JSON.stringify(value),
    })),
  };
}

export async function accessLog(
  args: { filter?: AccessLogFilter | null; first?: number | null; after?: string | null },
  context: SubgraphContext<AuditServiceModels>,
) {
  const size = pageSize(args.first);
  const filter = args.filter ?? {};
  const query = accessLogQuery(filter, filter.organisationName ? await organisationNames(context.models.OrganisationName) : undefined);
  const cursor = args.after ? decodeCursor(args.after) : null;
  if (cursor) {
    const { at, id } = cursor;
    // The read starts at the cursor (earlier than any "to": it came from the page before); the
    // $or says exactly what comes after it.
    query.at = { $gte: (query.at as { $gte: Date }).$gte, $lte: at };
    query.$or = [{ at: { $lt: at } }, { at, _id: { $lt: id } }];
  }
  const breakGlassAlone = filter.breakGlass === true && !(filter.nhsNumber || filter.userId || filter.userName || filter.odsCode || filter.organisationName || typeof filter.denied === 'boolean');
  const found =
    (breakGlassAlone ? await breakGlassLogPage(query, size, context) : null) ??
    ((await context.models.AuditEvent.find(query).sort({ at: -1, _id: -1 }).limit(size + 1).lean().exec()) as unknown as StoredEvent[]);
  const events = found.slice(0, size);
  const last = events[events.length - 1];
  return {
    events: events.map(auditEventView),
    pageInfo: { hasNextPage: found.length > size, endCursor: last ? encodeCursor(last) : null },
  };
}
