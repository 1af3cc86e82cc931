import { getNamedType, isObjectType, type GraphQLObjectType } from 'graphql';
import { loadPolicy, profileForJobRole, profileMaySee } from '@shareforyou/schema';
import { supergraphApiSchema } from '@shareforyou/schema/src/compose';
import { execFileSync } from 'node:child_process';
import { findDemoUser } from '../../tools/src/demo/users';
import { REPO_ROOT } from '../../tools/src/paths';
import { pollUntil } from '../support/polling';
import { stackInfo } from '../support/stackInfo';
import { asGatewayFor, asUser, closeDatabases, codes, DANIEL, database, gatewayPost, MARGARET, organisationLookups } from '../support/clients';

afterAll(closeDatabases);

const policy = loadPolicy();
const patientType = supergraphApiSchema().getType('Patient') as GraphQLObjectType;

/** Every Patient field, grouped by category, each with a selection that asks for it. */
const patientFields = Object.entries(policy.fields.Patient as Record<string, string>).map(([field, category]) => {
  const type = getNamedType(patientType.getFields()[field].type);
  return { field, category, selection: isObjectType(type) ? `${field} { __typename }` : field };
});

describe('field policy, checked against the live stack for every demo role and every category', () => {
  // Users with a current care relationship with Margaret (registration, admission, referral, open case).
  const users = ['gp', 'receptionist', 'ae-doctor', 'community-nurse', 'social-worker'];

  it.each(users)('%s sees exactly the categories the policy gives their profile', async (key) => {
    const profile = profileForJobRole(policy, findDemoUser(key).jobRole)!;
    const response = await asUser(key).query(`query($n: String!) { patient(nhsNumber: $n) { ${patientFields.map((f) => f.selection).join(' ')} } }`, { n: MARGARET() });
    expect(response.data?.patient).not.toBeNull();
    const denied = new Set((response.errors ?? []).filter((e) => e.extensions?.code === 'FORBIDDEN_FIELD').map((e) => e.path?.[1]));
    const unexpectedErrors = (response.errors ?? []).filter((e) => e.extensions?.code !== 'FORBIDDEN_FIELD');
    expect(unexpectedErrors).toEqual([]);
    for (const { field, category } of patientFields) {
      const allowed = profileMaySee(policy, profile, category);
      expect({ field, category, denied: denied.has(field) }).toEqual({ field, category, denied: !allowed });
      if (!allowed) expect(response.data.patient[field]).toBeNull();
    }
  });

  it('a denied field names itself and the rest of the record still arrives', async () => {
    const response = await asUser('receptionist').query(`{ patient(nhsNumber: "${MARGARET()}") { name { text } medications { id } outpatientAppointments { id } } }`);
    expect(response.data.patient.name.text).toBe('Margaret Joan ASHWORTH');
    expect(response.data.patient.medications).toBeNull();
    expect(response.errors).toEqual([
      expect.objectContaining({ path: ['patient', 'medications'], extensions: expect.objectContaining({ code: 'FORBIDDEN_FIELD', field: 'Patient.medications' }) }),
    ]);
  });

  it('the privacy officer sees no patient record at all', async () => {
    const response = await asUser('privacy-officer').query(`{ patient(nhsNumber: "${MARGARET()}") { name { text } } }`);
    // Opening a record is an action the role may not perform, not a field it may not see.
    expect(codes(response)).toEqual(['FORBIDDEN_ACTION']);
    expect(response.data?.patient ?? null).toBeNull();
  });

  it('each subgraph enforces the policy on its own when called directly', async () => {
    const representation = `[{ __typename: "Patient", nhsNumber: "${MARGARET()}" }]`;
    const asReceptionist = await asGatewayFor('receptionist').query('gp', `{ _entities(representations: ${representation}) { ... on Patient { medications { id } } } }`);
    expect(codes(asReceptionist)).toEqual(['FORBIDDEN_FIELD']);
    const asGp = await asGatewayFor('gp').query('gp', `{ _entities(representations: ${representation}) { ... on Patient { medications { id } } } }`);
    expect(asGp.errors).toBeUndefined();
    expect(asGp.data._entities[0].medications.length).toBeGreaterThan(0);
  });
});

