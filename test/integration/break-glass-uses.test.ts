import { accessLog } from '../../subgraphs/audit/src/accessLog';
import { breakGlassReviewHistory, breakGlassReviewQueue, recordBreakGlassReview } from '../../subgraphs/audit/src/breakGlassReview';
import type { AuditServiceModels } from '../../subgraphs/audit/src/models';
import { backfillBreakGlassUses, breakGlassUsesCompleteBefore, sweepStep, type SweepModels } from '../../subgraphs/audit/src/monitoring/sweep';
import { openAuditServiceStore } from '../support/auditServiceStore';

/**
 * The break-glass review queue over a large trail (issue 20.1): it reads the uses the monitoring
 * sweep keeps (subgraphs/audit/src/monitoring/breakGlassUses.ts), one small document per
 * declaration, and only the newest events themselves. Whatever the sweep has or has not read yet,
 * the queue says exactly what the events say.
 */

const PATIENT = '9434765919';
const DAY = 86_400_000;
// Ten seconds back, so that the looks "after the last pass" below are still in the queue's period (which ends now).
const NOW = new Date(Date.now() - 10_000);
const ago = (ms: number) => new Date(NOW.getTime() - ms);

let models: AuditServiceModels;
const context = () => ({ models, identity: { userId: 'privacy-officer', name: 'Pat Officer', odsCode: 'X26', jobRole: 'R8003', profile: 'privacy' } }) as never;

const lookUnder = (id: string, requestId: string, at: Date, categories: string[], jobRole = 'R8000') => ({
  requestId,
  at,
  subgraph: 'acute',
  user: { id: 'dr-a', name: 'Dr A', odsCode: 'RM301', jobRole, profile: 'clinical' },
  client: { operationName: null, application: null, internal: false },
  nhsNumber: PATIENT,
  viewed: ['Patient.allergies'],
  denials: [],
  categories,
  denied: false,
  breakGlass: { id, reason: 'EMERGENCY_CARE', detail: 'Unconscious on arrival' },
});
const ordinaryLook = (requestId: string, at: Date) => ({ ...lookUnder('x', requestId, at, ['medications']), breakGlass: null });
const write = (...events: object[]) => models.AuditEvent.collection.insertMany(events as never[]);

type Row = { breakGlassId: string; firstAccess: string; lastAccess: string; accesses: number; categories: string[]; user: { jobRole: string }; reviews: Array<{ outcome: string }> };
/** The queue's rows as the reviewer reads them (the outcomes of their reviews, newest first). */
const queueRows = async () =>
  ((await breakGlassReviewQueue({}, context())) as { rows: Row[] }).rows
    .map((r) => ({ id: r.breakGlassId, first: r.firstAccess, last: r.lastAccess, accesses: r.accesses, categories: r.categories, jobRole: r.user.jobRole, reviews: r.reviews.map((v) => v.outcome) }))
    .sort((a, b) => a.id.localeCompare(b.id));

let store: Awaited<ReturnType<typeof openAuditServiceStore>>;
beforeAll(async () => {
  store = await openAuditServiceStore('break_glass_uses');
  models = store.models;
  await Promise.all([models.AuditEvent.init(), models.BreakGlassUse.init()]);
});
afterAll(() => store?.close());

