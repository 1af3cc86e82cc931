import { subgraphServices } from '@shareforyou/schema';
import mongoose from 'mongoose';
import { generatePatients } from '../../tools/src/synthetic';
import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { IDENTITY_HEADER, readSecret, signGatewayIdentity, type GatewayIdentity } from '@shareforyou/kit';
import { asGatewayFor, asUser, closeDatabases, codes, databaseCommands, gatewayPost, MARGARET, PETER, subgraphPost } from '../support/clients';
import { TEST_PATIENTS } from '../support/stackInfo';

afterAll(closeDatabases);

const ORGANISATION_SUBGRAPHS = ['gp', 'acute', 'mental-health', 'community', 'social-care'];
const SOURCE_FIELD: Record<string, string> = {
  gp: 'gpSource',
  acute: 'acuteSource',
  'mental-health': 'mentalHealthSource',
  community: 'communitySource',
  'social-care': 'socialCareSource',
};

describe('the federated record', () => {
  it('has all five organisation subgraphs in the service list', () => {
    expect(subgraphServices.map((s) => s.name)).toEqual(expect.arrayContaining(ORGANISATION_SUBGRAPHS));
  });

  it('the demo GP opens a demo patient with fields from every organisation subgraph in one query', async () => {
    const response = await asUser('gp').query(
      `query OpenRecord($nhsNumber: String!) {
        patient(nhsNumber: $nhsNumber) {
          nhsNumber name { text } birthDate registeredPractice { odsCode }
          medications { medication { code display system } current provenance { odsCode organisationName system lastUpdated } }
          allergies { code { display } }
          admissions { id provenance { odsCode } }
          communityEpisodes { id }
          carePackages { id }
          mentalHealthEpisodes { id }
          ${ORGANISATION_SUBGRAPHS.map((s) => `${SOURCE_FIELD[s]} { source organisations lastUpdated readAt }`).join('\n')}
        }
      }`,
      { nhsNumber: MARGARET() },
    );
    expect(response.errors).toBeUndefined();
    const patient = response.data.patient;
    expect(patient.name.text).toBe('Margaret Joan ASHWORTH');
    expect(patient.registeredPractice.odsCode).toBe('P83005');
    expect(patient.medications.map((m: any) => m.medication.display)).toEqual(expect.arrayContaining([expect.stringMatching(/Warfarin/)]));
    expect(patient.medications[0].provenance).toMatchObject({ odsCode: 'P83005', organisationName: 'Bury Central Medical Practice' });
    expect(patient.admissions.length).toBeGreaterThan(0);
    expect(patient.admissions[0].provenance.odsCode).toBe('RM3');
    expect(patient.communityEpisodes.length).toBeGreaterThan(0);
    expect(patient.carePackages.length).toBeGreaterThan(0);
    expect(patient.mentalHealthEpisodes).toEqual([]);
    for (const subgraph of ORGANISATION_SUBGRAPHS) expect(patient[SOURCE_FIELD[subgraph]].source).toBe(subgraph);
    expect(patient.acuteSource.organisations).toEqual(['RM3']);
  });

  it('a caseload costs a fixed number of database commands per subgraph, however many patients', async () => {
    // Patients registered at the GP's practice (Peter is left out: another test opts him out).
    const gpPatients = [...generatePatients({ patients: TEST_PATIENTS })]
      .filter((p) => p.practiceOdsCode === 'P83005' && p.nhsNumber !== PETER())
      .slice(0, 50)
      .map((p) => p.nhsNumber);
    expect(gpPatients.length).toBe(50);
    const query = `query Caseload($nhsNumbers: [String!]!) {
      patients(nhsNumbers: $nhsNumbers) {
        nhsNumber name { text }
        medications { id } admissions { id } communityEpisodes { id } carePackages { id } mentalHealthEpisodes { id }
      }
    }`;
    const gp = asUser('gp');
    const costOf = async (nhsNumbers: string[]) => {
      const before = await Promise.all(subgraphServices.map((s) => databaseCommands(s.name)));
      const response = await gp.query(query, { nhsNumbers });
      expect(response.errors).toBeUndefined();
      expect(response.data.patients).toHaveLength(nhsNumbers.length);
      const after = await Promise.all(subgraphServices.map((s) => databaseCommands(s.name)));
      return Object.fromEntries(subgraphServices.map((s, i) => [s.name, after[i] - before[i]]));
    };
    const five = await costOf(gpPatients.slice(0, 5));
    const fifty = await costOf(gpPatients);
    expect(fifty).toEqual(five);
    // registry: patients + access records; each organisation subgraph: access records + slices.
    expect(fifty.registry).toBe(2);
    for (const subgraph of ORGANISATION_SUBGRAPHS) expect(fifty[subgraph]).toBe(2);
  });

  it('a malformed NHS number is BAD_USER_INPUT and never reaches the database', async () => {
    const before = await databaseCommands('registry');
    for (const bad of ['123', '9434765918', 'abcdefghij', '94347659190']) {
      const response = await asUser('gp').query('query($n: String!) { patient(nhsNumber: $n) { name { text } } }', { n: bad });
      expect(codes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.data?.patient ?? null).toBeNull();
    }
    expect(await databaseCommands('registry')).toBe(before);
  });

  it('an unknown patient is NO_SHARED_RECORD', async () => {
    const response = await asUser('gp').query('{ patient(nhsNumber: "9434765919") { name { text } } }');
    expect(codes(response)).toEqual(['NO_SHARED_RECORD']);
  });
});

