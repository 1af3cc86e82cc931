import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SCHEMA_DIR = join(__dirname, '..');
export const SUPERGRAPH_PATH = join(SCHEMA_DIR, 'supergraph.graphql');
export const POLICY_PATH = join(SCHEMA_DIR, 'policy.yaml');

/**
 * Subgraphs that define their own types only (the audit); every other one gets the shared types
 * after its own: common.graphql, then the clinical catalogue (catalogue.graphql).
 */
const WITHOUT_COMMON_TYPES = new Set(['audit']);
const SHARED_SDL = ['common.graphql', 'catalogue.graphql'];

/** The full SDL of one subgraph, as it is composed and served. */
export function loadSubgraphSdl(name: string): string {
  const own = readFileSync(join(SCHEMA_DIR, `${name}.graphql`), 'utf8');
  if (WITHOUT_COMMON_TYPES.has(name)) return own;
  const shared = SHARED_SDL.map((file) => readFileSync(join(SCHEMA_DIR, file), 'utf8'));
  return [own, ...shared].join('\n');
}

export function loadSupergraphSdl(): string {
  return readFileSync(SUPERGRAPH_PATH, 'utf8');
}
