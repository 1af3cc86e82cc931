import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { IDENTITY_HEADER } from '@shareforyou/kit/src/identity';
import { subgraphServices } from '@shareforyou/schema';
import { progress } from '../cli/progress';
import { BENCH_DIR, HIVE_ROUTER_DIR } from '../paths';
import { spawnProcess, stopProcess, waitHealthy, type ServiceProcess } from '../stack/services';
import { writePeerSupergraph } from './peer';

/**
 * The compiled peer: Hive Router (Rust, the crate `hive-router`), built with cargo once into
 * .local/hive-router/<version>/ and run over the same supergraph and subgraph processes as the JS
 * peer (peer.ts). Nothing here is needed by the product: without cargo the bench leaves it out.
 *
 * Identity: our subgraphs accept a call only with a gateway identity (ES256, one per call, spent on
 * use). The JS peer signs one per subgraph call in its configuration; the router's configuration can
 * only move headers, not sign. So the load generator signs one identity per subgraph for each request
 * (the same claims and key as the JS peer's) and sends each under its own header; the router forwards
 * subgraph S's header, and only that one, to S as `x-shareforyou-identity`. That serves one call per
 * subgraph per request, which is what the record summary's and the caseload's query plans make (a
 * second call to a subgraph would be refused as a replay, and the bench would count the error). The
 * router's coprocessor stages are at the router and GraphQL level, not per subgraph call, so they could
 * not sign either. The signing is then in the load
 * generator's CPU (about 1.3 ms a request for 8 identities, measured on the shared 2-core machine),
 * not the router's, which our gateway and the JS peer spend in their own process.
 */

export const HIVE_ROUTER_VERSION = '0.3.10';
/** The crate's dependencies (ntex 4) declare rust-version 1.97. */
export const MINIMUM_RUST: readonly [number, number] = [1, 97];
/**
 * Crates cargo compiles for this version and these features (counted in a build on this machine):
 * the bar's total. A different count only makes the bar end early or late.
 */
export const EXPECTED_CRATES = 643;
const ROOT = join(HIVE_ROUTER_DIR, HIVE_ROUTER_VERSION);
export const HIVE_ROUTER_BINARY = join(ROOT, 'bin', 'hive_router');
/** Kept across attempts, so a build that was interrupted goes on where it stopped; removed once built. */
const TARGET_DIR = join(HIVE_ROUTER_DIR, 'target');

/** The header that carries subgraph `name`'s identity from the load generator to the router. */
export const identityHeaderFor = (subgraph: string) => `x-bench-identity-${subgraph}`;

/** One identity header per subgraph in the service list. */
export const routerIdentityHeaders = (subgraphs: readonly string[] = subgraphServices.map((s) => s.name)) => subgraphs.map(identityHeaderFor);

/**
 * The router's configuration (JSON, one of the formats it reads from ROUTER_CONFIG_FILE_PATH), set
 * like the JS peer: the same rewritten supergraph file, one process, no deduplication of subgraph
 * calls (at the router or in the executor: every call the plan makes is made), no caching, only the
 * identity headers forwarded (the client's Authorization is not, as the JS peer forwards none).
 */
export function hiveRouterConfig(options: { port: number; supergraphPath: string; subgraphs: readonly string[] }): Record<string, unknown> {
  return {
    log: { level: 'warn' },
    supergraph: { source: 'file', path: options.supergraphPath },
    // One worker thread: the JS peer runs one process (--fork 1), our gateway one event loop.
    http: { host: '127.0.0.1', port: options.port, workers: 1 },
    laboratory: { enabled: false },
    traffic_shaping: { all: { dedupe_enabled: false }, router: { dedupe: { enabled: false } } },
    // The bench prints the first error of a failing level: let the subgraph's message through.
    error_masking: { enabled: false },
    headers: {
      subgraphs: Object.fromEntries(
        options.subgraphs.map((name) => [name, { request: [{ propagate: { named: identityHeaderFor(name), rename: IDENTITY_HEADER } }] }]),
      ),
    },
  };
}

