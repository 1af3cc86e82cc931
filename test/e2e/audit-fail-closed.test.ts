import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { IDENTITY_HEADER, SECRETS_DIR, signGatewayIdentity } from '@shareforyou/kit';
import { subgraphPort } from '@shareforyou/schema';
import { startFerretDb, type RunningEngine } from '../../tools/src/engine/ferretdb';
import { spawnService, subgraphEntry, stopProcess, waitHealthy, type ServiceProcess } from '../../tools/src/stack/services';
import { asGatewayFor, MARGARET } from '../support/clients';
import { freePortBase } from '../../tools/src/stack/ports';
import { stackInfo } from '../support/stackInfo';

/**
 * No audit, no data: a second gp subgraph process, on its own ports, whose audit store is
 * unreachable. Called as the gateway would call it, it must answer AUDIT_UNAVAILABLE and nothing else.
 */

const GP_ENTRY = subgraphEntry('gp');
const MEDICATIONS = `{ _entities(representations: [{ __typename: "Patient", nhsNumber: "${MARGARET()}" }]) { ... on Patient { medications { id medication { code display } } } } }`;

/** A loopback port nothing listens on (taken and released). */
function unusedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function startGp(portBase: number, auditUri: string): ServiceProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MONGODB_URI: stackInfo().mongoUri,
    AUDIT_MONGODB_URI: auditUri,
    SHAREFORYOU_PORT_BASE: String(portBase),
    SHAREFORYOU_SECRETS_DIR: SECRETS_DIR,
  };
  return spawnService('gp (audit store unreachable)', GP_ENTRY, env, subgraphPort('gp', { SHAREFORYOU_PORT_BASE: String(portBase) }), true);
}

/** Calls the process as the gateway would for the demo GP; returns the body as text too. */
async function askAsGateway(portBase: number) {
  const { identity } = asGatewayFor('gp');
  const url = `http://127.0.0.1:${subgraphPort('gp', { SHAREFORYOU_PORT_BASE: String(portBase) })}/graphql`;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: signGatewayIdentity(identity) },
    body: JSON.stringify({ query: MEDICATIONS }),
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as { data: any; errors?: Array<{ extensions?: { code?: string } }> } };
}


let medicationValues: string[] = [];

beforeAll(async () => {
  // What must never leak: the ids, codes and names of Margaret's medications, read from the stack's own gp.
  const response = await asGatewayFor('gp').query('gp', MEDICATIONS);
  const medications = response.data._entities[0].medications as Array<{ id: string; medication: { code: string; display: string } }>;
  expect(medications.length).toBeGreaterThan(0);
  medicationValues = medications.flatMap((m) => [m.id, m.medication.code, m.medication.display]);
});

function expectAuditUnavailableOnly(answer: Awaited<ReturnType<typeof askAsGateway>>) {
  expect(answer.body.errors?.[0]?.extensions?.code).toBe('AUDIT_UNAVAILABLE');
  expect(answer.body.errors).toHaveLength(1);
  expect(answer.body.data).toBeNull();
  for (const value of medicationValues) expect(answer.text).not.toContain(value);
}

describe('fail closed when the audit store is unreachable', () => {
  let service: ServiceProcess | undefined;
  afterEach(async () => {
    if (service) await stopProcess(service.child);
    service = undefined;
  });

  it('an audit store that is not there at all: the subgraph serves no record data', async () => {
    const portBase = await freePortBase(4600);
    service = startGp(portBase, `mongodb://127.0.0.1:${await unusedPort()}`);
    // The service starts without its audit store, and every call fails closed.
    await waitHealthy(service);
    expectAuditUnavailableOnly(await askAsGateway(portBase));
  });

  describe('an audit store that stops while the subgraph runs', () => {
    let engine: RunningEngine | undefined;
    let dataDir: string;
    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'shareforyou-audit-store-'));
      engine = await startFerretDb({ port: await unusedPort(), dataDir });
    });
    afterAll(async () => {
      await engine?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('serves while the store takes the events, then answers AUDIT_UNAVAILABLE and nothing else', async () => {
      const portBase = await freePortBase(4620);
      service = startGp(portBase, engine!.uri);
      await waitHealthy(service);

      const served = await askAsGateway(portBase);
      expect(served.body.errors).toBeUndefined();
      expect(served.body.data._entities[0].medications.length).toBe(medicationValues.length / 3);
      // The events went to this store, not the stack's.
      const store = await mongoose.createConnection(engine!.uri, { dbName: 'audit' }).asPromise();
      try {
        const events = await store.collection('auditEvents').find({ subgraph: 'gp', nhsNumber: MARGARET() }).toArray();
        expect(events.map((e) => e.viewed)).toContainEqual(expect.arrayContaining(['Patient.medications', 'Medication.id']));
      } finally {
        await store.close();
      }

      await engine!.stop();
      engine = undefined;
      const refused = await askAsGateway(portBase);
      expectAuditUnavailableOnly(refused);
    });
  });
});
