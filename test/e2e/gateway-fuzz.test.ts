import fc from 'fast-check';
import jwt from 'jsonwebtoken';
import { DEV_ISSUER, readSecret, USER_AUDIENCE } from '@shareforyou/kit';
import { asUser, MARGARET } from '../support/clients';
import { INTERNAL_TEXT } from '../support/internalText';
import { stackInfo } from '../support/stackInfo';

/**
 * Property-based: whatever a client sends the gateway (a malformed body, an oversized query, an
 * odd token), the answer is a clean 4xx in JSON with no internal text. Bounded runs, loopback only.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);

async function send(body: string, headers: Record<string, string>) {
  const response = await fetch(stackInfo().gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body, signal: AbortSignal.timeout(30_000) });
  const text = await response.text();
  return { status: response.status, text };
}

function expectCleanRefusal({ status, text }: { status: number; text: string }) {
  expect(status).toBeGreaterThanOrEqual(400);
  expect(status).toBeLessThan(500);
  expect(() => JSON.parse(text)).not.toThrow();
  expect(text).not.toMatch(INTERNAL_TEXT);
}

it('malformed bodies get a clean 4xx', async () => {
  const token = asUser('gp').token;
  const body = fc.oneof(
    fc.string({ maxLength: 200 }).filter((s) => s.trim() !== '' && !/^\s*\{/.test(s)),
    fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)).filter((s) => !/"query"/.test(s)),
    fc.record({ query: fc.oneof(fc.integer(), fc.constant(null), fc.array(fc.string()), fc.string({ maxLength: 80 }).map((s) => `{ ${s}`)) }).map((v) => JSON.stringify(v)),
    fc.record({ query: fc.constant('{ __typename }'), variables: fc.oneof(fc.string(), fc.integer(), fc.array(fc.integer())) }).map((v) => JSON.stringify(v)),
    fc.string({ maxLength: 100 }).map((s) => `{"query": "${s}`),
  );
  await fc.assert(fc.asyncProperty(body, async (b) => expectCleanRefusal(await send(b, { authorization: `Bearer ${token}` }))), { numRuns: RUNS });
});

it('oversized queries get a clean 4xx', async () => {
  const token = asUser('gp').token;
  const oversized = fc.oneof(
    fc.integer({ min: 5_100, max: 30_000 }).map((n) => `{ patient(nhsNumber: "${MARGARET()}") { ${'nhsNumber '.repeat(n)} } }`),
    fc.integer({ min: 10, max: 200 }).map((depth) => `{ patient(nhsNumber: "${MARGARET()}") ${'{ careRelationships '.repeat(depth)}{ kind }${' }'.repeat(depth)} }`),
    fc.integer({ min: 16, max: 300 }).map((n) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: patient(nhsNumber: "${MARGARET()}") { nhsNumber }`).join(' ')} }`),
    fc.integer({ min: 300_000, max: 400_000 }).map((n) => `{ patient(nhsNumber: "${'9'.repeat(n)}") { nhsNumber } }`),
  );
  await fc.assert(fc.asyncProperty(oversized, async (query) => expectCleanRefusal(await send(JSON.stringify({ query }), { authorization: `Bearer ${token}` }))), { numRuns: RUNS });
});

it('odd tokens get a clean 401', async () => {
  const key = readSecret('devIdentityProviderPrivate');
  const signedOdd = fc.dictionary(fc.constantFrom('sub', 'name', 'selected_roleid', 'nhsid_nrbac_roles', 'exp', 'iat', 'nbf', 'x'), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 7 }).map((claims) =>
    jwt.sign(JSON.stringify({ iss: DEV_ISSUER, aud: USER_AUDIENCE, ...claims }), key, { algorithm: 'RS256' }),
  );
  const token = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.tuple(fc.base64String(), fc.base64String(), fc.base64String()).map((parts) => parts.join('.')),
    fc.jsonValue().map((v) => `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(v) ?? 'null').toString('base64url')}.`),
    signedOdd,
  );
  const header = token.map((t) => `Bearer ${t}`.replace(/[\r\n]/g, ''));
  await fc.assert(
    fc.asyncProperty(header, async (authorization) => {
      let answer;
      try {
        answer = await send(JSON.stringify({ query: `{ patient(nhsNumber: "${MARGARET()}") { nhsNumber } }` }), { authorization });
      } catch (error) {
        // fetch itself refuses header values it cannot send (non-Latin-1): nothing reached the gateway.
        if (error instanceof TypeError && /header/i.test(String((error as Error).message) + String((error as { cause?: unknown }).cause)) ) return;
        throw error;
      }
      expect(answer.status).toBe(401);
      expectCleanRefusal(answer);
    }),
    { numRuns: RUNS * 2 },
  );
});