/** [major, minor, patch] and whether it is a pre-release, from `rustc --version` ("rustc 1.97.0-nightly (e50aa6fba 2026-05-19)"). */
export function parseRustcVersion(text: string): { version: [number, number, number]; preRelease: boolean } | null {
  const match = /rustc (\d+)\.(\d+)\.(\d+)(-[\w.]+)?/.exec(text);
  return match ? { version: [Number(match[1]), Number(match[2]), Number(match[3])], preRelease: Boolean(match[4]) } : null;
}

export interface Toolchain {
  /** The rustup toolchain name for `cargo +<name>`; null for whatever `cargo` runs by default. */
  name: string | null;
  rustc: string;
}

/**
 * The toolchain to build with: one whose rustc is at least MINIMUM_RUST (cargo accepts a nightly of
 * that version), a release before a pre-release, then the newest; null when none is new enough.
 */
export function chooseToolchain(toolchains: Toolchain[], minimum: readonly [number, number] = MINIMUM_RUST): Toolchain | null {
  const usable = toolchains
    .map((t) => ({ t, parsed: parseRustcVersion(t.rustc) }))
    .filter((x): x is { t: Toolchain; parsed: NonNullable<ReturnType<typeof parseRustcVersion>> } => x.parsed !== null)
    .filter(({ parsed: { version } }) => version[0] > minimum[0] || (version[0] === minimum[0] && version[1] >= minimum[1]));
  usable.sort((a, b) => Number(a.parsed.preRelease) - Number(b.parsed.preRelease) || b.parsed.version[0] - a.parsed.version[0] || b.parsed.version[1] - a.parsed.version[1] || b.parsed.version[2] - a.parsed.version[2]);
  return usable[0]?.t ?? null;
}

/** The cargo arguments of the build: only crates from the registry (the `graphiql` feature skips the build script's npm install of a web bundle). */
export function cargoInstallArgs(toolchain: string | null): string[] {
  return [
    ...(toolchain ? [`+${toolchain}`] : []),
    'install',
    'hive-router',
    '--version',
    HIVE_ROUTER_VERSION,
    '--locked',
    '--features',
    'graphiql',
    '--bin',
    'hive_router',
    '--root',
    ROOT,
    '--target-dir',
    TARGET_DIR,
  ];
}

function run(command: string, args: string[]): string | null {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return null;
  }
}

/** The toolchains on this machine: rustup's, else the one cargo runs. */
function installedToolchains(): Toolchain[] {
  const list = run('rustup', ['toolchain', 'list']);
  if (list === null) {
    const rustc = run('rustc', ['--version']);
    return rustc ? [{ name: null, rustc }] : [];
  }
  return list
    .split('\n')
    .map((line) => line.trim().split(/\s+/)[0])
    .filter(Boolean)
    .flatMap((name) => {
      const rustc = run('rustc', [`+${name}`, '--version']);
      return rustc ? [{ name, rustc }] : [];
    });
}

export type CompiledPeer = { binary: string } | { skipped: string };

/** Whether the options leave the compiled peer out (and why); null when the bench should build or use it. */
export function compiledPeerPlan(options: { skipPeer: boolean; skipCompiledPeer: boolean }): { skipped: string } | null {
  if (options.skipCompiledPeer) return { skipped: '--no-compiled-peer' };
  if (options.skipPeer) return { skipped: '--no-peer (leaves out both peers)' };
  return null;
}

/**
 * The router's binary, built on first use (about 30 minutes on this 2-core machine); or why the
 * bench goes without it. Never throws: a failed build is a note, not a failed benchmark.
 */
