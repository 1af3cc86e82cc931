import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { subgraphUrl, SUPERGRAPH_PATH } from '@shareforyou/schema';
import { BENCH_DIR, REPO_ROOT } from '../paths';
import { stopProcess, waitHealthy, type ServiceProcess } from '../stack/services';

/**
 * The peer: @graphql-hive/gateway serving the committed supergraph over the same subgraph processes.
 * The subgraph URLs in the supergraph are the port-base-4000 defaults; they are rewritten into a
 * copy for the bench's port base. See peerGateway.config.cjs for how it carries an identity.
 */

export const PEER_CONFIG = join(__dirname, 'peerGateway.config.cjs');
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

export async function startPeer(options: { port: number; env: NodeJS.ProcessEnv; identity: string; quiet: boolean }): Promise<RunningPeer> {
  const dir = join(BENCH_DIR, 'tmp');
  mkdirSync(dir, { recursive: true });
  const supergraph = join(dir, `peer-supergraph-${options.port}.graphql`);
  writeFileSync(supergraph, rewriteSupergraphUrls(readFileSync(SUPERGRAPH_PATH, 'utf8'), options.env));
  const child = spawn(
    process.execPath,
    [HIVE_BIN, '--fork', '1', '-c', PEER_CONFIG, 'supergraph', supergraph, '--port', String(options.port), '--host', '127.0.0.1'],
    { cwd: REPO_ROOT, env: { ...options.env, SHAREFORYOU_BENCH_PEER_IDENTITY: options.identity }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(String(chunk));
    if (output.length > 200) output.shift();
    if (!options.quiet) process.stdout.write(String(chunk));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const service: ServiceProcess = { name: 'peer (hive-gateway)', child, output, healthUrl: `http://127.0.0.1:${options.port}/healthcheck` };
  try {
    await waitHealthy(service);
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
  return { url: `http://127.0.0.1:${options.port}/graphql`, service, stop: () => stopProcess(child) };
}