describe('care relationships', () => {
  it('without one: NO_CARE_RELATIONSHIP and nothing from any source', async () => {
    const response = await asUser('ae-doctor').query(`{ patient(nhsNumber: "${DANIEL()}") { name { text } medications { id } mentalHealthEpisodes { id } } }`);
    expect(codes(response)).toEqual(['NO_CARE_RELATIONSHIP']);
    expect(response.data.patient).toBeNull();
  });

  it('a subgraph called directly refuses without one too', async () => {
    for (const subgraph of ['gp', 'mental-health']) {
      const response = await asGatewayFor('ae-doctor').query(subgraph, `{ _entities(representations: [{ __typename: "Patient", nhsNumber: "${DANIEL()}" }]) { ... on Patient { nhsNumber } } }`);
      expect(codes(response)).toEqual(['NO_CARE_RELATIONSHIP']);
      expect(response.data._entities).toEqual([null]);
    }
  });

  it('with one: the mental health clinician sees Daniel', async () => {
    const response = await asUser('mh-clinician').query(`{ patient(nhsNumber: "${DANIEL()}") { name { text } mentalHealthEpisodes { id } riskSummary { __typename } } }`);
    expect(response.errors).toBeUndefined();
    expect(response.data.patient.mentalHealthEpisodes.length).toBeGreaterThan(0);
  });
});

describe('break-glass', () => {
  const declare = (key: string, nhsNumber: string, detail = 'Unconscious in resus, no history available') =>
    asUser(key).query('mutation($n: String!, $d: String!) { declareBreakGlass(nhsNumber: $n, reason: EMERGENCY_CARE, detail: $d) { id expiresAt } }', { n: nhsNumber, d: detail });

  it('is refused to administrative and privacy officer profiles', async () => {
    for (const key of ['receptionist', 'privacy-officer']) {
      const response = await declare(key, DANIEL());
      expect(codes(response)).toEqual(['FORBIDDEN_ACTION']);
    }
  });

  it('needs a reason that says why', async () => {
    expect(codes(await declare('ae-doctor', DANIEL(), 'because'))).toEqual(['BAD_USER_INPUT']);
  });

  it('gives the declaring clinician, and only them, time-limited access, marked on the record', async () => {
    const declared = await declare('ae-doctor', DANIEL());
    expect(declared.errors).toBeUndefined();
    const expires = Date.parse(declared.data.declareBreakGlass.expiresAt);
    expect(expires).toBeGreaterThan(Date.now() + 60 * 60_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 4 * 60 * 60_000 + 5_000);

    const opened = await asUser('ae-doctor').query(`{ patient(nhsNumber: "${DANIEL()}") { name { text } medications { id } breakGlass { reason detail } } }`);
    expect(opened.errors).toBeUndefined();
    expect(opened.data.patient.breakGlass.reason).toBe('EMERGENCY_CARE');
    expect(opened.data.patient.medications.length).toBeGreaterThan(0);

    // Another user at the same hospital is not covered by it.
    const { userToken } = await import('../../tools/src/demo/tokens');
    const colleague = userToken({ userId: 'demo-ae-colleague', name: 'Dr Colleague', odsCode: 'RM3', jobRole: 'R8000', roleName: 'Clinical Practitioner Access Role' });
    const other = await asUser('ae-doctor', { token: colleague }).query(`{ patient(nhsNumber: "${DANIEL()}") { name { text } } }`);
    expect(codes(other)).toEqual(['NO_CARE_RELATIONSHIP']);

    // Once expired, access ends.
    const registry = await database('registry');
    const record = await registry.collection('patientAccess').findOne({ _id: DANIEL() as never });
    const breakGlass = (record!.breakGlass as Array<{ userId: string; expiresAt: Date }>).map((b) => (b.userId === 'demo-ae-tom-whitworth' ? { ...b, expiresAt: new Date(Date.now() - 1000) } : b));
    await registry.collection('patientAccess').updateOne({ _id: DANIEL() as never }, { $set: { breakGlass } });
    const expired = await asUser('ae-doctor').query(`{ patient(nhsNumber: "${DANIEL()}") { name { text } } }`);
    expect(codes(expired)).toEqual(['NO_CARE_RELATIONSHIP']);
  });
});

