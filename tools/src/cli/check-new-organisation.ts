import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { REPO_ROOT } from '../paths';
import { addThrowawayKind } from '../house/throwawayKind';
import { commandLine } from './commandLine';

/**
 * npm run check:new-organisation — proves that a new kind of organisation is one folder plus one
 * line: in a throwaway copy of the repository it adds a hospice kind exactly as the README says
 * (tools/src/house/throwawayKind.ts), composes the supergraph, and runs the stack with it
 * (tools/src/house/throwawayKindDriver.ts: served, fed, opened, audited). The repository itself is
 * not touched. About a minute.
 */

commandLine('Usage: npm run check:new-organisation\n  Proves in a throwaway copy that a new kind of organisation is one folder plus one line: adds one, composes, type-checks and runs its feed.');

function copyRepository(): string {
  const copy = mkdtempSync(join(tmpdir(), 'shareforyou-house-'));
  const tracked = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO_ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const path of tracked) {
    if (!existsSync(join(REPO_ROOT, path))) continue;
    mkdirSync(dirname(join(copy, path)), { recursive: true });
    cpSync(join(REPO_ROOT, path), join(copy, path));
  }
  // Installed packages are shared; the workspace links point into the copy (what npm install does).
  const modules = join(copy, 'node_modules');
  mkdirSync(join(modules, '@shareforyou'), { recursive: true });
  for (const entry of readdirSync(join(REPO_ROOT, 'node_modules'))) {
    if (entry !== '@shareforyou' && entry !== '.bin') symlinkSync(join(REPO_ROOT, 'node_modules', entry), join(modules, entry));
  }
  const workspaces: Array<[string, string]> = [['schema', 'schema'], ['kit', 'subgraphs/kit'], ['gateway', 'gateway'], ['tools', 'tools'], ['test', 'test']];
  for (const name of readdirSync(join(copy, 'subgraphs'))) if (name !== 'kit') workspaces.push([`subgraph-${name}`, `subgraphs/${name}`]);
  const linkAll = () => {
    for (const name of readdirSync(join(copy, 'subgraphs'))) if (name !== 'kit' && !workspaces.some(([, p]) => p === `subgraphs/${name}`)) workspaces.push([`subgraph-${name}`, `subgraphs/${name}`]);
    for (const [name, path] of workspaces) {
      const link = join(modules, '@shareforyou', name);
      if (!existsSync(link)) symlinkSync(relative(dirname(link), join(copy, path)), link);
    }
  };
  linkAll();
  // The local database engine build is shared too.
  mkdirSync(join(copy, '.local'), { recursive: true });
  if (existsSync(join(REPO_ROOT, '.local', 'ferretdb'))) symlinkSync(join(REPO_ROOT, '.local', 'ferretdb'), join(copy, '.local', 'ferretdb'));
  (copyRepository as { link?: () => void }).link = linkAll;
  return copy;
}

function run(copy: string, script: string): void {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: copy, stdio: 'inherit', env: { ...process.env, SHAREFORYOU_PORT_BASE: undefined } });
  if (result.status !== 0) throw new Error(`${script} failed in ${copy}`);
}

let copy: string | undefined;
try {
  console.log('Checking that a new kind of organisation is one folder plus one line...');
  copy = copyRepository();
  console.log(`  - copied the repository to ${copy}`);
  addThrowawayKind(copy);
  (copyRepository as { link?: () => void }).link?.();
  console.log('  - added a hospice kind: subgraphs/hospice/, schema/hospice.graphql, policy rows, a kinds row, a service line');
  run(copy, 'tools/src/cli/compose.ts');
  run(copy, 'tools/src/house/throwawayKindDriver.ts');
  console.log('New organisation kind: composed, served, fed, opened and audited. OK');
  rmSync(copy, { recursive: true, force: true });
} catch (error) {
  console.error(`${(error as Error).message}\nThe copy is kept for a look: ${copy ?? '(none)'}`);
  process.exit(1);
}
