import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fetchAs, httpScheme, OPERATOR } from '@shareforyou/kit';
import { subgraphServices } from '@shareforyou/schema';
import { REPO_ROOT } from '../paths';
import { terminalLines } from './terminalLogs';

/** Starts the subgraph and gateway processes, each on its own port, and waits until they are healthy. */

export interface ServiceProcess {
  name: string;
  healthUrl: string;
  child: ChildProcess;
  output: string[];
  /** fetch for its health check: in production mode over TLS with the operator's certificate. */
  fetch: typeof fetch;
}

export function spawnService(name: string, entry: string[], env: NodeJS.ProcessEnv, port: number, quiet: boolean): ServiceProcess {
  // The entry by its absolute path: ps names the checkout each service runs from (two checkouts' stacks told apart).
  const [script, ...rest] = entry;
  return spawnNodeProcess({ name, args: ['--import', 'tsx', resolve(REPO_ROOT, script), ...rest], env, healthUrl: `${httpScheme(env)}://127.0.0.1:${port}/health`, quiet });
}

// Whatever this process started dies with it, however it ends: a service left behind holds its
// ports and keeps a test runner from exiting.
const started = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of started) if (child.exitCode === null && !child.signalCode) child.kill('SIGKILL');
});

/** Starts a Node process from the repository root, keeping its last output for error messages. */
export function spawnNodeProcess(options: { name: string; args: string[]; env: NodeJS.ProcessEnv; healthUrl: string; quiet: boolean }): ServiceProcess {
  return spawnProcess({ ...options, command: process.execPath });
}

/** Starts any program (the benchmark's compiled peer) from the repository root, as spawnNodeProcess does. */
export function spawnProcess(options: { name: string; command: string; args: string[]; env: NodeJS.ProcessEnv; healthUrl: string; quiet: boolean }): ServiceProcess {
  const { name, env, healthUrl, quiet } = options;
  const output: string[] = [];
  const child = spawn(options.command, options.args, {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.add(child);
  child.once('exit', () => started.delete(child));
  // One line joiner per stream: stdout's and stderr's partial lines never mix.
  const keeper = () => {
    const show = quiet ? undefined : terminalLines((text) => process.stdout.write(text));
    return (chunk: Buffer) => {
      const text = String(chunk);
      output.push(text);
      if (output.length > 200) output.shift();
      show?.(text);
    };
  };
  child.stdout?.on('data', keeper());
  child.stderr?.on('data', keeper());
  return { name, child, output, healthUrl, fetch: fetchAs({ service: OPERATOR }, env) };
}

// Generous: on a shared two-core machine eight services compiling TypeScript at once take a while
// (SHAREFORYOU_START_TIMEOUT_SECONDS, default 180).
export async function waitHealthy(service: ServiceProcess, timeoutMs = Number(process.env.SHAREFORYOU_START_TIMEOUT_SECONDS ?? 180) * 1000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null) {
      throw new Error(`${service.name} exited during start:\n${service.output.join('').slice(-2000)}`);
    }
    try {
      const response = await service.fetch(service.healthUrl, { signal: AbortSignal.timeout(1_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${service.name} was not healthy within ${timeoutMs / 1000}s:\n${service.output.join('').slice(-2000)}`);
}

/** Every subgraph runs from the kit's one entry point, named on its command line. */
export function subgraphEntry(name: string): string[] {
  return [join('subgraphs', 'kit', 'src', 'main.ts'), name];
}

export const GATEWAY_ENTRY = [join('gateway', 'src', 'main.ts')];

export function subgraphEntries(): Array<{ name: string; entry: string[]; offset: number }> {
  return subgraphServices.map((s) => ({ name: s.name, entry: subgraphEntry(s.name), offset: s.offset }));
}

export function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
