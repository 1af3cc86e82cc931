import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { subgraphUrl, SUPERGRAPH_PATH } from '@shareforyou/schema';
import { BENCH_DIR, REPO_ROOT } from '../paths';
import { spawnNodeProcess, stopProcess, waitHealthy, type ServiceProcess } from '../stack/services';

/**
 * The peer: @graphql-hive/gateway serving the committed supergraph over the same subgraph processes.
 * The subgraph URLs in the supergraph are the port-base-4000 defaults; they are rewritten into a
 * copy for the bench's port base. See peerGateway.config.cjs for how it carries an identity.
 */

const PEER_CONFIG = join(__dirname, 'peerGateway.config.cjs');
const HIVE_BIN = join(REPO_ROOT, 'node_modules', '@graphql-hive', 'gateway', 'dist', 'bin.js');

/** The supergraph with every @join__graph url pointing where the service list says for this environment. */
export function rewriteSupergraphUrls(sdl: string, env: NodeJS.ProcessEnv): string {
  return sdl.replace(/@join__graph\(name: "([^"]+)", url: "[^"]*"\)/g, (_m, name: string) => `@join__graph(name: "${name}", url: "${subgraphUrl(name, env)}")`);
}

export interface RunningPeer {
  url: string;
  service: ServiceProcess;
  stop: () => Promise<void>;
}

/** The committed supergraph, its URLs rewritten for this stack, in .bench/tmp/ for a peer on `port`; returns its path. */
export function writePeerSupergraph(port: number, env: NodeJS.ProcessEnv): string {
  const dir = join(BENCH_DIR, 'tmp');
  mkdirSync(dir, { recursive: true });
  const supergraph = join(dir, `peer-supergraph-${port}.graphql`);
  writeFileSync(supergraph, rewriteSupergraphUrls(readFileSync(SUPERGRAPH_PATH, 'utf8'), env));
  return supergraph;
}

export async function startPeer(options: { port: number; env: NodeJS.ProcessEnv; signing: Record<string, string>; quiet: boolean }): Promise<RunningPeer> {
  const supergraph = writePeerSupergraph(options.port, options.env);
  const service = spawnNodeProcess({
    name: 'peer (hive-gateway)',
    args: [HIVE_BIN, '--fork', '1', '-c', PEER_CONFIG, 'supergraph', supergraph, '--port', String(options.port), '--host', '127.0.0.1'],
    env: { ...options.env, ...options.signing },
    healthUrl: `http://127.0.0.1:${options.port}/healthcheck`,
    quiet: options.quiet,
  });
  const { child } = service;
  try {
    await waitHealthy(service);
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
  return { url: `http://127.0.0.1:${options.port}/graphql`, service, stop: () => stopProcess(child) };
}