describe('authentication', () => {
  const query = `{ patient(nhsNumber: "${'9434765919'}") { name { text } } }`;
  const forge = (header: object, payload: object, signature = '') =>
    [header, payload].map((part) => Buffer.from(JSON.stringify(part)).toString('base64url')).join('.') + `.${signature}`;

  it.each([
    ['no token', {}],
    ['not a bearer token', { authorization: 'Basic Z3A6Z3A=' }],
    ['garbage', { authorization: 'Bearer not.a.jwt' }],
    [
      'alg none',
      {
        authorization: `Bearer ${forge({ alg: 'none', typ: 'JWT' }, { sub: 'x', name: 'x', selected_roleid: 'r', nhsid_nrbac_roles: [{ person_roleid: 'r', org_code: 'P83005', role_code: 'R8000' }], iss: 'https://dev-idp.shareforyou.local', aud: 'shareforyou-care-record', exp: 9999999999 })}`,
      },
    ],
  ])('%s gets UNAUTHENTICATED', async (_name, headers) => {
    const response = await gatewayPost(headers as Record<string, string>, query);
    expect(response.status).toBe(401);
    expect(codes(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.data ?? null).toBeNull();
  });

  it('a token signed with another key gets UNAUTHENTICATED', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const jwt = await import('jsonwebtoken');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const token = jwt.sign({ name: 'Mallory', selected_roleid: 'r', nhsid_nrbac_roles: [{ person_roleid: 'r', org_code: 'P83005', role_code: 'S:G:R8000' }] }, privateKey, {
      algorithm: 'RS256', issuer: 'https://dev-idp.shareforyou.local', audience: 'shareforyou-care-record', subject: 'mallory', expiresIn: 300,
    });
    const response = await gatewayPost({ authorization: `Bearer ${token}` }, query);
    expect(codes(response)).toEqual(['UNAUTHENTICATED']);
  });

  it('an expired token gets UNAUTHENTICATED', async () => {
    const { userToken } = await import('../../tools/src/demo/tokens');
    const { findDemoUser } = await import('../../tools/src/demo/users');
    const token = userToken(findDemoUser('gp'), { expiresInSeconds: -120 });
    const response = await gatewayPost({ authorization: `Bearer ${token}` }, query);
    expect(codes(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.errors?.[0].message).toMatch(/expired/);
  });

  it('a subgraph refuses any call without a valid gateway identity', async () => {
    for (const subgraph of subgraphServices.map((s) => s.name)) {
      const none = await subgraphPost(subgraph, {}, '{ _service { sdl } }');
      expect(none.status).toBe(401);
      expect(codes(none)).toEqual(['UNAUTHENTICATED']);
    }
    // A user's own token is not a gateway identity.
    const userToken = asUser('gp').token;
    const forged = await subgraphPost('gp', { 'x-shareforyou-identity': userToken }, `{ _entities(representations: [{ __typename: "Patient", nhsNumber: "${MARGARET()}" }]) { ... on Patient { medications { id } } } }`);
    expect(forged.status).toBe(401);
    expect(JSON.stringify(forged)).not.toMatch(/P83005\//);
  });

  describe('a gateway identity expires and is spent (issue #21.3)', () => {
    const medicines = `{ _entities(representations: [{ __typename: "Patient", nhsNumber: "${MARGARET()}" }]) { ... on Patient { medications { id } } } }`;
    const identity = () => asGatewayFor('gp').identity;
    const claims = (i: GatewayIdentity) => ({ sub: i.userId, name: i.name, org: i.odsCode, job_role: i.jobRole, profile: i.profile, rid: i.requestId });
    const signed = (payload: object, options: jwt.SignOptions) => jwt.sign(payload, readSecret('gatewayIdentityPrivate'), { algorithm: 'ES256', issuer: 'shareforyou-gateway', audience: 'shareforyou-subgraphs', ...options });

    it('accepted once; the same identity again, within its minute, is refused', async () => {
      const once = signGatewayIdentity(identity());
      const first = await subgraphPost('gp', { [IDENTITY_HEADER]: once }, medicines);
      expect(first.status).toBe(200);
      expect(first.data._entities[0].medications.length).toBeGreaterThan(0);
      const replayed = await subgraphPost('gp', { [IDENTITY_HEADER]: once }, medicines);
      expect({ status: replayed.status, codes: codes(replayed) }).toEqual({ status: 401, codes: ['UNAUTHENTICATED'] });
    });

    it('an identity without exp, or living ten years, is refused, though signed with the gateway key', async () => {
      for (const token of [signed(claims(identity()), { jwtid: randomUUID() }), signed(claims(identity()), { jwtid: randomUUID(), expiresIn: 10 * 365 * 24 * 3600 }), signed(claims(identity()), { expiresIn: 60 })]) {
        const answer = await subgraphPost('gp', { [IDENTITY_HEADER]: token }, medicines);
        expect({ status: answer.status, codes: codes(answer) }).toEqual({ status: 401, codes: ['UNAUTHENTICATED'] });
      }
    });

    it('through the gateway every call is answered: one identity per subgraph call (a persisted-query retry included)', async () => {
      for (let i = 0; i < 3; i++) {
        const response = await asUser('gp').query(`query Again${i}($n: String!) { patient(nhsNumber: $n) { medications { id } hospitalAllergies { id } combinedAllergies { items { id } } } }`, { n: MARGARET() });
        expect(response.errors).toBeUndefined();
      }
    });
  });
});

describe('the seeded demo shows the richer shapes (issue 11.9), through the feeds and the gateway', () => {
  it("Margaret's GP record: amlodipine on a repeat prescription, the penicillin allergy with its reaction, and the aspirin allergy the practice corrected is not shown", async () => {
    const response = await asUser('gp').query(
      `query($n: String!) { patient(nhsNumber: $n) {
        medications { kind status current intent medication { display } courseOfTherapyType { code } repeat { numberOfRepeatsAllowed numberOfPrescriptionsIssued authorisationExpiryDate } prescriber }
        allergies { code { code display } current reactions { manifestations { code display } severity } }
      } }`,
      { n: MARGARET() },
    );
    expect(response.errors).toBeUndefined();
    const { medications, allergies } = response.data.patient;
    expect(medications.filter((m: any) => m.kind === 'request')).toEqual([
      { kind: 'request', status: 'active', current: true, intent: 'order', medication: { display: 'Amlodipine 5mg tablets' }, courseOfTherapyType: { code: 'continuous' }, repeat: { numberOfRepeatsAllowed: 6, numberOfPrescriptionsIssued: 1, authorisationExpiryDate: '2027-03-15T00:00:00Z' }, prescriber: 'Dr S Greenhalgh' },
    ]);
    expect(allergies).toEqual([{ code: { code: '91936005', display: 'Allergy to penicillin' }, current: true, reactions: [{ manifestations: [{ code: '39579001', display: 'Anaphylaxis' }], severity: 'severe' }] }]);
  });

  it("Margaret's admission: a blood pressure as one result with two components, and the full blood count as a panel with its members", async () => {
    const response = await asUser('ae-doctor').query(
      `query($n: String!) { patient(nhsNumber: $n) { testResults { id code { code text } value components { code { code } value { quantity { value code } } } memberIds } } }`,
      { n: MARGARET() },
    );
    expect(response.errors).toBeUndefined();
    const results = response.data.patient.testResults as any[];
    const bp = results.find((r) => r.code.code === '75367002');
    expect(bp).toMatchObject({ value: null, components: [{ code: { code: '8480-6' }, value: { quantity: { code: 'mm[Hg]' } } }, { code: { code: '8462-4' }, value: { quantity: { code: 'mm[Hg]' } } }] });
    const panel = results.find((r) => r.memberIds.length > 0);
    expect(panel).toMatchObject({ code: { text: 'Full blood count' }, value: null });
    const members = panel.memberIds.map((id: string) => results.find((r) => r.id === id)?.code.code);
    expect(members).toEqual(['718-7', '6690-2', '777-3']);
  });
});

afterAll(() => mongoose.disconnect());
