import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, existsSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { auditModels, AuditTrail } from '@shareforyou/kit';
import { fixtureLook } from '../support/auditFixtures';
import { userToken } from '../../tools/src/demo/tokens';
import { findDemoUser } from '../../tools/src/demo/users';
import { REPO_ROOT } from '../../tools/src/paths';
import { asUser, closeDatabases, database, gatewayPost, MARGARET } from '../support/clients';
import { pollUntil } from '../support/polling';
import { stackInfo } from '../support/stackInfo';

afterAll(closeDatabases);

const gatewayBase = () => stackInfo().gatewayUrl.replace(/\/graphql$/, '');
const exportCsv = (path: string, user = 'privacy-officer') => fetch(`${gatewayBase()}${path}`, { headers: { authorization: `Bearer ${userToken(findDemoUser(user))}` } });
const run = (script: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', join('tools', 'src', 'cli', script), ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });

describe('CSV export (13.5)', () => {
  const since = new Date(Date.now() - 1000).toISOString();
  const requestId = `export-test-${randomUUID()}`;

  beforeAll(async () => {
    const gp = findDemoUser('gp');
    const response = await gatewayPost({ authorization: `Bearer ${userToken(gp)}`, 'x-request-id': requestId }, 'query GpOpensMargaret($n: String!) { patient(nhsNumber: $n) { medications { id } } }', { n: MARGARET() });
    expect(response.errors).toBeUndefined();
  });

  it('exports the filtered access log as CSV with names, through the gateway, and audits the export', async () => {
    const response = await exportCsv(`/audit/export/accessLog.csv?nhsNumber=${MARGARET()}&organisationName=bury%20central&from=${encodeURIComponent(since)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="accessLog-/);
    const rows = parse(await response.text(), { columns: true }) as Array<Record<string, string>>;
    const gpRow = rows.find((r) => r.requestId === requestId && r.subgraph === 'gp');
    expect(gpRow).toMatchObject({ clientOperation: 'GpOpensMargaret', userName: 'Dr Aisha Rahman', organisationName: 'Bury Central Medical Practice', roleName: 'Clinical Practitioner Access Role', nhsNumber: MARGARET(), categories: 'Medications' });
    expect(rows.every((r) => r.organisationName === 'Bury Central Medical Practice')).toBe(true);

    const exported = await (await database('audit')).collection('auditEvents').findOne({ operationName: 'export:accessLog', 'user.id': findDemoUser('privacy-officer').userId, at: { $gte: new Date(since) } });
    expect(exported).toMatchObject({ subgraph: 'audit', viewed: ['Export.accessLog'], categories: ['auditTrail'], detail: { nhsNumber: MARGARET(), organisationName: 'bury central' } });
  });

  it('exports a report, and refuses everyone but privacy officers and bad input, exporting nothing', async () => {
    const report = await exportCsv(`/audit/export/recordAccessSummary.csv?nhsNumber=${MARGARET()}`);
    expect(report.status).toBe(200);
    const rows = parse(await report.text(), { columns: true }) as Array<Record<string, string>>;
    expect(rows.find((r) => r.odsCode === 'P83005')).toMatchObject({ organisationName: 'Bury Central Medical Practice' });

    expect((await exportCsv('/audit/export/accessLog.csv', 'gp')).status).toBe(403);
    expect((await fetch(`${gatewayBase()}/audit/export/accessLog.csv`)).status).toBe(401);
    const bad = await exportCsv('/audit/export/accessLog.csv?nhsNumber=123');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await exportCsv('/audit/export/noSuchReport.csv')).status).toBe(404);
  });

  it('npm run audit:pack writes the monthly pack: every report as CSV and a summary', async () => {
    const out = join(mkdtempSync(join(stackInfo().dataDir, 'pack-')), 'pack');
    const today = new Date();
    const to = new Date(today.getTime() + 86_400_000).toISOString().slice(0, 10);
    const from = new Date(today.getTime() - 30 * 86_400_000).toISOString().slice(0, 10);
    const packed = await run('audit-pack.ts', ['--from', from, '--to', to, '--out', out, '--gateway', gatewayBase()]);
    expect(packed.stderr).toContain('[9/9] access-log-denied.csv');
    expect(packed.code).toBe(0);
    for (const file of ['break-glass-review-queue.csv', 'monitoring-findings.csv', 'out-of-hours-access.csv', 'access-log-break-glass.csv', 'README.txt']) expect(existsSync(join(out, file))).toBe(true);
    expect(readFileSync(join(out, 'README.txt'), 'utf8')).toContain(`Period: ${from} (inclusive) to ${to} (exclusive)`);
    expect((await run('audit-pack.ts', ['--from', 'last month'])).code).toBe(2);
  });
});

describe('verification without database access (13.6)', () => {
  const tamperLook = (requestId: string) => fixtureLook(requestId, 'anchor-test', 'anchor-test');
  const status = async () => (await asUser('privacy-officer').query('{ auditChainStatus { lastVerification { ok by breaks { chainId seq problem } anchoredAt } chains { chainId ok problem headSeq } } }')).data.auditChainStatus;
  const verifyNow = async () => {
    const response = await asUser('privacy-officer').query('mutation { runAuditVerification { ok by chains events breaks { chainId seq eventId problem } anchoredAt anchoredChains anchorProblem } }');
    expect(response.errors).toBeUndefined();
    return response.data.runAuditVerification;
  };
  const anchorLines = () => (existsSync(stackInfo().anchorFile) ? readFileSync(stackInfo().anchorFile, 'utf8').split('\n').filter(Boolean) : []);

  it('a privacy officer runs a verification and sees the last result of every chain', async () => {
    const result = await verifyNow();
    expect(result).toMatchObject({ ok: true, by: 'Priya Desai (demo-po-priya-desai)', breaks: [] });
    const after = await status();
    expect(after.lastVerification.ok).toBe(true);
    expect(after.chains.length).toBeGreaterThan(0);
    expect(after.chains.filter((c: any) => c.ok === null)).toEqual([]);
    expect((await asUser('gp').query('{ auditChainStatus { chains { chainId } } }')).errors?.[0].extensions?.code).toBe('FORBIDDEN_FIELD');
  });

  it('a verification as a job: started, it answers at once; two starts at once never run two verifications side by side; followed to DONE with its progress and result; a GP may neither start nor read one', async () => {
    // From the checkpoint: a full run reads the whole store, heavy for the tests running beside this one (the full path: integration audit-checkpoint.test.ts).
    const jobFields = 'id state full by startedAt finishedAt eventsChecked events chainsChecked chains error result { ok chains events breaks { chainId } }';
    const jobById = async (id: string) => (await asUser('privacy-officer').query(`query($id: ID) { auditVerificationJob(id: $id) { ${jobFields} } }`, { id })).data.auditVerificationJob;
    const start = async () => {
      const response = await asUser('privacy-officer').query(`mutation { startAuditVerification(full: false) { ${jobFields} } }`);
      expect(response.errors).toBeUndefined();
      return response.data.startAuditVerification;
    };
    const [first, second] = await Promise.all([start(), start()]);
    expect(first).toMatchObject({ state: expect.stringMatching(/^(RUNNING|DONE)$/), full: false, by: 'Priya Desai (demo-po-priya-desai)' });
    const finished = (id: string) => pollUntil(`job ${id} to finish`, async () => { const job = await jobById(id); return job.state !== 'RUNNING' && job; }, 60_000, 200);
    const done = await finished(first.id);
    // One at a time: the second start named the same job, or one that began only after the first had ended.
    if (second.id !== first.id) {
      const later = await finished(second.id);
      const [a, b] = [done, later].sort((x, y) => Date.parse(x.startedAt) - Date.parse(y.startedAt));
      expect(Date.parse(b.startedAt)).toBeGreaterThanOrEqual(Date.parse(a.finishedAt));
    }
    expect(done).toMatchObject({ state: 'DONE', error: null, result: { ok: true, breaks: [] } });
    expect(done.eventsChecked).toBe(done.result.events);
    expect(done.eventsChecked).toBeGreaterThan(0);
    expect(done.chainsChecked).toBe(done.result.chains);
    // The latest job, without an id.
    expect((await asUser('privacy-officer').query('{ auditVerificationJob { id } }')).data.auditVerificationJob.id).toEqual(expect.any(String));
    expect((await asUser('gp').query('mutation { startAuditVerification { id } }')).errors?.[0].extensions?.code).toBe('FORBIDDEN_FIELD');
    expect((await asUser('gp').query('{ auditVerificationJob { id } }')).errors?.[0].extensions?.code).toBe('FORBIDDEN_FIELD');
  });

  it('the anchor detects a tail cut after the head in the database was rewritten', async () => {
    const audit = await database('audit');
    const trail = new AuditTrail(auditModels(audit), 'anchor-test');
    for (let i = 0; i < 5; i += 1) await trail.append([tamperLook(`anchor-test-${randomUUID()}`)]);
    await trail.close();
    const last = (await audit.collection('auditEvents').find({ subgraph: 'anchor-test' }).sort({ 'chain.seq': -1 }).limit(1).toArray())[0];
    const chainId = last.chain.chainId as string;
    // Wait for the scheduled anchor (every 500 ms in the tests) to hold this chain's head.
    await pollUntil('the chain head to be anchored', async () => anchorLines().some((line) => JSON.parse(line).anchor.heads.some((h: any) => h.chainId === chainId && h.seq === 4)), 20_000, 100);
    // Cut the last two events and rewrite the head in the database to the new end: the database alone agrees with itself.
    const newEnd = await audit.collection('auditEvents').findOne({ 'chain.chainId': chainId, 'chain.seq': 2 });
    const tail = await audit.collection('auditEvents').find({ 'chain.chainId': chainId, 'chain.seq': { $gte: 3 } }).toArray();
    const head = (await audit.collection('auditChains').findOne({ _id: chainId as never }))!.head;
    await audit.collection('auditEvents').deleteMany({ 'chain.chainId': chainId, 'chain.seq': { $gte: 3 } });
    await audit.collection('auditChains').updateOne({ _id: chainId as never }, { $set: { head: { seq: 2, hash: newEnd!.chain.hash } } });

    const result = await verifyNow();
    expect(result.ok).toBe(false);
    expect(result.breaks).toContainEqual({ chainId, seq: 3, eventId: null, problem: expect.stringMatching(/anchor .* says seq 4: events were cut off the end/) });
    expect((await status()).chains.find((c: any) => c.chainId === chainId)).toMatchObject({ ok: false, headSeq: 2 });

    const cli = await run('audit-verify.ts', ['--json'], { MONGODB_URI: stackInfo().mongoUri, AUDIT_ANCHOR_FILE: stackInfo().anchorFile });
    expect(cli.code).toBe(1);
    const json = JSON.parse(cli.stdout);
    expect(json.ok).toBe(false);
    expect(json.breaks.map((b: any) => b.chainId)).toContain(chainId);
    // A later anchor does not launder the cut: it keeps the anchored head.
    // (A line is written when some head moves: look at a record so that one does, and wait for it.)
    const anchoredSoFar = anchorLines().length;
    await pollUntil('a later anchor', async () => {
      await asUser('gp').query(`{ patient(nhsNumber: "${MARGARET()}") { name { text } } }`);
      return anchorLines().length > anchoredSoFar;
    }, 20_000, 300);
    expect(JSON.parse(anchorLines().at(-1)!).anchor.heads.find((h: any) => h.chainId === chainId).seq).toBe(4);
    // Put the tail and head back, so later verifications (other tests) see an intact trail.
    await audit.collection('auditEvents').insertMany(tail);
    await audit.collection('auditChains').updateOne({ _id: chainId as never }, { $set: { head } });
    expect((await verifyNow()).ok).toBe(true);
  });

  it('npm run audit:verify has --help', async () => {
    const help = await run('audit-verify.ts', ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--json');
    expect(help.stdout).toContain('--anchors');
  });
});
