import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { auditModels, AuditTrail, HEAD_INTERVAL_MS, verifyAuditTrail, type AuditEventContent } from '@shareforyou/kit';
import { userToken } from '../../tools/src/demo/tokens';
import { findDemoUser, type DemoUser } from '../../tools/src/demo/users';
import { REPO_ROOT } from '../../tools/src/paths';
import { generatePatients } from '../../tools/src/synthetic';
import { fixtureLook } from '../support/auditFixtures';
import { asUser, closeDatabases, codes, database, gatewayPost, MARGARET, type GraphQLResponse } from '../support/clients';
import { stackInfo, TEST_PATIENTS } from '../support/stackInfo';
import { registerTestPatient, sendBatch } from '../support/testPatient';
import { medicationEntry } from '../support/feedBundles';

afterAll(closeDatabases);

/** Every look is recorded: what the trail holds, who may read it, the reports, and tamper evidence. */

type User = Pick<DemoUser, 'userId' | 'name' | 'odsCode' | 'jobRole' | 'roleName'>;
const clinician = (label: string, odsCode: string): User => ({
  userId: `audit-test-${label}-${randomUUID()}`,
  name: `Dr ${label}`,
  odsCode,
  jobRole: 'R8000',
  roleName: 'Clinical Practitioner Access Role',
});

/** A query through the gateway under a request id of our choosing (the gateway forwards a sane one). */
async function lookAs(user: User, query: string, variables?: Record<string, unknown>): Promise<{ requestId: string; response: GraphQLResponse }> {
  const requestId = `audit-test-${randomUUID()}`;
  const response = await gatewayPost({ authorization: `Bearer ${userToken(user)}`, 'x-request-id': requestId }, query, variables);
  return { requestId, response };
}

const privacyOfficer = () => asUser('privacy-officer');

const EVENT = `id requestId at subgraph operationName user { id name odsCode jobRole profile } nhsNumber
  fields { coordinate outcome reason } categories denied breakGlass { id reason detail } arguments { name value }`;

async function accessLog(filter: Record<string, unknown>, first?: number, after?: string) {
  return privacyOfficer().query(
    `query($filter: AccessLogFilter, $first: Int, $after: String) { accessLog(filter: $filter, first: $first, after: $after) { events { ${EVENT} } pageInfo { hasNextPage endCursor } } }`,
    { filter, first, after },
  );
}

async function storedEvents(requestId: string) {
  const audit = await database('audit');
  return audit.collection('auditEvents').find({ requestId }).sort({ subgraph: 1 }).toArray();
}

const allowed = (...coordinates: string[]) => coordinates.map((coordinate) => ({ coordinate, outcome: 'allowed', reason: null }));
const OPEN_MARGARET = 'query OpenMargaret($n: String!) { patient(nhsNumber: $n) { name { text } birthDate medications { id medication { display } } } }';
const gp = findDemoUser('gp');
const receptionist = findDemoUser('receptionist');
const aeDoctor = findDemoUser('ae-doctor');

