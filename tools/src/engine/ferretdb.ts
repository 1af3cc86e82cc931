import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, chmodSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { FERRETDB_DIR } from '../paths';

/**
 * The local database engine: FerretDB 1.24 (MongoDB wire protocol on SQLite), built once from its Go
 * module into .local/ferretdb and reused. MONGODB_URI makes all of this unnecessary.
 */

export const FERRETDB_VERSION = 'v1.24.2';
const MODULE = 'github.com/FerretDB/FerretDB';
const BINARY = join(FERRETDB_DIR, 'bin', `ferretdb-${FERRETDB_VERSION}`);

function goAvailable(): boolean {
  try {
    execFileSync('go', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Builds the engine if it is not there yet; returns the binary's path. */
export function ensureFerretDb(log: (message: string) => void = console.log): string {
  if (existsSync(BINARY)) return BINARY;
  if (!goAvailable()) {
    throw new Error(
      'The local database engine (FerretDB) is built from source with Go, and Go was not found. Install Go 1.22 or newer ' +
        '(Debian: apt-get install golang-go), or set MONGODB_URI=mongodb://host:27017 to use a MongoDB you already run.',
    );
  }
  log(`Building the local database engine, FerretDB ${FERRETDB_VERSION}, from its Go module (first run only, about a minute)...`);
  log('  1/3 downloading the module');
  const info = JSON.parse(execFileSync('go', ['mod', 'download', '-json', `${MODULE}@${FERRETDB_VERSION}`], { encoding: 'utf8' })) as { Dir?: string; Error?: string };
  if (!info.Dir) throw new Error(`go mod download failed: ${info.Error ?? 'no module directory'}`);
  // The module cache is read-only, and the build needs its version file: build from a copy.
  const source = join(FERRETDB_DIR, 'src');
  rmSync(source, { recursive: true, force: true });
  mkdirSync(FERRETDB_DIR, { recursive: true });
  cpSync(info.Dir, source, { recursive: true });
  execFileSync('chmod', ['-R', 'u+w', source]);
  writeFileSync(join(source, 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`);
  log('  2/3 compiling (cmd/ferretdb)');
  execFileSync('go', ['build', '-o', BINARY, './cmd/ferretdb'], { cwd: source, stdio: ['ignore', 'ignore', 'inherit'] });
  chmodSync(BINARY, 0o755);
  rmSync(source, { recursive: true, force: true });
  log('  3/3 built ' + BINARY);
  return BINARY;
}

export function waitForPort(port: number, host = '127.0.0.1', timeoutMs = 30_000): Promise<void> {
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

/** Starts FerretDB on loopback with its SQLite files in dataDir. */
export async function startFerretDb(options: { port: number; dataDir: string; log?: (m: string) => void }): Promise<RunningEngine> {
  const binary = ensureFerretDb(options.log);
  const sqliteDir = join(options.dataDir, 'ferretdb');
  mkdirSync(sqliteDir, { recursive: true });
  const child = spawn(
    binary,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${sqliteDir}/`,
      `--listen-addr=127.0.0.1:${options.port}`,
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=error',
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
    uri: `mongodb://127.0.0.1:${options.port}`,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
