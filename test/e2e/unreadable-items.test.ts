import { openPanel, sealPanel, type SealedPanel } from '@shareforyou/kit';
import { asUser, closeDatabases, database, MARGARET } from '../support/clients';

/**
 * H12 on the real stack: an item stored under an older rule (or damaged) is left out with an
 * ITEM_UNREADABLE error naming it, and the rest of the section is served; the served subgraph
 * schema has every field wrapped by the field rules, which must not hide the check.
 */

afterAll(closeDatabases);

const BAD_ID = 'P83005/MedicationStatement/stored-under-an-old-rule';

it('a damaged stored medication is left out and named; the other medications are still served', async () => {
  const slices = (await database('gp')).collection('patientSlices');
  const before = (await asUser('gp').query(`{ patient(nhsNumber: "${MARGARET()}") { medications { id status } } }`)).data.patient.medications as Array<{ id: string }>;
  expect(before.length).toBeGreaterThan(0);
  // Every panel is sealed at rest: open Margaret's medications, add the damaged item, seal again.
  const sealed = (await slices.findOne({ _id: MARGARET() as never }))!.panels.medications as SealedPanel;
  const stored = openPanel(MARGARET(), 'medications', sealed);
  const damaged = sealPanel(MARGARET(), 'medications', [...stored, { ...stored[0], id: BAD_ID, status: 'half-taken' }]);
  await slices.updateOne({ _id: MARGARET() as never }, { $set: { 'panels.medications': damaged } } as never);
  try {
    const response = await asUser('gp').query(`{ patient(nhsNumber: "${MARGARET()}") { medications { id status } } }`);
    expect(response.data.patient.medications.map((m: { id: string }) => m.id)).toEqual(before.map((m) => m.id));
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0]).toMatchObject({ path: ['patient', 'medications'], extensions: { code: 'ITEM_UNREADABLE', serviceName: 'gp' } });
    expect(JSON.stringify(response.errors?.[0])).toContain(BAD_ID);
  } finally {
    // Put her medications back as they were, for every later test.
    await slices.updateOne({ _id: MARGARET() as never }, { $set: { 'panels.medications': sealed } } as never);
  }
  expect((await asUser('gp').query(`{ patient(nhsNumber: "${MARGARET()}") { medications { id } } }`)).errors).toBeUndefined();
});
