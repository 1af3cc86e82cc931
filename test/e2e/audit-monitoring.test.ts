import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { signSystemToken } from '@shareforyou/kit';
import { subgraphUrl } from '@shareforyou/schema';
import { userToken } from '../../tools/src/demo/tokens';
import { REPO_ROOT } from '../../tools/src/paths';
import { asUser, closeDatabases, database, gatewayPost, MARGARET } from '../support/clients';
import { pollUntil } from '../support/polling';
import { stackInfo } from '../support/stackInfo';

afterAll(closeDatabases);

/** Monitoring finds things by itself: no manual links (issue 13.3). */

const privacyOfficer = () => asUser('privacy-officer');
const staffMember = (label: string, familyName: string) => ({
  userId: `monitoring-${label}-${randomUUID()}`,
  name: `Dr ${label} ${familyName}`,
  familyName,
  odsCode: 'P83005',
  jobRole: 'R8000',
  roleName: 'Clinical Practitioner Access Role',
});
const look = async (user: ReturnType<typeof staffMember>) => {
  const response = await gatewayPost({ authorization: `Bearer ${userToken(user)}` }, 'query Look($n: String!) { patient(nhsNumber: $n) { name { text } } }', { n: MARGARET() });
  expect(response.errors).toBeUndefined();
};

const FINDING = 'id kind meaning score user { id name organisationName } nhsNumber accesses closed latestReview { outcome note }';
async function findingsOf(userId: string, reviewed?: boolean) {
  const response = await privacyOfficer().query(`query($r: Boolean) { monitoringFindings(reviewed: $r) { title lookedFor rows { ${FINDING} } } }`, { r: reviewed });
  expect(response.errors).toBeUndefined();
  return (response.data.monitoringFindings.rows as any[]).filter((row) => row.user.id === userId);
}
/** Polls until the sweep has found what is expected (it runs every 300 ms in the tests). */

const importStaff = (org: string, file: string) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', join('tools', 'src', 'cli', 'staff-import.ts'), '--org', org, '--file', file], { cwd: REPO_ROOT, env: { ...process.env, SHAREFORYOU_PORT_BASE: String(stackInfo().portBase) } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });

describe('same surname, from the sign-in and the patient index', () => {
  it('finds a look by a member of staff who shares the patient\'s family name, without any link', async () => {
    const patient = await (await database('registry')).collection('patients').findOne({ _id: MARGARET() as never });
    const relative = staffMember('relative', String(patient!.name.family).toLowerCase());
    const stranger = staffMember('stranger', 'Oyelaran');
    await look(relative);
    await look(stranger);
    const [finding] = await pollUntil('the same-surname finding', async () => { const rows = await findingsOf(relative.userId); return rows.length > 0 && rows; }, 20_000, 200);
    expect(finding).toMatchObject({ kind: 'SAME_SURNAME', score: 1, nhsNumber: MARGARET(), accesses: 1, closed: false, user: { organisationName: 'Bury Central Medical Practice' } });
    expect(await (await database('audit')).collection('staffPatientLinks').countDocuments({ userId: relative.userId })).toBe(0);
    // The stranger's look was swept too (it is older than the relative's finding) and found nothing.
    expect(await findingsOf(stranger.userId)).toEqual([]);
  });
});

