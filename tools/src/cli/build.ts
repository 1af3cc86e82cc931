import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT } from '../paths';
import { commandLine } from './commandLine';

/**
 * npm run build: the services as plain JavaScript in dist/, for the production image (no
 * TypeScript compiler at run time). dist/ mirrors the repository (dist/gateway/src/main.js,
 * dist/subgraphs/<name>/src/main.js), carries the schema files the services read, and links the
 * workspace packages (@shareforyou/*) to their compiled code in dist/node_modules; other packages
 * come from the repository's node_modules as usual. Run with: node dist/gateway/src/main.js.
 */

commandLine('Usage: npm run build\n  Compiles every service to plain JavaScript in dist/ (the production image runs it).');

const DIST = join(REPO_ROOT, 'dist');
const WORKSPACES = ['schema', 'gateway', ...readdirSync(join(REPO_ROOT, 'subgraphs')).map((name) => join('subgraphs', name))];

function step(n: number, message: string): void {
  process.stdout.write(`  ${n}/4 ${message}\n`);
}

rmSync(DIST, { recursive: true, force: true });
step(1, 'compiling TypeScript (tsc -p tsconfig.build.json)');
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(REPO_ROOT, 'tsconfig.build.json')], { stdio: 'inherit', cwd: REPO_ROOT });

step(2, 'copying the schema files the services read (SDL, supergraph, policy)');
for (const file of readdirSync(join(REPO_ROOT, 'schema'))) {
  if (file.endsWith('.graphql') || file.endsWith('.yaml')) cpSync(join(REPO_ROOT, 'schema', file), join(DIST, 'schema', file));
}

step(3, 'linking the workspace packages to their compiled code');
for (const workspace of WORKSPACES) {
  const manifestPath = join(REPO_ROOT, workspace, 'package.json');
  if (!existsSync(manifestPath) || !existsSync(join(DIST, workspace))) continue;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { name: string; main?: string };
  writeFileSync(join(DIST, workspace, 'package.json'), JSON.stringify({ ...manifest, main: manifest.main?.replace(/\.ts$/, '.js') }, null, 2));
  const link = join(DIST, 'node_modules', manifest.name);
  mkdirSync(join(link, '..'), { recursive: true });
  symlinkSync(relative(join(link, '..'), join(DIST, workspace)), link, 'dir');
}

step(4, `done: ${relative(process.cwd(), DIST) || 'dist'}/ (start a service with: node dist/gateway/src/main.js, or node dist/subgraphs/<name>/src/main.js)`);
