import type { Connection } from 'mongoose';
import { listOrganisations, registerOrganisation, setSharingStatus } from '../../subgraphs/registry/src/organisationRegister';
import { closeDatabases, database } from '../support/clients';

/** The organisation register's write path (npm run register), against the real database. */

let registry: Connection;
const change = { by: 'Programme administrator', reason: 'Signed the data sharing framework' };
const hospice = { odsCode: 'HSP01', name: 'Bury Hospice', kind: 'independent-provider', locality: 'Bury', sharingStatus: 'active' as const, sourceSystem: null };

beforeAll(async () => {
  registry = (await database('registry')).useDb('registry_register_test');
  await registry.dropDatabase();
});
afterAll(async () => {
  await registry?.dropDatabase();
  await closeDatabases();
});

const entry = async (odsCode: string) => (await listOrganisations(registry)).find((o) => o.odsCode === odsCode);
const changes = (odsCode: string) => registry.collection('organisationChanges').find({ odsCode }).sort({ at: 1 }).toArray();

describe('the organisation register', () => {
  it('adds an organisation and records who added it and why', async () => {
    expect(await registerOrganisation(registry, hospice, change)).toBe('added');
    expect(await entry('HSP01')).toEqual(hospice);
    expect((await changes('HSP01')).map((c) => [c.change, c.by, c.reason])).toEqual([['added', change.by, change.reason]]);
  });

  it('refuses to add it twice, and an entry it cannot use, changing nothing', async () => {
    await expect(registerOrganisation(registry, { ...hospice, name: 'Other' }, change)).rejects.toThrow(/already in the register/);
    await expect(registerOrganisation(registry, { ...hospice, odsCode: 'NEW01', kind: 'pharmacy' }, change)).rejects.toThrow(/unknown kind "pharmacy"/);
    await expect(registerOrganisation(registry, { ...hospice, odsCode: 'NEW02', kind: 'acute-trust' }, change)).rejects.toThrow(/name its source system/);
    await expect(registerOrganisation(registry, { ...hospice, odsCode: 'bad code' }, change)).rejects.toThrow(/ODS code/);
    await expect(registerOrganisation(registry, { ...hospice, odsCode: 'NEW03' }, { by: '', reason: '' })).rejects.toThrow(/--by[\s\S]*--reason/);
    expect((await listOrganisations(registry)).map((o) => o.odsCode)).toEqual(['HSP01']);
    expect(await entry('HSP01')).toEqual(hospice);
  });

  it('suspends and reinstates, keeping both changes', async () => {
    expect(await setSharingStatus(registry, 'HSP01', 'suspended', { by: 'Programme administrator', reason: 'Breach under investigation' })).toBe('active');
    expect((await entry('HSP01'))?.sharingStatus).toBe('suspended');
    expect(await setSharingStatus(registry, 'HSP01', 'active', { by: 'Programme administrator', reason: 'Investigation closed' })).toBe('suspended');
    expect((await changes('HSP01')).map((c) => [c.change, c.from ?? null, c.to ?? null])).toEqual([
      ['added', null, null],
      ['status', 'active', 'suspended'],
      ['status', 'suspended', 'active'],
    ]);
    await expect(setSharingStatus(registry, 'NOPE1', 'suspended', change)).rejects.toThrow(/not in the register/);
  });
});

describe('the audit service names an organisation as soon as it is registered', () => {
  it('a code its kept copy does not hold reads the register again, and both views name it the same', async () => {
    const { organisationNameModel, organisationNames, lookerOrganisationName } = await import('../../subgraphs/audit/src/names');
    const model = organisationNameModel(registry);
    const first = await organisationNames(model, ['HSP01']);
    expect(first.get('HSP01')).toBe('Bury Hospice');
    expect(first.has('HSP02')).toBe(false);
    // The kept copy is fresh for a minute; a newly registered code must not wait for it.
    await registerOrganisation(registry, { ...hospice, odsCode: 'HSP02', name: 'Heywood Hospice' }, change);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const names = await organisationNames(model, ['HSP02']);
    expect(lookerOrganisationName(names, { odsCode: 'HSP02', jobRole: 'R8001', profile: 'clinical' })).toBe('Heywood Hospice');
    // A code the register has never held is not a name, in any view.
    expect(lookerOrganisationName(await organisationNames(model, ['NOPE1']), { odsCode: 'NOPE1' })).toBeNull();
    expect(lookerOrganisationName(names, { odsCode: '', profile: 'patient' })).toMatch(/A patient/);
  });
});
