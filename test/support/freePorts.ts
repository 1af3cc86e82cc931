import { createServer } from 'node:net';

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A port base whose gateway, subgraph and database ports are all free, so parallel runs never collide. */
export async function freePortBase(first: number, extraPorts: (base: number) => number[]): Promise<number> {
  for (let base = first; base < first + 2000; base += 20) {
    const ports = [...Array.from({ length: 10 }, (_, i) => base + i), ...extraPorts(base)];
    if ((await Promise.all(ports.map(isFree))).every(Boolean)) return base;
  }
  throw new Error(`no free ports found from ${first}`);
}
