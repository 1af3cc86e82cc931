import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { execute, failureReason } from '../../web/src/client/gateway';
import type { TypedDocumentString } from '../../web/src/generated/graphql';

/**
 * The panels' client and a gateway at capacity (issue #20.6), against a real HTTP server on
 * loopback: a 503 SERVICE_BUSY is asked again after its Retry-After (the panel says "busy, asking
 * again" meanwhile), and a gateway busy until the time limit is a failure that says so, never an
 * empty record.
 */

let server: Server;
let busyFor = 0;
let asked = 0;
/** After the busy answers, leave the request unanswered (a gateway holding it in its admission line). */
let hangAfterBusy = false;
const url = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;

beforeAll(async () => {
  server = createServer((_req, res) => {
    asked += 1;
    if (asked <= busyFor) {
      res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '0' }).end(JSON.stringify({ errors: [{ message: 'busy', extensions: { code: 'SERVICE_BUSY' } }] }));
      return;
    }
    if (hangAfterBusy) return;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { patient: { nhsNumber: '9434765919' } } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  asked = 0;
  hangAfterBusy = false;
});

const document = { toString: () => 'query Q($nhsNumber: String!) { patient(nhsNumber: $nhsNumber) { nhsNumber } }' } as unknown as TypedDocumentString<{ patient: { nhsNumber: string } }, { nhsNumber: string }>;

it('busy twice, then answered: the record arrives whole, and the panel was told it was busy each time', async () => {
  busyFor = 2;
  let told = 0;
  const result = await execute(url(), () => 'token', document, { nhsNumber: '9434765919' }, { onBusy: () => (told += 1) });
  expect(result).toEqual({ data: { patient: { nhsNumber: '9434765919' } }, errors: [] });
  expect({ told, asked }).toEqual({ told: 2, asked: 3 });
});

it('busy until the time limit: a failure that says busy, with no data', async () => {
  busyFor = 1_000;
  const result = await execute(url(), () => 'token', document, { nhsNumber: '9434765919' }, { timeoutSeconds: 1 });
  expect(result.data).toBeNull();
  expect(result.failure).toEqual({ kind: 'busy' });
  expect(failureReason(result.failure!)).toBe('the record service was too busy to start your request in time');
  expect(asked).toBeGreaterThan(1);
});

it('busy, then the time limit passes while asking again: still busy, never a bare timeout', async () => {
  busyFor = 1;
  hangAfterBusy = true;
  const result = await execute(url(), () => 'token', document, { nhsNumber: '9434765919' }, { timeoutSeconds: 1 });
  expect(result.failure).toEqual({ kind: 'busy' });
  expect(asked).toBe(2);
});

it('no answer at all within the time limit (never said busy) is a timeout', async () => {
  busyFor = 0;
  hangAfterBusy = true;
  const result = await execute(url(), () => 'token', document, { nhsNumber: '9434765919' }, { timeoutSeconds: 1 });
  expect(result.failure).toEqual({ kind: 'timeout', seconds: 1 });
});
