import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { userToken } from '../../tools/src/demo/tokens';
import { findDemoUser } from '../../tools/src/demo/users';
import { freePortBase } from '../../tools/src/stack/ports';
import { GATEWAY_ENTRY, spawnService, stopProcess, waitHealthy, type ServiceProcess } from '../../tools/src/stack/services';
import { browserPages, screenshot, seriousViolations } from '../support/browser';
import { MARGARET } from '../support/clients';
import { stackInfo } from '../support/stackInfo';

/**
 * A panel meets a gateway at capacity (clinical safety H115), in Chromium: a gateway of this test's
 * own over the real stack's subgraphs admits one request at a time (GATEWAY_MAX_IN_FLIGHT=1, a line
 * of one waiting 1 ms). The test holds that one place with a request of its own whose social care
 * source (a server of the test's, standing in for the council's system) does not answer until the
 * test lets it. The embedded panel is refused whole (503 SERVICE_BUSY, Retry-After), says it is
 * busy and asking again, never "Nothing recorded"; once the place is free, its next ask is
 * admitted and Margaret's medications come from the real stack.
 */

const freshPage = browserPages();
const gp = findDemoUser('gp');

let gateway: ServiceProcess;
let gatewayUrl: string;
let heldSource: Server;
let held: ServerResponse | undefined;
let sourceAsked!: () => void;
const asked = new Promise<void>((resolve) => (sourceAsked = resolve));

beforeAll(async () => {
  // The council's system, slow today: it keeps the first request waiting until the test releases
  // it, and fails the later ones at once (the panel's own ask, once admitted, is then answered
  // without the council's part instead of waiting for it past the panel's time limit).
  heldSource = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    if (held) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end('the council system failed');
      return;
    }
    held = res;
    sourceAsked();
  });
  await new Promise<void>((resolve) => heldSource.listen(0, '127.0.0.1', resolve));
  const base = await freePortBase(stackInfo().portBase + 820);
  gateway = spawnService(
    'gateway-capacity-one',
    GATEWAY_ENTRY,
    {
      ...process.env,
      SHAREFORYOU_PORT_BASE: String(stackInfo().portBase),
      GATEWAY_PORT: String(base),
      SUBGRAPH_URL_SOCIAL_CARE: `http://127.0.0.1:${(heldSource.address() as AddressInfo).port}/graphql`,
      GATEWAY_MAX_IN_FLIGHT: '1',
      GATEWAY_ADMISSION_QUEUE: '1',
      GATEWAY_ADMISSION_WAIT_MS: '1',
      // The held request ends when the test releases its source, not at a time limit of its own.
      SOURCE_TIMEOUT_MS: '60000',
      REQUEST_DEADLINE_MS: '60000',
    },
    base,
    true,
  );
  await waitHealthy(gateway);
  gatewayUrl = `http://127.0.0.1:${base}/graphql`;
}, 120_000);

afterAll(async () => {
  held?.destroy();
  await stopProcess(gateway?.child);
  await new Promise<void>((resolve) => heldSource.close(() => resolve()));
});

/** Refusals the gateway counted (its own metrics). */
async function busyRefusals(): Promise<number> {
  const text = await (await fetch(new URL('/metrics', gatewayUrl))).text();
  return Number(/^shareforyou_gateway_busy_refusals_total (\d+)/m.exec(text)?.[1] ?? 0);
}

it('an embedded panel says the record service is busy and that it is asking again, then shows the record once capacity frees; axe clean in both states', async () => {
  // The one place taken: a look at Margaret's social care, its source held.
  const holding = fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${userToken(gp)}` },
    body: JSON.stringify({ query: 'query($n: String!) { patient(nhsNumber: $n) { socialCareCases { id } } }', variables: { n: MARGARET() } }),
  });
  await asked;
  const refusedBefore = await busyRefusals();

  // The example host page (another origin) embeds the medications panel; here it hands the panel the
  // host's token and this gateway's address before the panel starts (a host's own configuration).
  const page = await freshPage();
  const token = userToken(gp, { clientId: 'bury-ward-system' });
  await page.addInitScript(
    ([hostToken, url]) => {
      const w = globalThis as any;
      w.sessionStorage.setItem('host-token', hostToken);
      new w.MutationObserver((_: unknown, observer: any) => {
        const panel = w.document.querySelector('sfy-medications');
        if (!panel) return;
        panel.setAttribute('gateway-url', url);
        observer.disconnect();
      }).observe(w.document, { childList: true, subtree: true });
    },
    [token, gatewayUrl],
  );
  await page.goto(stackInfo().exampleUrl);

  const panel = page.locator('sfy-medications');
  const busy = panel.locator('[data-state="busy"]');
  await busy.waitFor({ timeout: 30_000 }).catch(async (error) => {
    // What the panel showed instead, to say why.
    throw new Error(`${(error as Error).message}\nThe panel showed: ${await panel.evaluate((p) => p.shadowRoot?.innerHTML ?? '(no shadow root)')}`);
  });
  expect(await busy.textContent()).toBe('The record service is busy: asking again…');
  expect(await busy.getAttribute('role')).toBe('status');
  // Busy is never read as an empty record.
  expect(await panel.locator('[data-state="empty"], [data-state="could-not-load"]').count()).toBe(0);
  expect(await busyRefusals()).toBeGreaterThan(refusedBefore);
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'panel-busy-asking-again');
  // It keeps asking while the place is taken: more refusals, still busy.
  const refusedWhileHeld = await busyRefusals();
  for (let i = 0; i < 40 && (await busyRefusals()) <= refusedWhileHeld; i += 1) await new Promise((resolve) => setTimeout(resolve, 250));
  expect(await busyRefusals()).toBeGreaterThan(refusedWhileHeld);
  expect(await busy.isVisible()).toBe(true);

  // The council's system answers at last (with an error: that request's own business); the place is free.
  held!.writeHead(500, { 'content-type': 'text/plain' }).end('the council system failed');
  expect((await holding).status).toBe(200);

  // The panel's next ask is admitted: Margaret's medications, from the real stack.
  const medications = panel.locator('[data-section="medications"][data-state="data"]');
  await medications.waitFor({ timeout: 30_000 });
  expect(await medications.textContent()).toMatch(/Warfarin/i);
  expect(await busy.count()).toBe(0);
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'panel-busy-then-record');
  await page.context().close();
});