describe('the trail holds exactly what each look resolved', () => {
  const PATIENT = '9990004056';
  const since = new Date(Date.now() - 1000).toISOString();
  let gpLook: { requestId: string; response: GraphQLResponse };
  let receptionistLook: { requestId: string; response: GraphQLResponse };
  let aeLook: { requestId: string; response: GraphQLResponse };

  beforeAll(async () => {
    // A patient of this test's own (registered at the practice, in A&E yesterday, one GP medicine): any
    // other test's look at a demo patient in the same seconds would be in these counts too.
    await registerTestPatient({ id: 'audit-trail-own', nhsNumber: PATIENT, family: 'Trailtest', given: 'Audrey', gender: 'female', birthDate: '1950-02-03' }, { attendedAe: 'audit-trail-ae' });
    await sendBatch('gp', 'P83005', [medicationEntry(PATIENT, 'audit-trail-med')]);
    gpLook = await lookAs(gp, OPEN_MARGARET, { n: PATIENT });
    receptionistLook = await lookAs(receptionist, OPEN_MARGARET, { n: PATIENT });
    aeLook = await lookAs(aeDoctor, 'query AeLook($n: String!) { patient(nhsNumber: $n) { name { text } } }', { n: PATIENT });
  });

  const GP_VIEWED = {
    gp: ['CodeableConcept.display', 'Medication.id', 'Medication.medication', 'Patient.medications'],
    registry: ['Patient.birthDate', 'Patient.name', 'Patient.nhsNumber', 'PersonName.text', 'Query.patient'],
  };
  /** As stored: the coordinates viewed, as plain strings, and the denials apart. */
  const GP_STORED = [
    { subgraph: 'gp', viewed: GP_VIEWED.gp, denials: [], categories: ['medications'], denied: false },
    { subgraph: 'registry', viewed: GP_VIEWED.registry, denials: [], categories: ['identity', 'recordAccess'], denied: false },
  ];
  /** As the access log shows it. */
  const GP_EXPECTED = [
    { subgraph: 'gp', fields: allowed(...GP_VIEWED.gp), categories: ['medications'], denied: false },
    { subgraph: 'registry', fields: allowed(...GP_VIEWED.registry), categories: ['identity', 'recordAccess'], denied: false },
  ];

  it('the GP\'s look: one event per subgraph, with every coordinate resolved for the patient', async () => {
    expect(gpLook.response.errors).toBeUndefined();
    expect(gpLook.response.data.patient.medications.length).toBeGreaterThan(0);
    const events = await storedEvents(gpLook.requestId);
    expect(events.map(({ subgraph, viewed, denials, categories, denied }) => ({ subgraph, viewed, denials, categories, denied }))).toEqual(GP_STORED);
    for (const event of events) {
      expect(event).toMatchObject({
        nhsNumber: PATIENT,
        breakGlass: null,
        user: { id: gp.userId, name: gp.name, odsCode: 'P83005', jobRole: 'R8000', profile: 'clinical' },
        operationName: expect.stringMatching(/^OpenMargaret/),
      });
    }
  });

  it('the privacy officer reads the same through accessLog', async () => {
    const log = await accessLog({ nhsNumber: PATIENT, userId: gp.userId, from: since });
    expect(log.errors).toBeUndefined();
    const mine = log.data.accessLog.events.filter((e: any) => e.requestId === gpLook.requestId);
    const stored = await storedEvents(gpLook.requestId);
    expect(mine.map((e: any) => e.id).sort()).toEqual(stored.map((e) => String(e._id)).sort());
    expect(mine.map(({ subgraph, fields, categories, denied }: any) => ({ subgraph, fields, categories, denied })).sort((a: any, b: any) => a.subgraph.localeCompare(b.subgraph))).toEqual(
      GP_EXPECTED,
    );
    expect(mine[0]).toMatchObject({ nhsNumber: PATIENT, breakGlass: null, user: { id: gp.userId, profile: 'clinical' } });
  });

  it('the receptionist\'s look records the FORBIDDEN_FIELD denial of Patient.medications', async () => {
    expect(codes(receptionistLook.response)).toEqual(['FORBIDDEN_FIELD']);
    const events = await storedEvents(receptionistLook.requestId);
    expect(events.map(({ subgraph, viewed, denials, denied }) => ({ subgraph, viewed, denials, denied }))).toEqual([
      { subgraph: 'gp', viewed: [], denials: [{ coordinate: 'Patient.medications', reason: 'FORBIDDEN_FIELD' }], denied: true },
      { subgraph: 'registry', viewed: GP_VIEWED.registry, denials: [], denied: false },
    ]);
    const log = await accessLog({ nhsNumber: PATIENT, userId: receptionist.userId, from: since });
    const gpEvent = log.data.accessLog.events.find((e: any) => e.requestId === receptionistLook.requestId && e.subgraph === 'gp');
    expect(gpEvent.fields).toEqual([{ coordinate: 'Patient.medications', outcome: 'denied', reason: 'FORBIDDEN_FIELD' }]);
    const deniedOnly = await accessLog({ nhsNumber: PATIENT, userId: receptionist.userId, denied: true, from: since });
    expect(deniedOnly.data.accessLog.events.map((e: any) => [e.requestId, e.subgraph])).toEqual([[receptionistLook.requestId, 'gp']]);
  });

  it('another user\'s look is not under the first user\'s filter, and is under their own', async () => {
    const gpFiltered = await accessLog({ userId: gp.userId, from: since });
    const requestIds = new Set(gpFiltered.data.accessLog.events.map((e: any) => e.requestId));
    expect(requestIds.has(gpLook.requestId)).toBe(true);
    expect(requestIds.has(aeLook.requestId)).toBe(false);
    expect(requestIds.has(receptionistLook.requestId)).toBe(false);
    const aeFiltered = await accessLog({ userId: aeDoctor.userId, odsCode: 'RM3', from: since });
    expect(aeFiltered.data.accessLog.events.some((e: any) => e.requestId === aeLook.requestId)).toBe(true);
    expect(aeFiltered.data.accessLog.events.every((e: any) => e.user.id === aeDoctor.userId)).toBe(true);
  });

  it('"who has looked at this record": one row per organisation and role, requests counted once', async () => {
    const summary = await privacyOfficer().query(
      'query($n: String!, $from: String) { recordAccessSummary(nhsNumber: $n, from: $from) { odsCode jobRole profile firstAccess lastAccess requests categories breakGlass } }',
      { n: PATIENT, from: since },
    );
    expect(summary.errors).toBeUndefined();
    const rows = summary.data.recordAccessSummary.map(({ firstAccess, lastAccess, ...rest }: any) => {
      expect(Date.parse(firstAccess)).toBeLessThanOrEqual(Date.parse(lastAccess));
      return rest;
    });
    expect(rows).toEqual([
      { odsCode: 'RM3', jobRole: 'R8000', profile: 'clinical', requests: 1, categories: ['identity', 'recordAccess'], breakGlass: false },
      { odsCode: 'P83005', jobRole: 'R8009', profile: 'administrative', requests: 1, categories: ['identity', 'recordAccess'], breakGlass: false },
      { odsCode: 'P83005', jobRole: 'R8000', profile: 'clinical', requests: 1, categories: ['identity', 'medications', 'recordAccess'], breakGlass: false },
    ]);
  });

  it('the privacy officer\'s own queries are in the trail too', async () => {
    const before = new Date(Date.now() - 1000).toISOString();
    await accessLog({ userId: gp.userId, from: since }, 5);
    const own = await accessLog({ userId: findDemoUser('privacy-officer').userId, from: before });
    expect(own.data.accessLog.events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ subgraph: 'audit', nhsNumber: null, categories: ['auditTrail'], fields: allowed('Query.accessLog'), arguments: expect.arrayContaining([{ name: 'first', value: '5' }]) }),
      ]),
    );
  });
});

