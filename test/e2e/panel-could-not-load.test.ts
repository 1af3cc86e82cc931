import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { userToken } from '../../tools/src/demo/tokens';
import { findDemoUser } from '../../tools/src/demo/users';
import { browserPages, screenshot, seriousViolations } from '../support/browser';
import { MARGARET } from '../support/clients';
import { stackInfo } from '../support/stackInfo';

/**
 * Panels embedded in a host page whose gateway cannot answer (docs/clinical-safety.md H61): a
 * closed port, a real HTTP server answering 503, one that never answers. Every section of every
 * panel (the emergency summary, allergies, problems, medications, each source's alerts and advance
 * decisions, and the combined medications and test reports) must say "Could not load", in the error style, and never "Nothing recorded"
 * (issue #19: an embedded panel read "Nothing recorded" for a patient with a penicillin anaphylaxis).
 */

const freshPage = browserPages();
const PANELS = ['sfy-emergency-summary', 'sfy-allergies', 'sfy-problems', 'sfy-medications', 'sfy-alerts', 'sfy-advance-decisions', 'sfy-combined-medications', 'sfy-combined-test-reports'];

let closedPort = 0;
let answering503: Server;
let hung: Server;
const url = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
};

beforeAll(async () => {
  // A port that was just free: nothing listens on it.
  const probe = await listen(createServer());
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
  // A gateway behind a proxy that is down: CORS allowed (so the browser can read the status), 503 with an HTML page.
  answering503 = await listen(
    createServer((req, res) => {
      const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'authorization, content-type', 'access-control-allow-methods': 'POST' };
      if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
      res.writeHead(503, { ...cors, 'content-type': 'text/html' }).end('<h1>503 Service Unavailable</h1>');
    }),
  );
  // A gateway that accepts the connection and never answers.
  hung = await listen(createServer(() => undefined));
});