export async function ensureHiveRouter(log: (message: string) => void): Promise<CompiledPeer> {
  if (existsSync(HIVE_ROUTER_BINARY)) return { binary: HIVE_ROUTER_BINARY };
  if (run('cargo', ['--version']) === null) {
    return { skipped: 'cargo was not found: install Rust (rustup, a toolchain of 1.97 or newer) to include Hive Router, or pass --no-compiled-peer' };
  }
  const toolchains = installedToolchains();
  const toolchain = chooseToolchain(toolchains);
  if (!toolchain) {
    const found = toolchains.map((t) => parseRustcVersion(t.rustc)?.version.join('.')).filter(Boolean).join(', ') || 'none';
    return { skipped: `Hive Router ${HIVE_ROUTER_VERSION} needs rustc ${MINIMUM_RUST.join('.')} or newer (found: ${found}): rustup toolchain install ${MINIMUM_RUST.join('.')}, or pass --no-compiled-peer` };
  }
  log(
    `Building Hive Router ${HIVE_ROUTER_VERSION} (the compiled peer) with cargo${toolchain.name ? ` +${toolchain.name}` : ''} into ${ROOT}: first run only, ` +
      `about 30 minutes on this 2-core machine (an interrupted build goes on where it stopped). Pass --no-compiled-peer to leave it out.`,
  );
  mkdirSync(ROOT, { recursive: true });
  const started = Date.now();
  const bar = progress({ total: EXPECTED_CRATES, label: 'Compiling', unit: 'crates', log, everyPercent: 5 });
  const child = spawn('cargo', cargoInstallArgs(toolchain.name), { stdio: ['ignore', 'ignore', 'pipe'] });
  // The bench stopped (Ctrl-C, an error): so does cargo; the next run resumes from the target folder.
  const stopCargo = () => child.kill('SIGTERM');
  process.once('exit', stopCargo);
  const tail: string[] = [];
  let compiled = 0;
  for await (const line of createInterface({ input: child.stderr! })) {
    if (/^\s*Compiling /.test(line)) bar.update((compiled += 1));
    else {
      tail.push(line);
      if (tail.length > 40) tail.shift();
    }
  }
  const code: number = await new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('close', (c) => resolve(c ?? 1))));
  process.removeListener('exit', stopCargo);
  if (code !== 0 || !existsSync(HIVE_ROUTER_BINARY)) {
    log(`cargo install hive-router failed (exit ${code}):\n${tail.slice(-25).join('\n')}`);
    return { skipped: `the Hive Router build failed (cargo exit ${code}; its last lines are above)` };
  }
  bar.finish();
  // The intermediate build (about 2 GB) is needed only to resume an interrupted build.
  rmSync(TARGET_DIR, { recursive: true, force: true });
  log(`  built ${HIVE_ROUTER_BINARY}: ${compiled} crates in ${((Date.now() - started) / 60_000).toFixed(1)} minutes`);
  return { binary: HIVE_ROUTER_BINARY };
}

export interface RunningRouter {
  url: string;
  service: ServiceProcess;
  stop: () => Promise<void>;
}

export async function startHiveRouter(options: { binary: string; port: number; env: NodeJS.ProcessEnv; quiet: boolean }): Promise<RunningRouter> {
  const supergraphPath = writePeerSupergraph(options.port, options.env);
  const dir = join(BENCH_DIR, 'tmp');
  mkdirSync(dir, { recursive: true });
  const configPath = join(dir, `hive-router-${options.port}.json`);
  writeFileSync(configPath, `${JSON.stringify(hiveRouterConfig({ port: options.port, supergraphPath, subgraphs: subgraphServices.map((s) => s.name) }), null, 2)}\n`);
  const service = spawnProcess({
    name: 'peer (hive-router)',
    command: options.binary,
    args: [],
    // Its own environment: HOST, PORT and the like would override the configuration file.
    env: { PATH: options.env.PATH ?? process.env.PATH, ROUTER_CONFIG_FILE_PATH: configPath },
    healthUrl: `http://127.0.0.1:${options.port}/readiness`,
    quiet: options.quiet,
  });
  try {
    await waitHealthy(service, 60_000);
  } catch (error) {
    await stopProcess(service.child);
    throw error;
  }
  return { url: `http://127.0.0.1:${options.port}/graphql`, service, stop: () => stopProcess(service.child) };
}
