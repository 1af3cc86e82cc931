import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { careRecordError, ErrorCode, IDENTITY_HEADER, REQUEST_ID_HEADER } from '@shareforyou/kit';
import { subgraphUrl } from '@shareforyou/schema';
import type { GatewayContext } from './context';

/**
 * Every call to a subgraph carries the request id and a short-lived identity the gateway signs for
 * this user and this request. Subgraph URLs come from the service list (SHAREFORYOU_PORT_BASE or
 * SUBGRAPH_URL_<NAME>), not from the composed file, so one supergraph serves every environment.
 */
class IdentifiedSubgraph extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(private readonly serviceName: string) {
    super({ url: subgraphUrl(serviceName) });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (!context?.user) return;
    request.http?.headers.set(IDENTITY_HEADER, context.identityToken(context.operationName));
    request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
  }

  /** A source that did not answer costs only its own fields; its internal address never reaches the client. */
  override didEncounterError(): never {
    throw careRecordError(ErrorCode.SOURCE_UNAVAILABLE, `The ${this.serviceName} source did not answer; its part of the record is missing from this response.`, {
      serviceName: this.serviceName,
    });
  }
}

export function buildSubgraphCall({ name }: { name: string; url?: string }) {
  return new IdentifiedSubgraph(name);
}