describe('the staff feed: same address and own record', () => {
  const neighbour = staffMember('neighbour', 'Quist');
  const herself = staffMember('herself', 'Quist');
  let margaretAddress: { lines: string[]; postcode: string };

  beforeAll(async () => {
    // Her current address, as the record shows it.
    margaretAddress = (await asUser('gp').query(`{ patient(nhsNumber: "${MARGARET()}") { address { lines postcode } } }`)).data.patient.address;
  });

  it('refuses a feed without a system token, and a list with a bad row, changing nothing', async () => {
    const url = subgraphUrl('audit', { SHAREFORYOU_PORT_BASE: String(stackInfo().portBase) }).replace(/\/graphql$/, '/staff-feed');
    const body = JSON.stringify({ staff: [{ staffId: neighbour.userId, familyName: 'Quist' }] });
    expect((await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).status).toBe(401);
    const bad = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${signSystemToken('P83005')}` },
      body: JSON.stringify({ staff: [{ staffId: neighbour.userId }, { staffId: 'x', nhsNumber: '1234567890' }] }),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/staff\[1\]: nhsNumber is not a valid NHS number/);
    expect(await (await database('staff')).collection('staffMembers').countDocuments({ staffId: neighbour.userId })).toBe(0);
  });

  it('imports staff with npm run staff:import and finds looks at the same address and at their own record', async () => {
    const file = join(stackInfo().dataDir, 'staff.csv');
    writeFileSync(
      file,
      [
        'staffId,givenName,familyName,addressLine1,addressLine2,postcode,nhsNumber',
        `${neighbour.userId},Nia,Quist,"${margaretAddress.lines[0].toUpperCase()}",,${margaretAddress.postcode.replace(' ', '').toLowerCase()},`,
        `${herself.userId},Mags,Quist,1 Elsewhere Road,,M1 1AA,${MARGARET()}`,
      ].join('\n'),
    );
    const imported = await importStaff('P83005', file);
    expect(imported.stderr).toContain('Sending 2 staff for P83005');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('Staff directory for P83005: 2 staff');
    const stored = await (await database('staff')).collection('staffMembers').findOne({ staffId: herself.userId });
    expect(stored).toMatchObject({ odsCode: 'P83005', nhsNumber: MARGARET(), familyName: 'Quist' });

    await look(neighbour);
    await look(herself);
    const [address] = await pollUntil('the same-address finding', async () => { const rows = await findingsOf(neighbour.userId); return rows.length > 0 && rows; }, 20_000, 200);
    expect(address).toMatchObject({ kind: 'SAME_ADDRESS', score: 2, nhsNumber: MARGARET() });
    const [own] = await pollUntil('the own-record finding', async () => { const rows = await findingsOf(herself.userId); return rows.length > 0 && rows; }, 20_000, 200);
    expect(own).toMatchObject({ kind: 'OWN_RECORD', score: 3 });
  });

  it('a finding is reviewed with an outcome, like break-glass, and then counts as reviewed', async () => {
    const [finding] = await pollUntil('the finding', async () => { const rows = await findingsOf(neighbour.userId); return rows.length > 0 && rows; }, 20_000, 200);
    const review = (outcome: string, note: string) =>
      privacyOfficer().query('mutation($id: ID!, $o: BreakGlassReviewOutcome!, $n: String!) { recordMonitoringFindingReview(findingId: $id, outcome: $o, note: $n) { findingId outcome note reviewedBy { name } } }', { id: finding.id, o: outcome, n: note });
    expect((await review('APPROPRIATE', 'short')).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const done = await review('INAPPROPRIATE', 'Neighbour looked without a care reason: referred to IG.');
    expect(done.data.recordMonitoringFindingReview).toEqual({ findingId: finding.id, outcome: 'INAPPROPRIATE', note: 'Neighbour looked without a care reason: referred to IG.', reviewedBy: { name: 'Priya Desai' } });
    expect(await findingsOf(neighbour.userId, false)).toEqual([]);
    const [reviewed] = await findingsOf(neighbour.userId, true);
    expect(reviewed).toMatchObject({ closed: true, latestReview: { outcome: 'INAPPROPRIATE' } });
  });

  it('raises an alert for a finding at the threshold (same address: 2), none below it (same surname: 1)', async () => {
    const alerts = async () => (await privacyOfficer().query('{ alerts(first: 200, kind: MONITORING_FINDING) { id kind subjectId nhsNumber } }')).data.alerts as any[];
    const found = await pollUntil('the finding alert', async () => { const rows = await alerts(); return rows.some((a) => a.subjectId.includes(neighbour.userId)) && rows; }, 20_000, 200);
    expect(found.filter((a) => a.subjectId === `SAME_ADDRESS:${neighbour.userId}:${MARGARET()}`)).toHaveLength(1);
    expect(found.some((a) => a.subjectId.startsWith('SAME_SURNAME:'))).toBe(false);
  });
});
