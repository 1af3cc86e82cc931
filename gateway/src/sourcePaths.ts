import type { ApolloServerPlugin } from '@apollo/server';
import {
  buildASTSchema,
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  parse,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { ErrorCode } from '@shareforyou/kit';

/**
 * Which response paths a source's absence cost. A SOURCE_UNAVAILABLE error names the source; this
 * adds the operation's top-most fields that only that source provides (by the supergraph's
 * join__field/join__type ownership), e.g. [["patient", "communityEpisodes"]], so a panel can say
 * "not available from <organisation>" instead of showing an empty list.
 */

type Owners = Map<string, string | undefined>;

/** Type.field -> the one subgraph that resolves it (undefined when several can). */
function fieldOwners(supergraph: DocumentNode): Owners {
  const graphNames = new Map<string, string>();
  const owners: Owners = new Map();
  const graphsOf = (directives: readonly { name: { value: string }; arguments?: readonly { name: { value: string }; value: { kind: string; value?: string } }[] }[] | undefined, directive: string) =>
    (directives ?? []).filter((d) => d.name.value === directive).map((d) => d.arguments?.find((a) => a.name.value === 'graph')?.value.value).filter((g): g is string => !!g);
  for (const definition of supergraph.definitions) {
    if (definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === 'join__Graph') {
      for (const value of definition.values ?? []) {
        const name = value.directives?.find((d) => d.name.value === 'join__graph')?.arguments?.find((a) => a.name.value === 'name')?.value;
        if (name?.kind === Kind.STRING) graphNames.set(value.name.value, name.value);
      }
    }
  }
  for (const definition of supergraph.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    const typeGraphs = graphsOf(definition.directives as never, 'join__type');
    for (const field of definition.fields ?? []) {
      const fieldGraphs = graphsOf(field.directives as never, 'join__field');
      const graphs = new Set(fieldGraphs.length ? fieldGraphs : typeGraphs);
      owners.set(`${definition.name.value}.${field.name.value}`, graphs.size === 1 ? graphNames.get([...graphs][0]) : undefined);
    }
  }
  return owners;
}

export function sourcePathFinder(supergraphSdl: string) {
  const document = parse(supergraphSdl);
  const schema: GraphQLSchema = buildASTSchema(document, { assumeValidSDL: true });
  const owners = fieldOwners(document);

  /** Response paths, per source, of the operation's top-most fields owned by that source alone. */
  return function pathsBySource(operation: DocumentNode): Map<string, Array<Array<string>>> {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of operation.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    const found = new Map<string, string[][]>();
    const walk = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, path: string[], outerOwner: string | undefined, seen: Set<string>) => {
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          if (!isObjectType(parent) && !isInterfaceType(parent)) continue;
          const field = parent.getFields()[selection.name.value];
          if (!field) continue;
          const key = selection.alias?.value ?? selection.name.value;
          const owner = owners.get(`${parent.name}.${field.name}`);
          if (owner && owner !== outerOwner) found.set(owner, [...(found.get(owner) ?? []), [...path, key]]);
          const type = getNamedType(field.type);
          if (selection.selectionSet && (isObjectType(type) || isInterfaceType(type))) walk(selection.selectionSet, type, [...path, key], owner ?? outerOwner, seen);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
          if (type && (isObjectType(type) || isInterfaceType(type))) walk(selection.selectionSet, type, path, outerOwner, seen);
        } else {
          const fragment = fragments.get(selection.name.value);
          if (!fragment || seen.has(fragment.name.value)) continue;
          const type = schema.getType(fragment.typeCondition.name.value);
          if (type && (isObjectType(type) || isInterfaceType(type))) walk(fragment.selectionSet, type, path, outerOwner, new Set([...seen, fragment.name.value]));
        }
      }
    };
    for (const d of operation.definitions) {
      if (d.kind !== Kind.OPERATION_DEFINITION) continue;
      const root = d.operation === 'query' ? schema.getQueryType() : d.operation === 'mutation' ? schema.getMutationType() : undefined;
      if (root) walk(d.selectionSet, root, [], undefined, new Set());
    }
    return found;
  };
}

/** Adds `extensions.paths` to every SOURCE_UNAVAILABLE error of a response. */
export function sourcePathsPlugin(supergraphSdl: string): ApolloServerPlugin {
  const pathsBySource = sourcePathFinder(supergraphSdl);
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, document }) {
          if (response.body.kind !== 'single' || !document) return;
          const errors = response.body.singleResult.errors;
          if (!errors?.some((e) => e.extensions?.code === ErrorCode.SOURCE_UNAVAILABLE)) return;
          const paths = pathsBySource(document);
          response.body.singleResult.errors = errors.map((error) => {
            const source = error.extensions?.serviceName;
            // The source's call names the paths it cost where it knows them (gateway: sourceErrors.ts).
            if (error.extensions?.code !== ErrorCode.SOURCE_UNAVAILABLE || typeof source !== 'string' || error.extensions.paths !== undefined) return error;
            return { ...error, extensions: { ...error.extensions, paths: paths.get(source) ?? [] } };
          });
        },
      };
    },
  };
}
