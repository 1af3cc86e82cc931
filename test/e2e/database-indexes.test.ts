import { AISHA, closeDatabases, DANIEL, database, MARGARET } from '../support/clients';

afterAll(closeDatabases);

/**
 * A record opens in the same time for the 1,000th patient and the 100,000th only if every
 * per-patient read finds its document through an index. On the local engine that depends on our
 * FerretDB patch (tools/src/engine/ferretdb-patches/); on MongoDB on the _id index.
 */
const USES_AN_INDEX = /USING INDEX|USING PRIMARY KEY|IDHACK|IXSCAN|EXPRESS/;

const perPatientCollections: Array<[database: string, collection: string]> = [
  ['registry', 'patients'],
  ['registry', 'patientAccess'],
  ['gp', 'patientSlices'],
  ['mental_health', 'patientSlices'],
];

describe('per-patient reads use an index, whatever the number of patients', () => {
  it.each(perPatientCollections)('%s.%s: one patient by _id', async (name, collection) => {
    const plan = await (await database(name)).collection(collection).find({ _id: MARGARET() as never }).explain();
    expect(JSON.stringify(plan.queryPlanner)).toMatch(USES_AN_INDEX);
  });

  it.each(perPatientCollections)('%s.%s: a caseload by _id $in', async (name, collection) => {
    const plan = await (await database(name)).collection(collection).find({ _id: { $in: [MARGARET(), DANIEL()] as never[] } }).explain();
    expect(JSON.stringify(plan.queryPlanner)).toMatch(USES_AN_INDEX);
  });

  it("the privacy officer's access log of one patient is read through the { nhsNumber, at } index", async () => {
    const plan = await (await database('audit')).collection('auditEvents').find({ nhsNumber: MARGARET() }).sort({ at: -1 }).limit(50).explain();
    expect(JSON.stringify(plan.queryPlanner)).toMatch(USES_AN_INDEX);
  });

  it('a caseload read returns exactly the patients asked for, misses left out', async () => {
    const found = await (await database('registry'))
      .collection('patients')
      .find({ _id: { $in: [MARGARET(), AISHA(), '9999999999'] as never[] } })
      .toArray();
    expect(found.map((patient) => patient._id).sort()).toEqual([MARGARET(), AISHA()].sort());
  });

  it('an equality read through an index still finds a document whose field is an array holding the value', async () => {
    const events = (await database('audit')).collection('indexProbe');
    await events.createIndex({ nhsNumber: 1 });
    await events.insertMany([
      { _id: 'one' as never, nhsNumber: MARGARET() },
      { _id: 'many' as never, nhsNumber: [DANIEL(), MARGARET()] },
      { _id: 'other' as never, nhsNumber: AISHA() },
    ]);
    try {
      const found = await events.find({ nhsNumber: MARGARET() }).toArray();
      expect(found.map((event) => event._id).sort()).toEqual(['many', 'one']);
    } finally {
      await events.drop();
    }
  });

  it('a filter the index cannot serve still answers correctly (mixed types are filtered, not pushed down)', async () => {
    const found = await (await database('registry'))
      .collection('patients')
      .find({ _id: { $in: [MARGARET(), 42] as never[] } })
      .toArray();
    expect(found.map((patient) => patient._id)).toEqual([MARGARET()]);
  });
});
