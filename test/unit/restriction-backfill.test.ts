import { restrictionFromIndex } from '../../subgraphs/registry/src/models';
import { backfilledRestriction } from '../../subgraphs/registry/src/restrictionBackfill';

/**
 * The restricted flag an access record takes from the patient index (clinical safety H165): the one
 * rule the feed (a Patient older than the index) and the start's backfill (records kept before the
 * flag) share; the backfill's pass itself: integration restriction-backfill.test.ts.
 */
it("the index's flag by the index's version: restricted, not restricted (an entry without the field too), unknown without an entry", () => {
  expect(restrictionFromIndex({ restricted: true, versionKey: 'v2' })).toEqual({ restricted: true, versionKey: 'v2' });
  expect(restrictionFromIndex({ restricted: false, versionKey: 'v3' })).toEqual({ restricted: false, versionKey: 'v3' });
  // An entry fed before the index kept the field: not restricted, by its version.
  expect(restrictionFromIndex({ versionKey: 'v1' })).toEqual({ restricted: false, versionKey: 'v1' });
  // The index does not hold the patient (or holds no version): no flag, so it stays unknown (withheld).
  expect(restrictionFromIndex(null)).toBeNull();
  expect(restrictionFromIndex(undefined)).toBeNull();
  expect(restrictionFromIndex({ restricted: true, versionKey: '' })).toBeNull();
});

it('the flag an old record takes: the index\'s, only when it has none and the index holds the patient', () => {
  expect(backfilledRestriction({}, { restricted: true, versionKey: 'v2' })).toEqual({ restricted: true, versionKey: 'v2' });
  expect(backfilledRestriction({}, { versionKey: 'v1' })).toEqual({ restricted: false, versionKey: 'v1' });
  expect(backfilledRestriction({}, null)).toBeNull();
  expect(backfilledRestriction({ restriction: { restricted: false, versionKey: 'v9' } }, { restricted: true, versionKey: 'v2' })).toBeNull();
  expect(backfilledRestriction(null, { restricted: true, versionKey: 'v2' })).toBeNull();
});
