import type { Types } from 'mongoose';
import type { StoredAuditEvent, SubgraphContext } from '@shareforyou/kit';
import type { AuditServiceModels } from './models';
import { newestBreakGlassQuery } from './monitoring/breakGlassUses';
import { breakGlassUsesCompleteBefore } from './monitoring/sweep';

/**
 * The access log's looks under break-glass alone (no other filter), newest first, read declaration
 * by declaration. The one index that finds them, { breakGlass.id, at }, starts with the declaration,
 * so a read "newest first across all declarations" walks the whole year of them (some twenty
 * thousand, half a second). The uses the sweep keeps (monitoring/breakGlassUses.ts) say when each
 * declaration was last looked under: taken latest first, each declaration's events are one short
 * range of that index, and once a page's worth of events is newer than the next declaration's last
 * look, no later declaration can add to the page. The newest events, which the uses may not hold
 * yet, are read by time.
 */

type StoredEvent = StoredAuditEvent & { _id: Types.ObjectId };
type Context = SubgraphContext<AuditServiceModels>;

const newestFirst = (a: StoredEvent, b: StoredEvent) => new Date(b.at).getTime() - new Date(a.at).getTime() || (String(b._id) < String(a._id) ? -1 : 1);

/**
 * The first `size + 1` events of the page, or null when this way cannot serve it (the uses not kept
 * yet): then the caller reads the index as before. `query` is the access log's query for the filter
 * and cursor (its `at` range and the cursor's $or).
 */
export async function breakGlassLogPage(query: Record<string, unknown>, size: number, context: Context): Promise<StoredEvent[] | null> {
  const completeBefore = await breakGlassUsesCompleteBefore(context.models);
  if (!completeBefore) return null;
  const { AuditEvent, BreakGlassUse } = context.models;
  const at = query.at as { $gte: Date; $lt?: Date; $lte?: Date };
  const bound = at.$lte ?? at.$lt ?? null;
  const page: StoredEvent[] = [];
  const seen = new Set<string>();
  const add = (events: StoredEvent[]) => {
    for (const event of events) {
      if (seen.has(String(event._id))) continue;
      seen.add(String(event._id));
      page.push(event);
    }
    page.sort(newestFirst);
  };
  // The page is full when size + 1 events are newer than what is still to read.
  const full = (time: Date) => page.length > size && new Date(page[size].at) > time;

  // The newest events, by time (a minute or two of the trail; the uses hold everything before).
  const tailFrom = completeBefore > at.$gte ? completeBefore : at.$gte;
  if (!bound || tailFrom <= bound) {
    const { 'breakGlass.id': _declared, ...rest } = query;
    const tail = (await AuditEvent.find({ ...rest, ...newestBreakGlassQuery({ ...at, $gte: tailFrom }) }).lean().exec()) as unknown as StoredEvent[];
    add(tail.filter((event) => event.breakGlass?.id));
  }

  // Declarations looked under across the cursor (or "to") first: their events may lie either side
  // of it. Then the others, latest last look first.
  const spanning = bound
    ? ((await BreakGlassUse.find({ lastAccess: { $gte: bound }, firstAccess: { $lte: bound } }).select({ _id: 1 }).lean().exec()) as Array<{ _id: string }>)
    : [];
  const eventsOf = async (id: string) =>
    add((await AuditEvent.find({ ...query, 'breakGlass.id': id }).sort({ at: -1, _id: -1 }).limit(size + 1).lean().exec()) as unknown as StoredEvent[]);
  for (const { _id } of spanning) await eventsOf(_id);
  const declarations = BreakGlassUse.find({ lastAccess: { $gte: at.$gte, ...(bound ? { $lt: bound } : {}) } })
    .sort({ lastAccess: -1 })
    .select({ lastAccess: 1 })
    .lean()
    .cursor({ batchSize: 16 }) as AsyncIterable<{ _id: string; lastAccess: Date }>;
  for await (const declaration of declarations) {
    if (full(new Date(declaration.lastAccess))) break;
    await eventsOf(declaration._id);
  }
  return page.slice(0, size + 1);
}
