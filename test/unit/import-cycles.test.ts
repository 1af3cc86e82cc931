import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * No import circles in the services and tools (issue #18.9): a module that imports itself through
 * others cannot be read, moved or tested alone. Type-only imports count too (a reader still has to
 * follow them). Relative imports and @shareforyou/<package> imports are followed.
 */

const ROOT = resolve(__dirname, '..', '..');
const SCANNED = ['schema/src', 'gateway/src', 'subgraphs', 'tools/src'];
const PACKAGES: Record<string, string> = { kit: 'subgraphs/kit', schema: 'schema', gateway: 'gateway', tools: 'tools' };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'generated') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveModule(from: string, specifier: string): string | null {
  let base: string | null = null;
  if (specifier.startsWith('.')) base = resolve(dirname(from), specifier);
  const pkg = /^@shareforyou\/([a-z-]+)(\/.*)?$/.exec(specifier);
  if (pkg) {
    const folder = PACKAGES[pkg[1]] ?? (pkg[1].startsWith('subgraph-') ? `subgraphs/${pkg[1].slice('subgraph-'.length)}` : null);
    if (folder) base = join(ROOT, folder, pkg[2] ? pkg[2].slice(1) : 'src/index');
  }
  if (!base) return null;
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) if (existsSync(candidate)) return candidate;
  return null;
}

function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of SCANNED.flatMap((dir) => sourceFiles(join(ROOT, dir)))) {
    const text = readFileSync(file, 'utf8');
    const specifiers = [...text.matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]);
    graph.set(file, specifiers.map((s) => resolveModule(file, s)).filter((f): f is string => f !== null));
  }
  return graph;
}

function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') found.push(stack.slice(stack.indexOf(next)).concat(next).map((f) => relative(ROOT, f)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return found;
}

it('the services and tools have no import circles', () => {
  const graph = importGraph();
  expect(graph.size).toBeGreaterThan(150);
  expect(cycles(graph)).toEqual([]);
});

it('finds a circle when there is one (the detector itself)', () => {
  const graph = new Map([
    ['a', ['b']],
    ['b', ['c']],
    ['c', ['a']],
    ['d', ['a']],
  ]);
  expect(cycles(graph).map((c) => c.map((f) => f.replace(/.*\//, '')))).toEqual([['a', 'b', 'c', 'a']]);
});
