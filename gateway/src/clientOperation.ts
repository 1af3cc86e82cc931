import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from './context';

/**
 * Keeps the client's operation name on the request context once the operation is resolved, so the
 * identity the subgraphs receive (and the audit trail records) says what the user asked for, not
 * only the gateway's per-service fetch names (FullRecord__acute__5).
 */
export function clientOperation(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operationName, operation }) {
          contextValue.operationName = (operationName ?? operation?.name?.value ?? null)?.slice(0, 200) ?? null;
        },
      };
    },
  };
}
