import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IssuerKeys } from '../../gateway/src/issuerKeys';

/**
 * The sign-in provider's keys cannot be used to lock clinicians out (issue #21.1): against a real
 * JWKS endpoint on loopback, unknown key ids are refused at once and cost at most one fetch per
 * cooldown, and a failed refresh keeps the last good set.
 */

const jwk = (kid: string) => ({ ...generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' });
const [A, B] = [jwk('key-a'), jwk('key-b')];

let server: Server;
let published: { status: number; keys: unknown[] } = { status: 200, keys: [A] };
let fetches = 0;
const jwksUri = async () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;

beforeAll(async () => {
  server = createServer((_req, res) => {
    fetches += 1;
    res.writeHead(published.status, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: published.keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
/** Waits until `ready` holds (a loaded machine may take longer than any fixed pause). */
async function until(ready: () => boolean | Promise<boolean>): Promise<void> {
  for (const stop = Date.now() + 5_000; !(await ready()); ) {
    if (Date.now() > stop) throw new Error('not ready within 5 s');
    await new Promise((r) => setTimeout(r, 10));
  }
}

beforeEach(() => {
  published = { status: 200, keys: [A] };
  fetches = 0;
});

it('a flood of unknown key ids is refused at once and costs one fetch per cooldown; the genuine key is found throughout', async () => {
  const keys = new IssuerKeys({ jwksUri, unknownKidCooldownMs: 60_000 });
  expect(await keys.keyFor('key-a')).not.toBeNull();
  expect(fetches).toBe(1);
  const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => keys.keyFor(`made-up-${i}`)));
  expect(answers.every((k) => k === null)).toBe(true);
  expect(await keys.keyFor('key-a')).not.toBeNull();
  // Within the cooldown since the first load: not one more fetch.
  expect(fetches).toBe(1);
  keys.stop();
});

it('a key rotated in is found after the one refresh an unknown key id asks for, once the cooldown has passed', async () => {
  const keys = new IssuerKeys({ jwksUri, unknownKidCooldownMs: 50 });
  await keys.keyFor('key-a');
  published = { status: 200, keys: [A, B] };
  await new Promise((r) => setTimeout(r, 60));
  expect(await keys.keyFor('key-b')).toBeNull();
  await until(async () => (await keys.keyFor('key-b')) !== null);
  expect(fetches).toBe(2);
  keys.stop();
});

it('a refresh that fails keeps the last good set: no gap in which genuine tokens are refused', async () => {
  const keys = new IssuerKeys({ jwksUri, refreshMs: 30 });
  expect(await keys.keyFor('key-a')).not.toBeNull();
  published = { status: 503, keys: [] };
  await until(() => fetches >= 3);
  expect(await keys.keyFor('key-a')).not.toBeNull();
  // An answer with no usable key is no better than a failure.
  published = { status: 200, keys: [{ kty: 'EC', kid: 'x' }] };
  const before = fetches;
  await until(() => fetches >= before + 2);
  expect(await keys.keyFor('key-a')).not.toBeNull();
  keys.stop();
});
