import { gunzipSync } from 'node:zlib';
import { viewerOrigin } from '../../tools/src/stack/ports';
import { asUser, MARGARET } from '../support/clients';
import { stackInfo } from '../support/stackInfo';

const gatewayUrl = () => stackInfo().gatewayUrl;
const gatewayRoot = () => gatewayUrl().replace(/\/graphql$/, '');
const viewer = () => viewerOrigin(stackInfo().portBase);

const preflight = (origin: string) =>
  fetch(gatewayUrl(), { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } });

describe('browser access at the gateway', () => {
  it('answers the preflight of an allowed origin (the local viewer)', async () => {
    const response = await preflight(viewer());
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(viewer());
    expect(response.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    expect(response.headers.get('access-control-allow-methods')).toMatch(/POST/);
  });

  it('gives an origin that is not on the allow-list no CORS grant', async () => {
    const response = await preflight('http://evil.example');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const post = await fetch(gatewayUrl(), { method: 'POST', headers: { origin: 'http://evil.example', 'content-type': 'application/json', authorization: `Bearer ${asUser('gp').token}` }, body: '{"query":"{ __typename }"}' });
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('keeps CSRF prevention on: a form-like simple request is refused before it runs', async () => {
    const response = await fetch(gatewayUrl(), { method: 'POST', headers: { 'content-type': 'text/plain', authorization: `Bearer ${asUser('gp').token}` }, body: '{"query":"{ __typename }"}' });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF|preflight/i);
  });

  it('sends security headers and compresses large answers', async () => {
    // Above the 1 kB below which compressing does not pay.
    const query = `{ patient(nhsNumber: "${MARGARET()}") { medications { id medication { system code display } status dosage startDate provenance { organisationName system sourceId } } problems { id code { display } provenance { organisationName sourceId } } } }`;
    const response = await fetch(gatewayUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip', authorization: `Bearer ${asUser('gp').token}` },
      body: JSON.stringify({ query }),
    });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(response.headers.get('strict-transport-security')).toBeTruthy();
    expect(response.headers.get('x-powered-by')).toBeNull();
    // fetch decodes gzip itself; ask again without decoding to see the encoding.
    const raw = await new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
      const http = require('node:http') as typeof import('node:http');
      const request = http.request(gatewayUrl(), { method: 'POST', headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip', authorization: `Bearer ${asUser('gp').token}` } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
      });
      request.on('error', reject);
      request.end(JSON.stringify({ query }));
    });
    expect(raw.encoding).toBe('gzip');
    const body = gunzipSync(raw.body);
    expect(body.length).toBeGreaterThan(raw.body.length);
    expect(JSON.parse(body.toString()).data.patient.medications.length).toBeGreaterThan(0);
  });

  it('serves the offline explorer in development: GraphiQL from the gateway itself, no CDN, no Sandbox', async () => {
    const page = await fetch(`${gatewayRoot()}/explorer/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('assets/graphiql.js');
    expect(html).not.toMatch(/https?:\/\//);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    for (const asset of ['graphiql.js', 'graphiql.css', 'react.js', 'react-dom.js', 'start.js']) {
      const response = await fetch(`${gatewayRoot()}/explorer/assets/${asset}`);
      expect(response.status).toBe(200);
    }
    expect(await (await fetch(`${gatewayRoot()}/explorer/assets/start.js`)).text()).toMatch(/authorization/);
    const landing = await fetch(gatewayUrl(), { headers: { accept: 'text/html' } });
    expect(await landing.text()).not.toMatch(/sandbox|apollographql/i);
  });
});
