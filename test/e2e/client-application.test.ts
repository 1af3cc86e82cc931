import { devUserIssuer } from '@shareforyou/kit';
import { userToken } from '../../tools/src/demo/tokens';
import { findDemoUser } from '../../tools/src/demo/users';
import { VIEWER_CLIENT_ID } from '../../tools/src/identity/clients';
import { browserPages, openRecord, panelsSettled, signInAs } from '../support/browser';
import { asUser, closeDatabases, database, MARGARET } from '../support/clients';
import { stackInfo } from '../support/stackInfo';

afterAll(closeDatabases);

/**
 * Every look names the client application it came through (issue #19.8; docs/privacy-officers.md:
 * the token's client, `azp` or a JWT access token's `client_id`, else the client's
 * `apollographql-client-name` header). Through each door: the GraphQL API, the FHIR API, the viewer,
 * a record opened from a clinical system (SMART launch), panels embedded in a host's page, and the
 * privacy console. Each test reads the stored audit events of its own user since it began.
 */

const freshPage = browserPages();

/** The applications the user's looks since `since` were recorded with (the gateway's own checks left out), and how many looks. */
async function applicationsOf(userId: string, since: Date): Promise<{ looks: number; applications: Array<string | null> }> {
  const audit = (await database('audit')).collection('auditEvents');
  const events = (await audit.find({ 'user.id': userId, at: { $gte: since }, 'client.internal': { $ne: true } }).toArray()) as any[];
  return { looks: events.length, applications: [...new Set(events.map((e) => e.client?.application ?? null))] };
}

/** Until the user's looks have been written (the browser's last panels may still be on their way). */
async function looksOf(userId: string, since: Date) {
  let found = await applicationsOf(userId, since);
  for (let i = 0; i < 20 && found.looks === 0; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    found = await applicationsOf(userId, since);
  }
  return found;
}

const gp = findDemoUser('gp');

it('the GraphQL API: the token\'s client (azp)', async () => {
  const user = findDemoUser('community-nurse');
  const since = new Date();
  const { errors } = await asUser('community-nurse', { token: userToken(user, { clientId: 'community-tablet' }) }).query('query($n: String!) { patient(nhsNumber: $n) { name { text } } }', { n: MARGARET() });
  expect(errors).toBeUndefined();
  expect(await looksOf(user.userId, since)).toEqual({ looks: expect.any(Number), applications: ['community-tablet'] });
});

it('the FHIR API: the token\'s client, or the documented header for a token that names none', async () => {
  const user = findDemoUser('ae-doctor');
  const fhir = (token: string, headers: Record<string, string> = {}) =>
    fetch(`${new URL('/fhir', stackInfo().gatewayUrl)}/Patient/${MARGARET()}/$summary`, { headers: { authorization: `Bearer ${token}`, accept: 'application/fhir+json', ...headers } });
  let since = new Date();
  expect((await fhir(userToken(user, { clientId: 'ed-board' }))).status).toBe(200);
  expect(await looksOf(user.userId, since)).toEqual({ looks: expect.any(Number), applications: ['ed-board'] });
  since = new Date();
  expect((await fhir(userToken(user, { clientId: null }), { 'apollographql-client-name': 'ed-integration-engine' })).status).toBe(200);
  expect(await looksOf(user.userId, since)).toEqual({ looks: expect.any(Number), applications: ['ed-integration-engine'] });
});

it('the viewer: the client its sign-in token was issued to (client_id)', async () => {
  const since = new Date();
  const page = await freshPage();
  await signInAs(page, 'gp');
  await openRecord(page, MARGARET());
  await panelsSettled(page);
  const found = await looksOf(gp.userId, since);
  expect(found.looks).toBeGreaterThan(5);
  expect(found.applications).toEqual([VIEWER_CLIENT_ID]);
  await page.context().close();
});

it('a record opened from a clinical system (SMART launch): the client the launch signed in to', async () => {
  const user = findDemoUser('ae-locum');
  const since = new Date();
  const page = await freshPage();
  await page.goto(`${devUserIssuer({ ...process.env, SHAREFORYOU_PORT_BASE: String(stackInfo().portBase) })}/launch-simulator`);
  await page.getByLabel(/^Dr Hannah Clegg/).check();
  await page.getByLabel('Patient open in the clinical system').selectOption(MARGARET());
  await page.getByRole('button', { name: 'Open the shared record' }).click();
  await page.locator('#record-heading').waitFor({ timeout: 60_000 });
  await panelsSettled(page);
  const found = await looksOf(user.userId, since);
  expect(found.looks).toBeGreaterThan(0);
  expect(found.applications).toEqual([VIEWER_CLIENT_ID]);
  await page.context().close();
});

it("panels embedded in a host's page: the host's own client, from the token it hands them", async () => {
  const user = findDemoUser('ae-doctor');
  const since = new Date();
  const page = await freshPage();
  await page.goto(stackInfo().exampleUrl);
  await page.getByLabel('Access token').fill(userToken(user, { clientId: 'bury-ward-system' }));
  await page.getByRole('button', { name: 'Use this token' }).click();
  await page.locator('sfy-medications [data-state]').first().waitFor({ timeout: 30_000 });
  const found = await looksOf(user.userId, since);
  expect(found.looks).toBeGreaterThan(0);
  expect(found.applications).toEqual(['bury-ward-system']);
  await page.context().close();
});

it('the privacy console: the viewer client it is signed in through', async () => {
  const user = findDemoUser('privacy-officer');
  const since = new Date();
  const page = await freshPage();
  await signInAs(page, 'privacy-officer');
  await page.getByRole('link', { name: 'Open the privacy console' }).click();
  await page.getByRole('heading', { name: 'Privacy console', level: 1 }).waitFor();
  const found = await looksOf(user.userId, since);
  expect(found.looks).toBeGreaterThan(0);
  expect(found.applications).toEqual([VIEWER_CLIENT_ID]);
  await page.context().close();
});