describe('the break-glass review queue reads the uses the sweep keeps', () => {
  // bg-old: two looks 40 days ago (before the sweep kept uses); bg-mid: a look 2 days ago and
  // another an hour ago as a different role; bg-new: a look a second ago (no pass has read it).
  // bg-old was reviewed (follow-up asked) before the uses were kept: the backfill folds that review in.
  const expected = [
    { id: 'bg-mid', first: ago(2 * DAY).toISOString(), last: ago(3_600_000).toISOString(), accesses: 2, categories: ['allergies', 'medications'], jobRole: 'R8001', reviews: [] },
    { id: 'bg-new', first: ago(1_000).toISOString(), last: ago(1_000).toISOString(), accesses: 1, categories: ['allergies'], jobRole: 'R8000', reviews: [] },
    { id: 'bg-old', first: ago(40 * DAY).toISOString(), last: ago(40 * DAY - 60_000).toISOString(), accesses: 2, categories: ['allergies', 'results'], jobRole: 'R8000', reviews: ['NEEDS_FOLLOW_UP'] },
  ];

  it('before the sweep has kept any, the queue is read from the events themselves', async () => {
    await models.BreakGlassReview.create({ breakGlassId: 'bg-old', outcome: 'NEEDS_FOLLOW_UP', note: 'Asked the ward why.', reviewedBy: { id: 'privacy-officer' }, reviewedAt: ago(30 * DAY) });
    await write(
      lookUnder('bg-old', 'r1', ago(40 * DAY), ['allergies']),
      lookUnder('bg-old', 'r1', ago(40 * DAY), ['results']),
      lookUnder('bg-old', 'r2', ago(40 * DAY - 60_000), ['allergies']),
      ordinaryLook('r3', ago(10 * DAY)),
      lookUnder('bg-mid', 'r4', ago(2 * DAY), ['allergies']),
      lookUnder('bg-mid', 'r5', ago(3_600_000), ['medications'], 'R8001'),
      lookUnder('bg-new', 'r6', ago(1_000), ['allergies']),
    );
    expect(await breakGlassUsesCompleteBefore(models)).toBeNull();
    expect(await queueRows()).toEqual(expected);
  });

  it('once the sweep has caught up and the backfill has read the older trail, the same queue comes from the stored uses and the newest events', async () => {
    // The sweep's first passes read the last day (its first look-back) and keep bg-mid's newer look and bg-new.
    for (let passes = 0; (await sweepStep(models as unknown as SweepModels, NOW)).behindMs > 0; passes += 1) expect(passes).toBeLessThan(50);
    expect(await breakGlassUsesCompleteBefore(models)).toBeNull(); // the older trail is not read yet
    // The backfill reads the trail before it, a week at a time, then says it is done.
    let passes = 0;
    while (await backfillBreakGlassUses(models as unknown as SweepModels, NOW)) passes += 1;
    expect(passes).toBeLessThan(10);
    const completeBefore = await breakGlassUsesCompleteBefore(models);
    expect(completeBefore).not.toBeNull();
    const stored = (await models.BreakGlassUse.find({}).sort({ _id: 1 }).lean().exec()) as Array<{ _id: string; requestIds: string[] }>;
    expect(stored.map((u) => [u._id, [...u.requestIds].sort()])).toEqual([
      ['bg-mid', ['r4', 'r5']],
      ['bg-new', ['r6']],
      ['bg-old', ['r1', 'r2']],
    ]);
    expect(await queueRows()).toEqual(expected);
  });

  it('a look written after the last pass is counted at once, and a second pass over the same events changes nothing', async () => {
    await write(lookUnder('bg-new', 'r7', new Date(NOW.getTime() + 500), ['results']));
    const withLate = expected.map((row) =>
      row.id === 'bg-new' ? { ...row, last: new Date(NOW.getTime() + 500).toISOString(), accesses: 2, categories: ['allergies', 'results'] } : row,
    );
    expect(await queueRows()).toEqual(withLate);
    await sweepStep(models as unknown as SweepModels, new Date(NOW.getTime() + 2_000));
    await sweepStep(models as unknown as SweepModels, new Date(NOW.getTime() + 120_000)); // a catch-up: reads the last 30 s again
    expect(await queueRows()).toEqual(withLate);
    const newUse = (await models.BreakGlassUse.findById('bg-new').lean().exec()) as { requestIds: string[] };
    expect([...newUse.requestIds].sort()).toEqual(['r6', 'r7']);
  });

  it('a closing review takes the declaration out of the queue and into the history, with every review; so does one of a declaration the sweep has not read yet', async () => {
    await recordBreakGlassReview({ breakGlassId: 'bg-old', outcome: 'APPROPRIATE', note: 'Seen in resus, appropriate.' }, context());
    // Looked under after the last pass, and reviewed at once: only the newest events and the review hold it.
    await write(lookUnder('bg-tail', 'r10', new Date(NOW.getTime() + 3_000), ['allergies']));
    await recordBreakGlassReview({ breakGlassId: 'bg-tail', outcome: 'INAPPROPRIATE', note: 'Not a patient of this ward.' }, context());
    expect((await queueRows()).map((r) => r.id)).toEqual(['bg-mid', 'bg-new']);
    const history = (await breakGlassReviewHistory({}, context())) as { rows: Row[] };
    expect(history.rows.map((r) => [r.breakGlassId, r.accesses, r.reviews.map((v) => v.outcome)])).toEqual([
      ['bg-tail', 1, ['INAPPROPRIATE']],
      ['bg-old', 2, ['APPROPRIATE', 'NEEDS_FOLLOW_UP']],
    ]);
    // The sweep then reads bg-tail's look: its use is whole, the review kept.
    await sweepStep(models as unknown as SweepModels, new Date(NOW.getTime() + 240_000));
    expect(await models.BreakGlassUse.findById('bg-tail').lean().exec()).toMatchObject({ nhsNumber: PATIENT, reason: 'EMERGENCY_CARE', requestIds: ['r10'], closed: true });
    expect(((await breakGlassReviewHistory({}, context())) as { rows: Row[] }).rows.map((r) => r.breakGlassId)).toEqual(['bg-tail', 'bg-old']);
    // A page of the latest closed: it says when more closed in the period.
    const latest = (await breakGlassReviewHistory({ first: 1 }, context())) as { rows: Row[]; truncated: boolean };
    expect([latest.rows.map((r) => r.breakGlassId), latest.truncated]).toEqual([['bg-tail'], true]);
    await expect(breakGlassReviewHistory({ first: 501 }, context())).rejects.toThrow(/"first" must be 1 to 500/);
  });

  it('the access log of looks under break-glass, page by page, starts each read at the last looks the uses record and still lists every such event, newest first', async () => {
    const all = (await models.AuditEvent.find({ 'breakGlass.id': { $ne: null } }).sort({ at: -1, _id: -1 }).lean().exec()).map((e) => String(e._id));
    expect(all.length).toBe(8);
    for (const size of [1, 2, 3]) {
      const listed: string[] = [];
      let after: string | null = null;
      for (let pages = 0; pages < 20; pages += 1) {
        const page = (await accessLog({ filter: { breakGlass: true }, first: size, after }, context())) as { events: Array<{ id: string }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
        listed.push(...page.events.map((e) => e.id));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(listed).toEqual(all);
    }
  });
});
