import { backfilledRestriction } from '../../subgraphs/registry/src/restrictionBackfill';

/** The restricted flag an access record kept before the flag was takes from the patient index (clinical safety H165; the pass itself: integration restriction-backfill.test.ts). */
it('the flag an old record takes: the index\'s, only when it has none and the index holds the patient', () => {
  expect(backfilledRestriction({}, { restricted: true, versionKey: 'v2' })).toEqual({ restricted: true, versionKey: 'v2' });
  expect(backfilledRestriction({}, { versionKey: 'v1' })).toEqual({ restricted: false, versionKey: 'v1' });
  expect(backfilledRestriction({}, null)).toBeNull();
  expect(backfilledRestriction({ restriction: { restricted: false, versionKey: 'v9' } }, { restricted: true, versionKey: 'v2' })).toBeNull();
  expect(backfilledRestriction(null, { restricted: true, versionKey: 'v2' })).toBeNull();
});
