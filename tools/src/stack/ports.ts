import { createServer } from 'node:net';
import { DEFAULT_PORT_BASE } from '@shareforyou/schema';

/**
 * Ports of a local stack. The gateway listens on the port base, the subgraphs on base+offset
 * (schema/src/services.ts), the benchmark's peers on base+13 (Hive Gateway) and base+14 (Hive
 * Router), and the local database engine moves with the base from 27117.
 */

const FIRST_DATABASE_PORT = 27117;

export function localDatabasePort(portBase: number): number {
  return FIRST_DATABASE_PORT + (portBase - DEFAULT_PORT_BASE);
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * Ports that fetch() refuses to call ("bad port" in the WHATWG Fetch standard, which Node's fetch
 * follows), from 1024 up: a service there starts but no health check or browser can reach it.
 */
const FETCH_BLOCKED_PORTS = new Set([1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080]);

export const fetchBlocks = (port: number) => FETCH_BLOCKED_PORTS.has(port);

/**
 * The first port base from `first` (in steps of 20) whose ten service ports and extra ports are all
 * free and reachable by fetch, so parallel runs (tests, benchmarks, npm start) never collide.
 */
export async function freePortBase(first: number, extraPorts: (base: number) => number[] = () => []): Promise<number> {
  for (let base = first; base < first + 2000; base += 20) {
    const ports = [...Array.from({ length: 10 }, (_, i) => base + i), ...extraPorts(base)];
    if (ports.some(fetchBlocks)) continue;
    if ((await Promise.all(ports.map(isFree))).every(Boolean)) return base;
  }
  throw new Error(`no free ports found from ${first}: stop other stacks (npm start, tests, bench) or choose another port base`);
}

/** The clinician viewer and the example host page that embeds a panel: each its own origin. */
export const VIEWER_OFFSET = 10;
export const EMBED_EXAMPLE_OFFSET = 11;
export const viewerOrigin = (base: number) => `http://127.0.0.1:${base + VIEWER_OFFSET}`;
export const embedExampleOrigin = (base: number) => `http://127.0.0.1:${base + EMBED_EXAMPLE_OFFSET}`;
