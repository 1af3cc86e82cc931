import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getNamedType, isObjectType, buildASTSchema, parse, type GraphQLObjectType } from 'graphql';

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
  return expandWholeTypes([own, ...shared].join('\n'));
}

const WHOLE_TYPE = /\{ \.\.\.([A-Z][A-Za-z0-9]*) \}/g;

/**
 * `{ ...Allergy }` in a @requires field set stands for every field of Allergy, nested types
 * included (the combined record takes each source's items whole): expanded here, so a field added
 * to a catalogue type reaches the combined record without editing its SDL.
 */
export function expandWholeTypes(sdl: string): string {
  if (sdl.search(WHOLE_TYPE) < 0) return sdl;
  const definitions = parse(sdl.replace(WHOLE_TYPE, '{ __typename }'));
  // Types only: the federation directives are the composer's to check.
  const typesOnly = { ...definitions, definitions: definitions.definitions.filter((d) => d.kind === 'ObjectTypeDefinition' || d.kind === 'EnumTypeDefinition' || d.kind === 'ScalarTypeDefinition') };
  const schema = buildASTSchema({ ...typesOnly, definitions: [...typesOnly.definitions, ...parse('type Query { _unused: String }').definitions] }, { assumeValidSDL: true });
  const selection = (type: GraphQLObjectType, depth: number): string => {
    if (depth > 6) throw new Error(`${type.name} nests too deeply to expand in @requires`);
    return Object.values(type.getFields())
      .filter((field) => field.args.length === 0)
      .map((field) => {
        const named = getNamedType(field.type);
        return isObjectType(named) ? `${field.name} { ${selection(named, depth + 1)} }` : field.name;
      })
      .join(' ');
  };
  return sdl.replace(WHOLE_TYPE, (_, name: string) => {
    const type = schema.getType(name);
    if (!isObjectType(type)) throw new Error(`{ ...${name} } in @requires: ${name} is not an object type of this subgraph`);
    return `{ ${selection(type, 0)} }`;
  });
}

export function loadSupergraphSdl(): string {
  return readFileSync(SUPERGRAPH_PATH, 'utf8');
}
