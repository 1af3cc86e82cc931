import { GATEWAY_ENTRY, spawnService, stopProcess, waitHealthy, type ServiceProcess } from '../../tools/src/stack/services';
import { freePortBase } from '../../tools/src/stack/ports';
import { asUser, codes, gatewayPost, MARGARET } from '../support/clients';
import { stackInfo } from '../support/stackInfo';

describe('request limits', () => {
  it('an ordinary record query passes the limits', async () => {
    const query = `{ patient(nhsNumber: "${MARGARET()}") { medications { provenance { odsCode } medication { code } } careRelationships { organisation { name } } } }`;
    expect((await asUser('gp').query(query)).errors).toBeUndefined();
  });

  it('too many aliases are refused before planning, as BAD_USER_INPUT, with no data', async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: medications { id }`).join(' ');
    const response = await gatewayPost({ authorization: `Bearer ${asUser('gp').token}` }, `{ patient(nhsNumber: "${MARGARET()}") { ${aliases} } }`);
    expect(codes(response)).toContain('BAD_USER_INPUT');
    expect(response.data ?? null).toBeNull();
  });

  it('a query too long to be a real client query is refused (token limit)', async () => {
    const fields = Array.from({ length: 800 }, () => 'nhsNumber').join(' ');
    const response = await gatewayPost({ authorization: `Bearer ${asUser('gp').token}` }, `{ patient(nhsNumber: "${MARGARET()}") { ${fields} } }`);
    expect(codes(response)).toContain('BAD_USER_INPUT');
    expect(response.data ?? null).toBeNull();
  });
});

describe('a source that does not answer', () => {
  let gateway: ServiceProcess | undefined;
  let url = '';

  beforeAll(async () => {
    // A second gateway over the same subgraphs, except that community points at a closed port.
    const base = await freePortBase(stackInfo().portBase + 500);
    const env = {
      ...process.env,
      SHAREFORYOU_PORT_BASE: String(stackInfo().portBase),
      GATEWAY_PORT: String(base),
      SUBGRAPH_URL_COMMUNITY: `http://127.0.0.1:${base + 9}/graphql`,
    };
    gateway = spawnService('gateway-without-community', GATEWAY_ENTRY, env, base, true);
    await waitHealthy(gateway);
    url = `http://127.0.0.1:${base}/graphql`;
  });

  afterAll(async () => {
    if (gateway) await stopProcess(gateway.child);
  });

  it('costs only its own fields, with SOURCE_UNAVAILABLE naming it and no internal address', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${asUser('gp').token}` },
      body: JSON.stringify({ query: `{ patient(nhsNumber: "${MARGARET()}") { name { text } medications { id } communityEpisodes { id } } }` }),
    });
    const body = (await response.json()) as { data: any; errors: Array<{ message: string; extensions: Record<string, unknown> }> };
    expect(body.data.patient.name.text).toBe('Margaret Joan ASHWORTH');
    expect(body.data.patient.medications.length).toBeGreaterThan(0);
    expect(body.data.patient.communityEpisodes).toBeNull();
    expect(body.errors.map((e) => e.extensions)).toEqual([{ code: 'SOURCE_UNAVAILABLE', serviceName: 'community', paths: [['patient', 'communityEpisodes']] }]);
    expect(JSON.stringify(body.errors)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
  });
});
