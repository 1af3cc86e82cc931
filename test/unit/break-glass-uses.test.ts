import { mergeUses, usesOf, type BreakGlassEvent } from '../../subgraphs/audit/src/monitoring/breakGlassUses';

/**
 * What the monitoring sweep keeps per break-glass declaration (subgraphs/audit/src/monitoring/
 * breakGlassUses.ts), as the review queue shows it: the first and last look, the requests, the
 * categories, and the user as they were at the last look. The events may come in any order and
 * twice (the sweep re-reads its catch-up window).
 */

const user = (jobRole: string) => ({ id: 'dr-a', name: 'Dr A', odsCode: 'RM301', jobRole, profile: 'clinical' });
const event = (id: string | null, requestId: string, at: string, categories: string[], jobRole = 'R8000'): BreakGlassEvent => ({
  requestId,
  at: new Date(at),
  user: user(jobRole),
  nhsNumber: '9434765919',
  categories,
  breakGlass: id ? { id, reason: 'EMERGENCY_CARE', detail: 'Unconscious on arrival' } : null,
});

describe('break-glass uses', () => {
  it('one use per declaration, from events in any order: first and last look, distinct requests, every category, the user at the last look', () => {
    const uses = usesOf([
      event('bg-1', 'r2', '2026-12-01T10:05:00Z', ['medications'], 'R8001'),
      event('bg-1', 'r1', '2026-12-01T10:00:00Z', ['allergies']),
      event('bg-1', 'r1', '2026-12-01T10:00:00Z', ['results']),
      event(null, 'r3', '2026-12-01T10:06:00Z', ['allergies']),
      event('bg-2', 'r4', '2026-12-01T11:00:00Z', ['allergies']),
    ]);
    expect(uses.map((u) => [u._id, u.firstAccess.toISOString(), u.lastAccess.toISOString(), u.requestIds, [...u.categories].sort(), u.user.jobRole])).toEqual([
      ['bg-1', '2026-12-01T10:00:00.000Z', '2026-12-01T10:05:00.000Z', ['r2', 'r1'], ['allergies', 'medications', 'results'], 'R8001'],
      ['bg-2', '2026-12-01T11:00:00.000Z', '2026-12-01T11:00:00.000Z', ['r4'], ['allergies'], 'R8000'],
    ]);
    expect(uses[0]).toMatchObject({ reason: 'EMERGENCY_CARE', detail: 'Unconscious on arrival', nhsNumber: '9434765919' });
  });

  it('merging the stored uses with the newest events adds what is new and counts nothing twice', () => {
    const stored = usesOf([event('bg-1', 'r1', '2026-12-01T10:00:00Z', ['allergies'])]);
    const merged = mergeUses(stored, usesOf([event('bg-1', 'r1', '2026-12-01T10:00:00Z', ['allergies']), event('bg-1', 'r9', '2026-12-01T12:00:00Z', ['results'], 'R8001'), event('bg-3', 'r8', '2026-12-01T12:01:00Z', [])]));
    expect(merged.map((u) => [u._id, u.requestIds, u.categories, u.lastAccess.toISOString(), u.user.jobRole])).toEqual([
      ['bg-1', ['r1', 'r9'], ['allergies', 'results'], '2026-12-01T12:00:00.000Z', 'R8001'],
      ['bg-3', ['r8'], [], '2026-12-01T12:01:00.000Z', 'R8000'],
    ]);
    // The stored use itself is not changed by the merge.
    expect(stored[0].requestIds).toEqual(['r1']);
  });
});
