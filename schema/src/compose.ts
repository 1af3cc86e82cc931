import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { parse, type GraphQLSchema } from 'graphql';
import { loadSubgraphSdl, loadSupergraphSdl } from './sdl';
import { DEFAULT_PORT_BASE, subgraphServices } from './services';

/**
 * Composes the subgraph SDLs into the supergraph the gateway serves. The URLs written into it are
 * the local defaults; the gateway resolves real URLs from the service list at start.
 */
export function composeSupergraph(): string {
  const result = composeServices(
    subgraphServices.map((service) => ({
      name: service.name,
      typeDefs: parse(loadSubgraphSdl(service.name)),
      url: `http://127.0.0.1:${DEFAULT_PORT_BASE + service.offset}/graphql`,
    })),
  );
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl;
}

/** The public API of the committed supergraph (what clients can query), as a graphql-js schema. */
export function supergraphApiSchema(): GraphQLSchema {
  return Supergraph.build(loadSupergraphSdl()).apiSchema().toGraphQLJSSchema();
}
