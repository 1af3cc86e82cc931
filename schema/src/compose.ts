import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { loadSubgraphSdl } from './sdl';
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
