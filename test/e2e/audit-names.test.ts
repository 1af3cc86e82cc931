import { randomUUID } from 'node:crypto';
import { userToken } from '../../tools/src/demo/tokens';
import { findDemoUser } from '../../tools/src/demo/users';
import { asUser, closeDatabases, database, gatewayPost, MARGARET } from '../support/clients';

afterAll(closeDatabases);

/** The log says what the user did, with names beside codes, and keeps the gateway's own calls apart (issue 13.2). */

const privacyOfficer = () => asUser('privacy-officer');
const gp = findDemoUser('gp');
const EVENT = `requestId subgraph operationName client { operationName application internal }
  user { id name familyName odsCode organisationName jobRole roleName profile profileName }
  nhsNumber categories categoryNames panelNames fields { coordinate outcome category categoryName }`;
const accessLog = (filter: Record<string, unknown>) =>
  privacyOfficer().query(`query($f: AccessLogFilter) { accessLog(filter: $f, first: 200) { events { ${EVENT} } } }`, { f: filter });

describe('each event says what the client asked for, and by name', () => {
  const since = new Date(Date.now() - 1000).toISOString();
  const requestId = `names-test-${randomUUID()}`;

  beforeAll(async () => {
    // A full record look: the gateway splits it into per-service fetches with its own names.
    const response = await gatewayPost(
      { authorization: `Bearer ${userToken(gp, { clientId: null })}`, 'x-request-id': requestId, 'apollographql-client-name': 'ward-tablet' },
      'query GpLooksAtMargaret($n: String!) { patient(nhsNumber: $n) { name { text } medications { id } } }',
      { n: MARGARET() },
    );
    expect(response.errors).toBeUndefined();
  });

  it('records the client operation name and application beside the per-service fetch names', async () => {
    const events = (await (await database('audit')).collection('auditEvents').find({ requestId }).sort({ subgraph: 1 }).toArray()) as any[];
    expect(events.map((e) => e.subgraph)).toEqual(['gp', 'registry']);
    for (const event of events) expect(event.client).toEqual({ operationName: 'GpLooksAtMargaret', application: 'ward-tablet', internal: false });
    // The gp fetch is the gateway's own (GpLooksAtMargaret__gp__1); the client's name is kept apart.
    expect(events.find((e) => e.subgraph === 'gp').operationName).toMatch(/^GpLooksAtMargaret__gp__\d+$/);
    expect(events[0].user.familyName).toBe('Rahman');
  });

  it('prefers the token\'s client (azp) over the header the client sends about itself', async () => {
    const id = `names-test-${randomUUID()}`;
    await gatewayPost({ authorization: `Bearer ${userToken(gp)}`, 'x-request-id': id, 'apollographql-client-name': 'ward-tablet' }, 'query Named($n: String!) { patient(nhsNumber: $n) { name { text } } }', { n: MARGARET() });
    const event = (await (await database('audit')).collection('auditEvents').findOne({ requestId: id })) as any;
    expect(event.client.application).toBe('shareforyou-dev-client');
  });

  it('filters by user name and organisation name, and shows organisation, role, profile and category names', async () => {
    const byName = await accessLog({ userName: 'rahMAN', organisationName: 'bury central', from: since, nhsNumber: MARGARET() });
    expect(byName.errors).toBeUndefined();
    const event = byName.data.accessLog.events.find((e: any) => e.requestId === requestId && e.subgraph === 'gp');
    expect(event.user).toEqual({
      id: gp.userId,
      name: 'Dr Aisha Rahman',
      familyName: 'Rahman',
      odsCode: 'P83005',
      organisationName: 'Bury Central Medical Practice',
      jobRole: 'R8000',
      roleName: 'Clinical Practitioner Access Role',
      profile: 'clinical',
      profileName: 'Clinical (doctors, nurses, allied health professionals)',
    });
    expect(event.categoryNames).toEqual(['Medications']);
    expect(event.panelNames).toEqual(['Emergency summary', 'Medications']);
    expect(event.fields.find((f: any) => f.coordinate === 'Patient.medications')).toEqual({ coordinate: 'Patient.medications', outcome: 'allowed', category: 'medications', categoryName: 'Medications' });
    expect(event.client.operationName).toBe('GpLooksAtMargaret');

    const otherOrganisation = await accessLog({ organisationName: 'Rochdale Road', from: since, nhsNumber: MARGARET() });
    expect(otherOrganisation.data.accessLog.events.some((e: any) => e.requestId === requestId)).toBe(false);
    const otherName = await accessLog({ userName: 'Whitworth', from: since, nhsNumber: MARGARET() });
    expect(otherName.data.accessLog.events.some((e: any) => e.requestId === requestId)).toBe(false);
  });

  it('keeps the gateway\'s organisation status checks out of users\' activity unless asked for', async () => {
    const audit = (await database('audit')).collection('auditEvents');
    // The gateway asks the register again once its answer is older than the test TTL (1 s): poll.
    let internal: any[] = [];
    for (let attempt = 0; attempt < 40 && internal.length === 0; attempt += 1) {
      const asked = await gatewayPost({ authorization: `Bearer ${userToken(gp)}` }, '{ myOrganisation { name } }');
      expect(asked.errors).toBeUndefined();
      internal = (await audit.find({ 'user.id': gp.userId, 'client.internal': true, at: { $gte: new Date(since) } }).toArray()) as any[];
      if (internal.length === 0) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(internal.length).toBeGreaterThan(0);
    expect(internal[0].client).toEqual({ operationName: 'OrganisationStatus', application: 'shareforyou-gateway', internal: true });

    const users = await accessLog({ userId: gp.userId, from: since });
    expect(users.data.accessLog.events.length).toBeGreaterThan(0);
    expect(users.data.accessLog.events.every((e: any) => e.client?.internal !== true)).toBe(true);
    const all = await accessLog({ userId: gp.userId, from: since, includeInternal: true });
    expect(all.data.accessLog.events.some((e: any) => e.client?.internal === true)).toBe(true);
  });

  it('names organisation, role and categories in "who has looked at this record"', async () => {
    const rows = (await privacyOfficer().query('query($n: String!) { recordAccessSummary(nhsNumber: $n) { odsCode organisationName roleName categories categoryNames } }', { n: MARGARET() })).data.recordAccessSummary;
    const row = rows.find((r: any) => r.odsCode === 'P83005' && r.roleName === 'Clinical Practitioner Access Role');
    expect(row.organisationName).toBe('Bury Central Medical Practice');
    expect(row.categoryNames).toHaveLength(row.categories.length);
    expect(row.categoryNames).toContain('Medications');
  });
});

describe('closed break-glass reviews can be listed (history)', () => {
  it('moves a declaration from the queue to the history when a review closes it, with its times and every review', async () => {
    const doctor = { userId: `names-bg-${randomUUID()}`, name: 'Dr Glass Breaker', odsCode: 'P86003', jobRole: 'R8000', roleName: 'Clinical Practitioner Access Role' };
    const as = (query: string, variables?: Record<string, unknown>) => gatewayPost({ authorization: `Bearer ${userToken(doctor)}` }, query, variables);
    const declared = await as('mutation($n: String!) { declareBreakGlass(nhsNumber: $n, reason: EMERGENCY_CARE, detail: "Collapsed at the surgery, history needed") { id declaredAt expiresAt } }', { n: MARGARET() });
    const declaration = declared.data.declareBreakGlass;
    expect((await as('query($n: String!) { patient(nhsNumber: $n) { medications { id } } }', { n: MARGARET() })).errors).toBeUndefined();
    const ROW = 'breakGlassId declaredAt expiresAt categoryNames user { name organisationName } latestReview { outcome } reviews { outcome note }';
    const lists = async () => {
      const response = await privacyOfficer().query(`{ breakGlassReviewQueue { rows { ${ROW} } } breakGlassReviewHistory { title rows { ${ROW} } } }`);
      expect(response.errors).toBeUndefined();
      const find = (rows: any[]) => rows.find((r) => r.breakGlassId === declaration.id);
      return { queued: find(response.data.breakGlassReviewQueue.rows), closed: find(response.data.breakGlassReviewHistory.rows) };
    };
    const before = await lists();
    expect(before.closed).toBeUndefined();
    expect(before.queued).toMatchObject({ declaredAt: declaration.declaredAt, expiresAt: declaration.expiresAt, user: { name: 'Dr Glass Breaker', organisationName: 'Rochdale Road Surgery' } });
    expect(before.queued.categoryNames).toContain('Medications');

    const review = (outcome: string, note: string) =>
      privacyOfficer().query('mutation($id: ID!, $o: BreakGlassReviewOutcome!, $note: String!) { recordBreakGlassReview(breakGlassId: $id, outcome: $o, note: $note) { outcome } }', { id: declaration.id, o: outcome, note });
    await review('NEEDS_FOLLOW_UP', 'Asked the surgery what happened.');
    expect((await lists()).closed).toBeUndefined();
    await review('APPROPRIATE', 'Surgery confirmed the collapse on site.');
    const after = await lists();
    expect(after.queued).toBeUndefined();
    expect(after.closed).toMatchObject({ declaredAt: declaration.declaredAt, latestReview: { outcome: 'APPROPRIATE' } });
    expect(after.closed.reviews).toEqual([
      { outcome: 'APPROPRIATE', note: 'Surgery confirmed the collapse on site.' },
      { outcome: 'NEEDS_FOLLOW_UP', note: 'Asked the surgery what happened.' },
    ]);
  });
});
