import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createHash } from 'node:crypto';
import { cpSync, chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { databaseListenArgs, tlsDatabaseUri } from '@shareforyou/kit';
import { progress } from '../cli/progress';
import { FERRETDB_DIR } from '../paths';

/**
 * The local database engine: FerretDB 1.24 (MongoDB wire protocol on SQLite), built once from its Go
 * module into .local/ferretdb and reused. MONGODB_URI makes all of this unnecessary.
 *
 * The patches in ferretdb-patches/ are applied to the module's source before building; each says
 * why. The binary's name carries a digest of them, so changing a patch rebuilds the engine.
 */

const FERRETDB_VERSION = 'v1.24.2';
const MODULE = 'github.com/FerretDB/FerretDB';
const PATCH_DIR = join(__dirname, 'ferretdb-patches');
const PATCHES = readdirSync(PATCH_DIR).filter((name) => name.endsWith('.patch')).sort();
const PATCH_DIGEST = createHash('sha256')
  .update(PATCHES.map((name) => name + '\0' + readFileSync(join(PATCH_DIR, name), 'utf8')).join('\0'))
  .digest('hex')
  .slice(0, 8);
const BINARY = join(FERRETDB_DIR, 'bin', `ferretdb-${FERRETDB_VERSION}-${PATCH_DIGEST}`);

/** Applies our patches to a copy of the module; git apply refuses a patch that does not fit. */
function applyPatches(source: string): void {
  for (const name of PATCHES) {
    // The copy lives inside this repository's working tree: stop git from finding it, or git apply
    // would resolve the patch's paths against the repository root.
    execFileSync('git', ['apply', '--whitespace=nowarn', join(PATCH_DIR, name)], {
      cwd: source,
      env: { ...process.env, GIT_CEILING_DIRECTORIES: FERRETDB_DIR },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
}

/**
 * Runs go with its chatter kept ("go: downloading ..." for each of some forty modules): shown only
 * when it fails, with what failed.
 */
function quietGo(args: string[], cwd?: string): string {
  try {
    return execFileSync('go', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    throw new Error(`go ${args.join(' ')} failed:\n${(stderr ?? '').trim().split('\n').slice(-30).join('\n')}`);
  }
}

function goAvailable(): boolean {
  try {
    execFileSync('go', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Compiles with a bar that measures something: go lists the packages the build must compile (those
 * not already in its build cache: `Stale`), and `go build -v` names each as it compiles it.
 */
async function compileWithProgress(source: string, log: (message: string) => void): Promise<void> {
  const toCompile = new Set(quietGo(['list', '-deps', '-f', '{{if .Stale}}{{.ImportPath}}{{end}}', './cmd/ferretdb'], source).split('\n').filter(Boolean));
  const bar = progress({ total: toCompile.size, label: 'Compiling', unit: 'Go packages', log });
  const child = spawn('go', ['build', '-v', '-o', BINARY, './cmd/ferretdb'], { cwd: source, stdio: ['ignore', 'ignore', 'pipe'] });
  const tail: string[] = [];
  let compiled = 0;
  for await (const line of createInterface({ input: child.stderr! })) {
    if (toCompile.has(line.trim())) bar.update((compiled += 1));
    else tail.push(line);
  }
  const code: number = await new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('close', (c) => resolve(c ?? 1))));
  if (code !== 0) throw new Error(`go build ./cmd/ferretdb failed:\n${tail.slice(-30).join('\n')}`);
  bar.finish();
}

/** Builds the engine if it is not there yet; returns the binary's path. */
export async function ensureFerretDb(log: (message: string) => void = console.log): Promise<string> {
  if (existsSync(BINARY)) return BINARY;
  if (!goAvailable()) {
    throw new Error(
      'The local database engine (FerretDB) is built from source with Go, and Go was not found. Install Go 1.22 or newer ' +
        '(Debian: apt-get install golang-go), or set MONGODB_URI=mongodb://host:27017 to use a MongoDB you already run.',
    );
  }
  log(`Building the local database engine, FerretDB ${FERRETDB_VERSION}, from its Go module (first run only: one to four minutes on two cores)...`);
  log('  1/4 downloading the module');
  const info = JSON.parse(quietGo(['mod', 'download', '-json', `${MODULE}@${FERRETDB_VERSION}`])) as { Dir?: string; Error?: string };
  if (!info.Dir) throw new Error(`go mod download failed: ${info.Error ?? 'no module directory'}`);
  // The module cache is read-only, and the build needs its version file: build from a copy.
  const source = join(FERRETDB_DIR, 'src');
  rmSync(source, { recursive: true, force: true });
  mkdirSync(FERRETDB_DIR, { recursive: true });
  cpSync(info.Dir, source, { recursive: true });
  execFileSync('chmod', ['-R', 'u+w', source]);
  writeFileSync(join(source, 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`);
  log(`  2/4 applying ${PATCHES.length} patch(es): ${PATCHES.join(', ')}`);
  applyPatches(source);
  log('  3/4 compiling cmd/ferretdb (the first time, its dependencies are fetched before the bar starts)');
  await compileWithProgress(source, log);
  chmodSync(BINARY, 0o755);
  rmSync(source, { recursive: true, force: true });
  for (const old of readdirSync(join(FERRETDB_DIR, 'bin'))) {
    if (join(FERRETDB_DIR, 'bin', old) !== BINARY) rmSync(join(FERRETDB_DIR, 'bin', old), { force: true });
  }
  log('  4/4 built ' + BINARY);
  return BINARY;
}

function waitForPort(port: number, host = '127.0.0.1', timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = createConnection({ port, host }, () => {
        socket.end();
        resolve();
      });
      socket.on('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`nothing answered on ${host}:${port} within ${timeoutMs / 1000}s`));
        else setTimeout(attempt, 150);
      });
    };
    attempt();
  });
}

export interface RunningEngine {
  uri: string;
  process: ChildProcess;
  stop: () => Promise<void>;
}

/**
 * Starts FerretDB on loopback with its SQLite files in dataDir. With tlsDir (production mode) it
 * listens on TLS only and wants a client certificate our CA signed; its uri then says TLS and names
 * the operator's certificate.
 */
export async function startFerretDb(options: { port: number; dataDir: string; log?: (m: string) => void; tlsDir?: string }): Promise<RunningEngine> {
  const binary = await ensureFerretDb(options.log);
  const sqliteDir = join(options.dataDir, 'ferretdb');
  mkdirSync(sqliteDir, { recursive: true });
  const child = spawn(
    binary,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${sqliteDir}/`,
      ...(options.tlsDir ? databaseListenArgs('127.0.0.1', options.port, options.tlsDir) : [`--listen-addr=127.0.0.1:${options.port}`]),
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=error',
      // Dotted fields ("user.id") reach the backend, whose patched pushdown serves them (patch 0005).
      '--test-enable-nested-pushdown',
      `--state-dir=${options.dataDir}`,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr = (stderr + String(chunk)).slice(-4000)));
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`FerretDB exited (${code}) on start: ${stderr.trim() || 'no output'}. Is port ${options.port} already in use?`))),
  );
  await Promise.race([waitForPort(options.port), exited]);
  return {
    uri: options.tlsDir ? tlsDatabaseUri('127.0.0.1', options.port, options.tlsDir) : `mongodb://127.0.0.1:${options.port}`,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
