import { applyAccessChanges, visibleAccessRecord, type AccessChange } from '../../subgraphs/kit/src/access/stagedAccess';
import type { CareRelationshipRecord, PatientAccessRecord } from '../../subgraphs/kit/src/access/registryRecords';

/**
 * A registry transaction's staged writes on an access record, as every subgraph's access read
 * shows them (kit access/stagedAccess): nothing of a pending transaction, all of a committed one.
 */

const admission = (sourceId: string, versionKey: string): CareRelationshipRecord => ({ odsCode: 'RM3', organisationName: 'Northern Care Alliance', kind: 'admission', from: new Date('2025-01-11T08:00:00Z'), until: null, sourceId, versionKey });
const registration: CareRelationshipRecord = { odsCode: 'P83005', organisationName: 'Bury Central', kind: 'registration', from: new Date('2025-01-10T09:00:00Z'), until: null, sourceId: 'P83005/registration', versionKey: 'v1' };
const record = (staged: PatientAccessRecord['staged']): PatientAccessRecord => ({
  _id: '9990000034',
  relationships: [{ ...registration, odsCode: 'P87001', sourceId: 'P87001/registration' }],
  recordOptOut: null,
  breakGlass: [],
  revision: 3,
  staged,
});
const changes: AccessChange[] = [
  { index: 0, kind: 'relationship', sourceId: 'RM3/Encounter/a1', relationship: admission('RM3/Encounter/a1', '0002'), versionKey: '0002' },
  { index: 1, kind: 'registration', registration, endOthersAt: new Date('2025-01-10T10:00:00Z') },
];

it('a pending transaction changes nothing a reader sees; a committed one changes all of it at once', () => {
  const stored = record([{ journal: 'j1', changes }]);
  expect(visibleAccessRecord(stored, new Set(['j1']))).toMatchObject({ relationships: stored.relationships, staged: [] });
  const committed = visibleAccessRecord(stored, new Set());
  expect(committed.relationships.map((r) => [r.sourceId, r.until])).toEqual([
    ['P87001/registration', new Date('2025-01-10T10:00:00Z')],
    ['RM3/Encounter/a1', null],
    ['P83005/registration', null],
  ]);
  // The stored record itself is left as it was.
  expect(stored.relationships).toHaveLength(1);
  expect(stored.relationships[0].until).toBeNull();
});

it('applying the same changes again changes nothing (settling after a crash is idempotent); an older version is stale', () => {
  const relationships: CareRelationshipRecord[] = [];
  expect([...applyAccessChanges(relationships, changes)]).toEqual([[0, 'created']]);
  expect([...applyAccessChanges(relationships, changes)]).toEqual([[0, 'unchanged']]);
  expect([...applyAccessChanges(relationships, [{ ...changes[0], versionKey: '0001' } as AccessChange])]).toEqual([[0, 'stale']]);
  expect(relationships.filter((r) => r.kind === 'registration')).toHaveLength(1);
});

it('a record without staged writes is shown as stored', () => {
  const stored = record(undefined);
  expect(visibleAccessRecord(stored, new Set())).toBe(stored);
});