describe('organisations party to the data sharing framework', () => {
  it('a user of a non-party organisation gets ORGANISATION_NOT_PARTY and nothing else', async () => {
    const response = await gatewayPost({ authorization: `Bearer ${asUser('non-party').token}` }, `{ patient(nhsNumber: "${MARGARET()}") { name { text } } }`);
    expect(codes(response)).toEqual(['ORGANISATION_NOT_PARTY']);
    expect(response.status).toBe(403);
    expect(response.data ?? null).toBeNull();
  });

  const register = (...args: string[]) =>
    execFileSync(process.execPath, ['--import', 'tsx', 'tools/src/cli/register.ts', ...args, '--by', 'Programme administrator', '--reason', 'end-to-end test'], {
      cwd: REPO_ROOT,
      env: { ...process.env, MONGODB_URI: stackInfo().mongoUri },
      encoding: 'utf8',
    });
  const openAs = (token: string, nhsNumber: string) => gatewayPost({ authorization: `Bearer ${token}` }, `{ patient(nhsNumber: "${nhsNumber}") { name { text } } }`);

  it('suspending an organisation (npm run register) takes effect without a restart, and reinstating restores access', async () => {
    const token = asUser('ae-doctor').token;
    expect(register('suspend', '--ods', 'RM3')).toMatch(/RM3: active -> suspended/);
    try {
      await pollUntil('the suspension', async () => codes(await openAs(token, MARGARET())).includes('ORGANISATION_NOT_PARTY'), 15_000);
      const suspended = await openAs(token, MARGARET());
      expect(codes(suspended)).toEqual(['ORGANISATION_NOT_PARTY']);
      expect(suspended.errors?.[0].message).toMatch(/suspended/);
    } finally {
      register('reinstate', '--ods', 'RM3');
    }
    await pollUntil('the reinstatement', async () => (await openAs(token, MARGARET())).errors === undefined, 15_000);
  });

  it('a burst of requests from an organisation whose status is not yet known asks the register once', async () => {
    // A newly registered organisation: the gateway has never asked about it.
    expect(register('add', '--ods', 'HSP01', '--name', 'Bury Hospice', '--kind', 'independent-provider', '--locality', 'Bury')).toMatch(/HSP01: added/);
    const { userToken } = await import('../../tools/src/demo/tokens');
    const token = userToken({ userId: 'demo-hospice-nurse', name: 'Hospice Nurse', odsCode: 'HSP01', jobRole: 'R8001', roleName: 'Nurse Access Role' });
    const before = await organisationLookups();
    // Daniel, with whom the hospice has no relationship: every answer is past the party check
    // (no ORGANISATION_NOT_PARTY, no SOURCE_UNAVAILABLE).
    const burst = await Promise.all(Array.from({ length: 12 }, () => openAs(token, DANIEL())));
    expect(burst.map(codes)).toEqual(Array(12).fill(['NO_CARE_RELATIONSHIP']));
    expect((await organisationLookups()) - before).toBe(1);
  });
});

describe('patient trace', () => {
  it('finds the NHS number from exact demographics and shows only identifying details', async () => {
    const response = await asUser('receptionist').query('{ patientSearch(familyName: "ashworth", birthDate: "1944-03-12", postcode: "BL9 6PJ") { nhsNumber name { text } birthDate postcode registeredPractice { odsCode } } }');
    expect(response.errors).toBeUndefined();
    expect(response.data.patientSearch.map((m: any) => m.nhsNumber)).toContain(MARGARET());
  });

  it('refuses a malformed birth date and a search too broad to be a trace', async () => {
    expect(codes(await asUser('gp').query('{ patientSearch(familyName: "Ashworth", birthDate: "12/03/1944") { nhsNumber } }'))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await asUser('gp').query('{ patientSearch(familyName: "A", birthDate: "1944-03-12") { nhsNumber } }'))).toEqual(['BAD_USER_INPUT']);
  });
});
