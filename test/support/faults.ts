import { SECRETS_DIR } from '@shareforyou/kit';
import { subgraphPort, subgraphUrlVariable } from '@shareforyou/schema';
import { freePortBase } from '../../tools/src/stack/ports';
import { GATEWAY_ENTRY, spawnService, stopProcess, subgraphEntry, waitHealthy, type ServiceProcess } from '../../tools/src/stack/services';
import { stackInfo } from './stackInfo';

/**
 * Processes the fault tests may break without disturbing the shared stack: a spare instance of a
 * subgraph (same database, its own port) and a spare gateway that uses it in place of the stack's
 * own, with production-like time bounds. Everything is on loopback.
 */

export const FAULT_BOUNDS = {
  REQUEST_DEADLINE_MS: '4000',
  SOURCE_TIMEOUT_MS: '1500',
  SOURCE_BREAKER_RESET_MS: '1000',
  SOURCE_BREAKER_MIN_CALLS: '3',
  DATABASE_TIMEOUT_MS: '1500',
  ORGANISATION_STATUS_TTL_SECONDS: '1',
};

export interface Spare {
  service: ServiceProcess;
  url: string;
  port: number;
  restart: () => Promise<void>;
  stop: () => Promise<void>;
}

function spawnSpare(name: string, entry: string[], env: NodeJS.ProcessEnv, port: number, urlPath: string): Spare {
  const spare: Spare = {
    service: spawnService(`${name} (spare)`, entry, env, port, true),
    url: `http://127.0.0.1:${port}${urlPath}`,
    port,
    restart: async () => {
      spare.service = spawnService(`${name} (spare)`, entry, env, port, true);
      await waitHealthy(spare.service);
    },
    stop: () => stopProcess(spare.service.child),
  };
  return spare;
}

/** Waits for a spare to be healthy; one that is not is stopped, never left running. */
async function healthySpare(spare: Spare): Promise<Spare> {
  try {
    await waitHealthy(spare.service);
    return spare;
  } catch (error) {
    await spare.stop();
    throw error;
  }
}

/** A second instance of one subgraph on the stack's database. */
export async function spareSubgraph(name: string, from: number, extraEnv: NodeJS.ProcessEnv = {}): Promise<Spare> {
  const base = await freePortBase(from);
  const port = subgraphPort(name, { SHAREFORYOU_PORT_BASE: String(base) });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...FAULT_BOUNDS,
    ...extraEnv,
    MONGODB_URI: stackInfo().mongoUri,
    SHAREFORYOU_PORT_BASE: String(base),
    SHAREFORYOU_SECRETS_DIR: SECRETS_DIR,
  };
  return healthySpare(spawnSpare(name, subgraphEntry(name), env, port, '/graphql'));
}

/** A gateway over the stack's subgraphs, except those given (name -> spare). */
export async function spareGateway(replacing: Record<string, Spare>, from: number, extraEnv: NodeJS.ProcessEnv = {}): Promise<Spare> {
  const port = await freePortBase(from);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...FAULT_BOUNDS,
    ...extraEnv,
    SHAREFORYOU_PORT_BASE: String(stackInfo().portBase),
    SHAREFORYOU_SECRETS_DIR: SECRETS_DIR,
    GATEWAY_PORT: String(port),
    ...Object.fromEntries(Object.entries(replacing).map(([name, spare]) => [subgraphUrlVariable(name), spare.url])),
  };
  return healthySpare(spawnSpare('gateway', GATEWAY_ENTRY, env, port, '/graphql'));
}

export const pause = (pid: number | undefined) => pid && process.kill(pid, 'SIGSTOP');
export const resume = (pid: number | undefined) => pid && process.kill(pid, 'SIGCONT');

export interface Timed<T> {
  ms: number;
  status: number;
  text: string;
  body: T;
}

/** One GraphQL call, timed, with our own request id so the audit events can be found by it. */
export async function timedPost<T = any>(url: string, token: string, query: string, requestId?: string): Promise<Timed<T>> {
  const started = Date.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(requestId ? { 'x-request-id': requestId } : {}) },
    body: JSON.stringify({ query }),
    // A bound on the test itself: a hang fails the test instead of blocking it.
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  return { ms: Date.now() - started, status: response.status, text, body: JSON.parse(text) as T };
}

export { pollUntil } from './polling';