describe('only privacy officers read the trail', () => {
  it.each(['gp', 'receptionist', 'social-worker'])('%s gets FORBIDDEN_FIELD from accessLog and every report', async (key) => {
    const client = asUser(key);
    for (const query of [
      '{ accessLog { events { id } } }',
      `{ recordAccessSummary(nhsNumber: "${MARGARET()}") { odsCode } }`,
      '{ breakGlassReviewQueue { title } }',
      '{ unusualVolume { title } }',
      '{ outOfHoursAccess { title } }',
      '{ ownRecordAccess { title } }',
      '{ sharedSurnameOrAddressAccess { title } }',
    ]) {
      const response = await client.query(query);
      expect(codes(response)).toEqual(['FORBIDDEN_FIELD']);
      expect(response.data).toBeNull();
    }
    const mutation = await client.query(`mutation { recordStaffPatientLink(userId: "x", nhsNumber: "${MARGARET()}", relation: SELF) { userId } }`);
    expect(codes(mutation)).toEqual(['FORBIDDEN_FIELD']);
  });

  it('rejects bad input before reading anything', async () => {
    expect(codes(await accessLog({ nhsNumber: '1234567890' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await accessLog({ from: 'last Tuesday' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await accessLog({}, 10, 'not-a-cursor'))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await accessLog({}, 0))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await privacyOfficer().query('{ unusualVolume(threshold: 0) { title } }'))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await privacyOfficer().query('{ outOfHoursAccess(from: "2024-01-01", to: "2026-01-01") { title } }'))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('volume, paging and the unusual-volume report', () => {
  const bulkUser = clinician('bulk', 'P83005');
  const nhsNumbers = [...generatePatients({ patients: TEST_PATIENTS })].map((p) => p.nhsNumber).slice(0, 200);
  const since = new Date(Date.now() - 1000).toISOString();

  beforeAll(async () => {
    for (const batch of [nhsNumbers.slice(0, 100), nhsNumbers.slice(100)]) {
      const { response } = await lookAs(bulkUser, 'query($ns: [String!]!) { patients(nhsNumbers: $ns) { nhsNumber } }', { ns: batch });
      expect(response.data.patients).toHaveLength(100);
    }
  });

  it('pages newest first through an opaque cursor, 200 at most per page', async () => {
    const all = await accessLog({ userId: bulkUser.userId }, 1000);
    expect(all.data.accessLog.events).toHaveLength(200);
    expect(all.data.accessLog.pageInfo.hasNextPage).toBe(true);

    const seen: string[] = [];
    let after: string | undefined;
    let previous = Infinity;
    for (let page = 0; page < 4; page += 1) {
      const response = await accessLog({ userId: bulkUser.userId }, 60, after);
      const { events, pageInfo } = response.data.accessLog;
      for (const event of events) {
        expect(Date.parse(event.at)).toBeLessThanOrEqual(previous);
        previous = Date.parse(event.at);
        seen.push(event.id);
      }
      after = pageInfo.endCursor;
      if (!pageInfo.hasNextPage) break;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThan(200);
    expect(seen.slice(0, 200)).toEqual(all.data.accessLog.events.map((e: any) => e.id));
  });

  it('flags a user who looked at more distinct patients than the threshold', async () => {
    const report = await privacyOfficer().query(
      'query($from: String) { unusualVolume(from: $from, threshold: 150) { title lookedFor from to truncated threshold rows { user { id odsCode profile } patients requests } } }',
      { from: since },
    );
    expect(report.errors).toBeUndefined();
    const { rows, lookedFor, threshold } = report.data.unusualVolume;
    expect(threshold).toBe(150);
    expect(lookedFor).toMatch(/more than 150 different patients/);
    expect(rows).toEqual([{ user: { id: bulkUser.userId, odsCode: 'P83005', profile: 'clinical' }, patients: 200, requests: 2 }]);
  });
});

describe('break-glass review', () => {
  const emergencyDoctor = clinician('breakglass', 'P86003');
  const detail = 'Collapsed in the waiting room, needs medication history';
  let breakGlassId: string;

  const queue = async () => (await privacyOfficer().query(
    '{ breakGlassReviewQueue { title lookedFor truncated rows { breakGlassId user { id } nhsNumber reason detail firstAccess lastAccess accesses categories latestReview { outcome note reviewedBy { id } } } } }',
  )).data.breakGlassReviewQueue;
  const review = (id: string, outcome: string, note: string) =>
    privacyOfficer().query('mutation($id: ID!, $o: BreakGlassReviewOutcome!, $note: String!) { recordBreakGlassReview(breakGlassId: $id, outcome: $o, note: $note) { breakGlassId outcome note reviewedBy { id } reviewedAt } }', { id, o: outcome, note });

  beforeAll(async () => {
    const declared = await lookAs(emergencyDoctor, 'mutation($n: String!, $d: String!) { declareBreakGlass(nhsNumber: $n, reason: EMERGENCY_CARE, detail: $d) { id } }', { n: MARGARET(), d: detail });
    expect(declared.response.errors).toBeUndefined();
    breakGlassId = declared.response.data.declareBreakGlass.id;
    const opened = await lookAs(emergencyDoctor, OPEN_MARGARET, { n: MARGARET() });
    expect(opened.response.errors).toBeUndefined();
  });

  afterAll(async () => {
    // End the declaration so no other test sees it.
    const access = (await database('registry')).collection('patientAccess');
    const record = await access.findOne({ _id: MARGARET() as never });
    const breakGlass = (record!.breakGlass as Array<{ id: string; expiresAt: Date }>).map((b) => (b.id === breakGlassId ? { ...b, expiresAt: new Date(Date.now() - 1000) } : b));
    await access.updateOne({ _id: MARGARET() as never }, { $set: { breakGlass } });
  });

  it('marks every look made under the declaration', async () => {
    const log = await accessLog({ userId: emergencyDoctor.userId, breakGlass: true });
    const events = log.data.accessLog.events;
    expect(events.map((e: any) => e.subgraph).sort()).toEqual(['gp', 'registry']);
    for (const event of events) expect(event.breakGlass).toEqual({ id: breakGlassId, reason: 'EMERGENCY_CARE', detail });
    const without = await accessLog({ userId: emergencyDoctor.userId, breakGlass: false });
    expect(without.data.accessLog.events.every((e: any) => e.breakGlass === null)).toBe(true);
  });

  it('queues the declaration with what was looked at under it, until a closing review', async () => {
    const row = (await queue()).rows.find((r: any) => r.breakGlassId === breakGlassId);
    expect(row).toMatchObject({ user: { id: emergencyDoctor.userId }, nhsNumber: MARGARET(), reason: 'EMERGENCY_CARE', detail, accesses: 1, latestReview: null });
    expect(row.categories).toEqual(['identity', 'medications', 'recordAccess']);

    expect(codes(await review(breakGlassId, 'APPROPRIATE', 'ok'))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await review(randomUUID(), 'APPROPRIATE', 'Checked with the ward: genuine emergency.'))).toEqual(['BAD_USER_INPUT']);

    const followUp = await review(breakGlassId, 'NEEDS_FOLLOW_UP', 'Asked the practice why the patient was seen there.');
    expect(followUp.errors).toBeUndefined();
    const stillQueued = (await queue()).rows.find((r: any) => r.breakGlassId === breakGlassId);
    expect(stillQueued.latestReview).toEqual({ outcome: 'NEEDS_FOLLOW_UP', note: 'Asked the practice why the patient was seen there.', reviewedBy: { id: findDemoUser('privacy-officer').userId } });

    const closed = await review(breakGlassId, 'APPROPRIATE', 'Practice confirmed: collapsed on site, emergency care.');
    expect(closed.data.recordBreakGlassReview).toMatchObject({ breakGlassId, outcome: 'APPROPRIATE', reviewedBy: { id: findDemoUser('privacy-officer').userId } });
    expect((await queue()).rows.some((r: any) => r.breakGlassId === breakGlassId)).toBe(false);

    const stored = await (await database('audit')).collection('breakGlassReviews').find({ breakGlassId }).sort({ reviewedAt: 1 }).toArray();
    expect(stored.map((r) => r.outcome)).toEqual(['NEEDS_FOLLOW_UP', 'APPROPRIATE']);
    expect(stored[1].reviewedBy).toMatchObject({ id: findDemoUser('privacy-officer').userId, odsCode: 'Y02GM' });
  });
});

describe('staff looking at their own, a relative\'s or a neighbour\'s record', () => {
  const staffPatient = clinician('self', 'P83005');
  const relative = clinician('family', 'P83005');
  const since = new Date(Date.now() - 1000).toISOString();
  const link = (userId: string, relation: string, nhsNumber = MARGARET()) =>
    privacyOfficer().query('mutation($u: String!, $n: String!, $r: StaffPatientRelation!) { recordStaffPatientLink(userId: $u, nhsNumber: $n, relation: $r) { userId nhsNumber relation recordedBy { id } recordedAt } }', { u: userId, n: nhsNumber, r: relation });
  const REPORT = 'title lookedFor from to truncated rows { user { id } nhsNumber relation firstAccess lastAccess accesses categories breakGlass denied }';

  beforeAll(async () => {
    const self = await link(staffPatient.userId, 'SELF');
    expect(self.data.recordStaffPatientLink).toMatchObject({ userId: staffPatient.userId, nhsNumber: MARGARET(), relation: 'SELF', recordedBy: { id: findDemoUser('privacy-officer').userId } });
    await link(relative.userId, 'NEIGHBOUR');
    expect((await link(relative.userId, 'FAMILY')).errors).toBeUndefined();
    await lookAs(staffPatient, OPEN_MARGARET, { n: MARGARET() });
    await lookAs(relative, OPEN_MARGARET, { n: MARGARET() });
  });

  it('keeps one link per staff member and patient', async () => {
    const links = await (await database('audit')).collection('staffPatientLinks').find({ userId: relative.userId }).toArray();
    expect(links.map((l) => l.relation)).toEqual(['family']);
    expect(codes(await link(relative.userId, 'FAMILY', '1234567890'))).toEqual(['BAD_USER_INPUT']);
  });

  it('ownRecordAccess finds the look along a SELF link, and says how it looked', async () => {
    const report = (await privacyOfficer().query(`query($from: String) { ownRecordAccess(from: $from) { ${REPORT} } }`, { from: since })).data.ownRecordAccess;
    expect(report.lookedFor).toMatch(/staffPatientLinks/);
    expect(report.rows).toEqual([
      expect.objectContaining({ user: { id: staffPatient.userId }, nhsNumber: MARGARET(), relation: 'SELF', accesses: 1, categories: ['identity', 'medications', 'recordAccess'], breakGlass: false, denied: false }),
    ]);
  });

  it('sharedSurnameOrAddressAccess finds the look along a FAMILY link', async () => {
    const report = (await privacyOfficer().query(`query($from: String) { sharedSurnameOrAddressAccess(from: $from) { ${REPORT} } }`, { from: since })).data.sharedSurnameOrAddressAccess;
    expect(report.lookedFor).toMatch(/does not read the patient index/);
    expect(report.rows).toEqual([expect.objectContaining({ user: { id: relative.userId }, nhsNumber: MARGARET(), relation: 'FAMILY', accesses: 1 })]);
  });
});

describe('out-of-hours access (clock time in England)', () => {
  const nightOwl = `audit-test-night-${randomUUID()}`;
  const patients = [...generatePatients({ patients: TEST_PATIENTS })].map((p) => p.nhsNumber).slice(300, 320);
  // [instant, out of hours?]: GMT in March, BST (UTC+1) in July.
  const looks: Array<[string, boolean]> = [
    ['2026-03-14T12:00:00Z', true], // Saturday midday
    ['2026-03-16T06:59:59Z', true], // Monday 06:59 GMT
    ['2026-03-16T07:00:00Z', false], // Monday 07:00 GMT
    ['2026-03-17T19:59:59Z', false], // Tuesday 19:59 GMT
    ['2026-03-17T20:00:00Z', true], // Tuesday 20:00 GMT
    ['2026-07-14T05:59:59Z', true], // Tuesday 06:59 BST
    ['2026-07-14T06:00:00Z', false], // Tuesday 07:00 BST
    ['2026-07-14T18:59:59Z', false], // Tuesday 19:59 BST
    ['2026-07-14T19:00:00Z', true], // Tuesday 20:00 BST
    ['2026-07-19T10:00:00Z', true], // Sunday
  ];

  beforeAll(async () => {
    // Past looks, written by the kit's own trail writer (a chain of their own), so they are sealed like any other.
    const trail = new AuditTrail(auditModels(await database('audit')), 'audit-test-fixture');
    const events: AuditEventContent[] = looks.map(([at], i) => ({
      requestId: `audit-test-night-${i}`,
      at: new Date(at),
      subgraph: 'gp',
      operationName: 'NightLook',
      user: { id: nightOwl, name: 'Dr Night Owl', odsCode: 'P83005', jobRole: 'R8000', profile: 'clinical' },
      nhsNumber: patients[i],
      viewed: ['Patient.medications'],
      denials: [],
      categories: ['medications'],
      denied: false,
      breakGlass: null,
      detail: null,
    }));
    await trail.append(events);
    // Back-dated looks land behind the look digest's position, as a restored trail would: the
    // operator removes the digest's hours and it reads the trail again (docs/privacy-officers.md).
    await (await database('audit')).collection('lookHours').deleteMany({});
  });

  it('reports exactly the looks between 20:00 and 07:00 or at weekends, BST included', async () => {
    const report = (
      await privacyOfficer().query('{ outOfHoursAccess(from: "2026-03-01T00:00:00Z", to: "2026-08-01T00:00:00Z") { title lookedFor from to truncated rows { user { id } nhsNumber firstAccess accesses } } }')
    ).data.outOfHoursAccess;
    expect(report.lookedFor).toMatch(/20:00 and 07:00/);
    expect(report.from).toBe('2026-03-01T00:00:00.000Z');
    const mine = report.rows.filter((r: any) => r.user.id === nightOwl);
    const expected = looks.flatMap(([at, outOfHours], i) => (outOfHours ? [{ user: { id: nightOwl }, nhsNumber: patients[i], firstAccess: new Date(at).toISOString(), accesses: 1 }] : []));
    expect(mine.sort((a: any, b: any) => a.firstAccess.localeCompare(b.firstAccess))).toEqual(expected);
  });
});

describe('tamper evidence: npm run audit:verify', () => {
  const runCli = (env: NodeJS.ProcessEnv) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, ['--import', 'tsx', join('tools', 'src', 'cli', 'audit-verify.ts')], { cwd: REPO_ROOT, env }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
  const cliEnv = (uri?: string): NodeJS.ProcessEnv => {
    const { AUDIT_MONGODB_URI: _a, MONGODB_URI: _m, ...rest } = process.env;
    return uri ? { ...rest, MONGODB_URI: uri } : rest;
  };
  const verify = async () => verifyAuditTrail(await database('audit'));
  const tamperFixtureLook = (requestId: string) => fixtureLook(requestId);

  let fixtureChain: string;
  beforeAll(async () => {
    await lookAs(gp, OPEN_MARGARET, { n: MARGARET() });
    const audit = await database('audit');
    const trail = new AuditTrail(auditModels(audit), 'audit-test-tamper');
    for (let i = 0; i < 5; i += 1) await trail.append([tamperFixtureLook(`audit-test-tamper-${i}`)]);
    // As a stopping service does: the last head is written.
    await trail.close();
    const last = await audit.collection('auditEvents').findOne({ requestId: 'audit-test-tamper-4' });
    fixtureChain = last!.chain.chainId;
    expect((await audit.collection('auditChains').findOne({ _id: fixtureChain as never }))?.head?.seq).toBe(4);
  });

  it('writes a busy chain\'s head at most every quarter second, and the last one when the service stops', async () => {
    const audit = await database('audit');
    const models = auditModels(audit);
    const headWrites = jest.spyOn(models.AuditChain, 'updateOne');
    try {
      const trail = new AuditTrail(models, 'audit-test-head');
      const started = Date.now();
      for (let i = 0; i < 20; i += 1) await trail.append([tamperFixtureLook(`audit-test-head-${i}`)]);
      const elapsed = Date.now() - started;
      await trail.close();
      expect(headWrites.mock.calls.length).toBeLessThanOrEqual(Math.ceil(elapsed / HEAD_INTERVAL_MS) + 1);
      const last = await audit.collection('auditEvents').findOne({ requestId: 'audit-test-head-19' });
      expect((await audit.collection('auditChains').findOne({ _id: last!.chain.chainId }))?.head).toEqual({ seq: 19, hash: last!.chain.hash });
    } finally {
      headWrites.mockRestore();
    }
    expect((await verify()).breaks).toEqual([]);
  });

  it('passes on the untouched trail, as a function and as the CLI', async () => {
    const result = await verify();
    expect(result.breaks).toEqual([]);
    expect(result.chains).toBeGreaterThan(3);
    expect(result.events).toBeGreaterThan(10);
    const cli = await runCli(cliEnv(stackInfo().mongoUri));
    expect(cli.stdout).toMatch(/Audit trail intact: \d+ chains, \d+ events/);
    expect(cli.code).toBe(0);
  });

  it('names an edited event, as a function and as the CLI (exit 1)', async () => {
    const events = (await database('audit')).collection('auditEvents');
    const original = (await events.findOne({ subgraph: 'gp', 'user.id': gp.userId, viewed: 'Medication.id' }, { sort: { at: -1 } }))!;
    const viewed = original.viewed.filter((coordinate: string) => coordinate !== 'Medication.id');
    await events.updateOne({ _id: original._id }, { $set: { viewed } });
    try {
      const result = await verify();
      expect(result.breaks).toEqual([
        { chainId: original.chain.chainId, seq: original.chain.seq, eventId: String(original._id), problem: expect.stringMatching(/does not match its seal/) },
      ]);
      const cli = await runCli(cliEnv(stackInfo().mongoUri));
      expect(cli.code).toBe(1);
      expect(cli.stderr).toContain(`chain ${original.chain.chainId}, seq ${original.chain.seq}, event ${String(original._id)}`);
    } finally {
      const { _id, ...content } = original;
      await events.replaceOne({ _id }, content);
    }
    expect((await verify()).breaks).toEqual([]);
  });

  it('finds a deleted event as a seq gap, and a cut-off tail against the recorded head', async () => {
    const events = (await database('audit')).collection('auditEvents');
    const middle = (await events.findOne({ 'chain.chainId': fixtureChain, 'chain.seq': 2 }))!;
    await events.deleteOne({ _id: middle._id });
    try {
      expect((await verify()).breaks).toEqual([{ chainId: fixtureChain, seq: 2, eventId: null, problem: expect.stringMatching(/seq gap: event 2 is missing/) }]);
    } finally {
      await events.insertOne(middle);
    }
    const tail = (await events.findOne({ 'chain.chainId': fixtureChain, 'chain.seq': 4 }))!;
    await events.deleteOne({ _id: tail._id });
    try {
      expect((await verify()).breaks).toEqual([{ chainId: fixtureChain, seq: 4, eventId: null, problem: expect.stringMatching(/cut off the end/) }]);
    } finally {
      await events.insertOne(tail);
    }
    expect((await verify()).breaks).toEqual([]);
  });

  it('unset MONGODB_URI means the local engine of npm start; when none answers there, the CLI says how to point it at the trail (exit 2)', async () => {
    // A port base with no engine behind it.
    const cli = await runCli({ ...cliEnv(), SHAREFORYOU_PORT_BASE: '7980' });
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(/MONGODB_URI is not set and no local engine answered/);
    expect(cli.stderr).toMatch(/npm start/);
    expect(cli.stderr).toMatch(/npm run audit:verify/);
    // At the running stack's port base it finds that stack's engine by itself, as npm start's users expect.
    const local = await runCli({ ...cliEnv(), SHAREFORYOU_PORT_BASE: String(stackInfo().portBase), AUDIT_ANCHOR_FILE: stackInfo().anchorFile });
    expect({ code: local.code === 2 ? 2 : 'ran', stderr: local.code === 2 ? local.stderr : '' }).toEqual({ code: 'ran', stderr: '' });
  });
});
