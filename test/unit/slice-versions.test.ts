import { applySliceEntry, type PreparedSliceEntry } from '../../subgraphs/kit/src/ingest/sliceFeedTarget';
import { versionKey, type PatientSliceRecord } from '../../subgraphs/kit/src/slice/patientSlice';

/** How one entry changes a patient's slice: by version, with tombstones (kit ingest/sliceFeedTarget.ts). */

const ID = 'P83005/AllergyIntolerance/al-1';
const emptySlice = (): PatientSliceRecord => ({ _id: '9993133701', panels: {}, tombstones: [], revision: 0 });
const provenance = (version: string, lastUpdated: string) => ({ odsCode: 'P83005', organisationName: 'Bury', system: 'EMIS Web', sourceId: 'al-1', version, lastUpdated });
const upsert = (version: string, lastUpdated: string, substance = 'Penicillin', withheld = false): PreparedSliceEntry => ({
  item: { id: ID, substance, provenance: provenance(version, lastUpdated) },
  panel: 'allergies',
  versionKey: versionKey({ version, lastUpdated }),
  withheld,
});
const remove = (version: string, lastUpdated: string): PreparedSliceEntry => ({ delete: true, versionKey: versionKey({ version, lastUpdated }) });
const items = (slice: PatientSliceRecord) => slice.panels.allergies ?? [];

describe('versions of one item in a slice', () => {
  it('creates, then updates with a newer version, and leaves an identical replay unchanged', () => {
    const slice = emptySlice();
    expect(applySliceEntry(slice, ID, upsert('1', '2026-11-01T09:00:00Z'))).toBe('created');
    expect(applySliceEntry(slice, ID, upsert('2', '2026-11-02T09:00:00Z', 'Amoxicillin'))).toBe('updated');
    expect(applySliceEntry(slice, ID, upsert('2', '2026-11-02T09:00:00Z', 'Amoxicillin'))).toBe('unchanged');
    expect(items(slice).map((i) => i.substance)).toEqual(['Amoxicillin']);
  });

  it('never lets an older version overwrite a newer one', () => {
    const slice = emptySlice();
    applySliceEntry(slice, ID, upsert('2', '2026-11-02T09:00:00Z', 'Amoxicillin'));
    expect(applySliceEntry(slice, ID, upsert('1', '2026-11-01T09:00:00Z'))).toBe('stale');
    expect(items(slice).map((i) => i.substance)).toEqual(['Amoxicillin']);
  });

  it('orders numeric version ids as numbers on a tie of lastUpdated ("10" after "9")', () => {
    expect(versionKey({ version: '10', lastUpdated: '2026-11-01T09:00:00Z' }) > versionKey({ version: '9', lastUpdated: '2026-11-01T09:00:00Z' })).toBe(true);
  });

  it('a delete of nothing held is told apart (not-held, answered 200 OK) and still leaves its tombstone', () => {
    const slice = emptySlice();
    expect(applySliceEntry(slice, ID, remove('2', '2026-11-02T09:00:00Z'))).toBe('not-held');
    expect(slice.tombstones).toEqual([{ id: ID, versionKey: versionKey({ version: '2', lastUpdated: '2026-11-02T09:00:00Z' }) }]);
    expect(applySliceEntry(slice, ID, upsert('1', '2026-11-01T09:00:00Z'))).toBe('stale');
  });

  it('a delete removes the item and leaves a tombstone that a late replay cannot get past', () => {
    const slice = emptySlice();
    applySliceEntry(slice, ID, upsert('1', '2026-11-01T09:00:00Z'));
    expect(applySliceEntry(slice, ID, remove('2', '2026-11-02T09:00:00Z'))).toBe('deleted');
    expect(items(slice)).toEqual([]);
    expect(applySliceEntry(slice, ID, upsert('1', '2026-11-01T09:00:00Z'))).toBe('stale');
    expect(items(slice)).toEqual([]);
    // A genuinely newer version (the source restored it) comes back, and clears the tombstone.
    expect(applySliceEntry(slice, ID, upsert('3', '2026-11-03T09:00:00Z'))).toBe('created');
    expect(slice.tombstones).toEqual([]);
  });

  it('a withheld item is removed and not stored', () => {
    const slice = emptySlice();
    applySliceEntry(slice, ID, upsert('1', '2026-11-01T09:00:00Z'));
    expect(applySliceEntry(slice, ID, upsert('2', '2026-11-02T09:00:00Z', 'x', true))).toBe('withheld');
    expect(items(slice)).toEqual([]);
  });
});
