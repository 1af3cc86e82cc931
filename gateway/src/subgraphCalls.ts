import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { IDENTITY_HEADER, REQUEST_ID_HEADER } from '@shareforyou/kit';
import { subgraphUrl } from '@shareforyou/schema';
import type { GatewayContext } from './context';

/**
 * Every call to a subgraph carries the request id and a short-lived identity the gateway signs for
 * this user and this request. Subgraph URLs come from the service list (SHAREFORYOU_PORT_BASE or
 * SUBGRAPH_URL_<NAME>), not from the composed file, so one supergraph serves every environment.
 */
class IdentifiedSubgraph extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (!context?.user) return;
    request.http?.headers.set(IDENTITY_HEADER, context.identityToken());
    request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
  }
}

export function buildSubgraphCall({ name }: { name: string; url?: string }) {
  return new IdentifiedSubgraph({ url: subgraphUrl(name) });
}