afterAll(async () => {
  for (const server of [answering503, hung]) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** The example host page (another origin), with a token, and these panels pointing at `gatewayUrl`. */
async function embed(page: Page, gatewayUrl: string, extra: Record<string, string> = {}) {
  await page.goto(stackInfo().exampleUrl);
  await page.getByLabel('Access token').fill(userToken(findDemoUser('gp')));
  await page.getByRole('button', { name: 'Use this token' }).click();
  await page.evaluate(
    async ({ tags, nhsNumber, gatewayUrl, extra }) => {
      const doc = (globalThis as any).document;
      doc.querySelector('sfy-medications')?.remove();
      for (const tag of tags) {
        await (globalThis as any).customElements.whenDefined(tag);
        const element = doc.createElement(tag);
        for (const [name, value] of Object.entries({ 'data-panel': tag, 'nhs-number': nhsNumber, 'gateway-url': gatewayUrl, 'token-provider': 'hostToken', ...extra })) element.setAttribute(name, value);
        doc.querySelector('main').append(element);
      }
    },
    { tags: PANELS, nhsNumber: MARGARET(), gatewayUrl, extra },
  );
}

/** Every panel's sections once none is loading: state, text, and the panel-level alert. */
async function settledSections(page: Page) {
  await page.waitForFunction(
    (tags) => tags.every((tag: string) => {
      const root = (globalThis as any).document.querySelector(tag)?.shadowRoot;
      return root && !root.querySelector('[aria-busy="true"]') && root.querySelector('[data-section]');
    }),
    PANELS,
    { timeout: 30_000 },
  );
  return page.evaluate((tags) =>
    tags.map((tag: string) => {
      const root = (globalThis as any).document.querySelector(tag).shadowRoot;
      return {
        panel: tag,
        alert: root.querySelector('[role="alert"][data-state="could-not-load"]')?.textContent?.trim() ?? '',
        sections: [...root.querySelectorAll('[data-section]')].map((s: any) => ({ section: s.getAttribute('data-section'), state: s.getAttribute('data-state'), text: s.textContent.trim(), errorStyle: getComputedStyleOf(s) })),
      };
      function getComputedStyleOf(section: any) {
        const p = section.querySelector('p.state');
        // The design system's error colour on the left border: not the grey of "nothing recorded".
        return p ? (globalThis as any).getComputedStyle(p).borderLeftColor : '';
      }
    }),
  PANELS);
}

const NHS_ERROR_RED = 'rgb(213, 40, 27)'; // --nhsuk-error-colour

async function expectCouldNotLoad(page: Page, reason: RegExp) {
  const panels = await settledSections(page);
  expect(panels.map((p) => p.panel)).toEqual(PANELS);
  for (const panel of panels) {
    expect(panel.alert).toMatch(/This record could not be loaded\. Nothing below means that nothing is recorded\./);
    expect(panel.sections.length).toBeGreaterThan(0);
    for (const section of panel.sections) {
      expect(section).toMatchObject({ state: 'could-not-load', errorStyle: NHS_ERROR_RED });
      expect(section.text).toMatch(/Could not load /);
      expect(section.text).toMatch(reason);
      expect(section.text).not.toMatch(/Nothing recorded\./);
    }
  }
  // Every section of the emergency summary, allergies first.
  expect(panels[0].sections.map((s) => s.section)).toEqual(['allergies', 'medications', 'advanceDirectives', 'alerts', 'safeguardingAlerts', 'riskAlerts', 'riskSummary', 'crisisPlan', 'admissions']);
  expect(panels[0].sections[0].text).toMatch(/^Allergies and reactionsCould not load allergies and reactions: /);
  // Every section of the alerts panel (the GP's, hospital's and community services' alerts,
  // safeguarding and mental health risk alerts, sensitive or not) and of the advance decisions
  // panel (every source).
  const sectionsOf = (tag: string) => panels.find((p) => p.panel === tag)!.sections;
  expect(sectionsOf('sfy-alerts').map((s) => s.section)).toEqual([
    'alerts', 'gpSafeguardingAlerts', 'gpRiskAlerts',
    'hospitalAlerts', 'hospitalSafeguardingAlerts', 'hospitalRiskAlerts',
    'communityAlerts', 'communitySafeguardingAlerts', 'communityRiskAlerts',
  ]);
  expect(sectionsOf('sfy-alerts')[2].text).toMatch(/^GP mental health risk alertsCould not load GP mental health risk alerts: /);
  expect(sectionsOf('sfy-advance-decisions').map((s) => s.section)).toEqual(['advanceDecisions', 'hospitalAdvanceDecisions', 'mentalHealthAdvanceDecisions', 'communityAdvanceDecisions', 'socialCareAdvanceDecisions']);
  expect(sectionsOf('sfy-advance-decisions')[0].text).toMatch(/^GP advance decisionsCould not load GP advance decisions: /);
}

it('the gateway unreachable (a closed port): every section of every panel says "Could not load ...: the record service could not be reached"', async () => {
  const page = await freshPage();
  await embed(page, `http://127.0.0.1:${closedPort}/graphql`);
  await expectCouldNotLoad(page, /the record service could not be reached\. What is recorded is unknown/);
  // By keyboard: Tab reaches each panel's "Try again", and Enter asks again (still unreachable, still said).
  await page.locator('#token').focus();
  let reached = '';
  for (let i = 0; i < 6 && !reached; i += 1) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => ((globalThis as any).document.activeElement?.shadowRoot?.activeElement?.textContent ?? '').trim());
  }
  expect(reached).toBe('Try again');
  await page.keyboard.press('Enter');
  await expectCouldNotLoad(page, /the record service could not be reached/);
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'panels-could-not-load');
  await page.context().close();
});

it('the gateway answering 503 with an error page: "the record service answered with an error (HTTP 503)"', async () => {
  const page = await freshPage();
  await embed(page, url(answering503));
  await expectCouldNotLoad(page, /the record service answered with an error \(HTTP 503\)/);
  await page.context().close();
});

it('the gateway hung: the panels stop waiting after their time limit and say "no answer in time", never "Loading…" for ever', async () => {
  const page = await freshPage();
  const started = Date.now();
  await embed(page, url(hung), { 'timeout-seconds': '2' });
  await expectCouldNotLoad(page, /the record service gave no answer in time \(2 s\)/);
  expect(Date.now() - started).toBeLessThan(20_000);
  await page.context().close();
});
