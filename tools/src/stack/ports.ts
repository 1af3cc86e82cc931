import { createServer } from 'node:net';
import { DEFAULT_PORT_BASE } from '@shareforyou/schema';

/**
 * Ports of a local stack. The gateway listens on the port base, the subgraphs on base+offset
 * (schema/src/services.ts), a peer gateway in the benchmark on base+9, and the local database
 * engine moves with the base from 27117.
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
 * The first port base from `first` (in steps of 20) whose ten service ports and extra ports are all
 * free, so parallel runs (tests, benchmarks, npm start) never collide.
 */
export async function freePortBase(first: number, extraPorts: (base: number) => number[] = () => []): Promise<number> {
  for (let base = first; base < first + 2000; base += 20) {
    const ports = [...Array.from({ length: 10 }, (_, i) => base + i), ...extraPorts(base)];
    if ((await Promise.all(ports.map(isFree))).every(Boolean)) return base;
  }
  throw new Error(`no free ports found from ${first}: stop other stacks (npm start, tests, bench) or choose another port base`);
}

/** The clinician viewer and the example host page that embeds a panel: each its own origin. */
export const VIEWER_OFFSET = 10;
export const EMBED_EXAMPLE_OFFSET = 11;
export const viewerOrigin = (base: number) => `http://127.0.0.1:${base + VIEWER_OFFSET}`;
export const embedExampleOrigin = (base: number) => `http://127.0.0.1:${base + EMBED_EXAMPLE_OFFSET}`;
