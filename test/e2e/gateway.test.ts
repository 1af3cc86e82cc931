import { asUser, codes, gatewayPost, MARGARET } from '../support/clients';
import { gatewayWithout } from '../support/gatewayWithout';

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
  let gateway: Awaited<ReturnType<typeof gatewayWithout>> | undefined;
  let url = '';

  beforeAll(async () => {
    gateway = await gatewayWithout('community', 500);
    url = gateway.url;
  });

  afterAll(async () => {
    await gateway?.stop();
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
    expect(body.errors.map((e) => e.extensions)).toEqual([{ code: 'SOURCE_UNAVAILABLE', serviceName: 'community', reason: 'unreachable', paths: ['patient.communityEpisodes'] }]);
    expect(JSON.stringify(body.errors)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
  });
});
