import type { ApolloServerPlugin } from '@apollo/server';
import { badUserInput } from '@shareforyou/kit';
import type { GatewayContext } from './context';

/**
 * The client's operation, resolved once. A request that names no operation it can run (several
 * operations and no `operationName`, a name the document does not hold, a subscription, which this
 * API does not offer) is the client's mistake: 400 with what to fix, never the 500 the gateway's
 * own resolution error would become. The name is kept on the request context, so the identity the
 * subgraphs receive (and the audit trail records) says what the user asked for, not only the
 * gateway's per-service fetch names (FullRecord__acute__5).
 */

const clientMistake = badUserInput;

export function clientOperation(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operationName, operation, request, document }) {
          if (!operation) {
            const named = request.operationName;
            const count = document.definitions.filter((d) => d.kind === 'OperationDefinition').length;
            throw clientMistake(
              named
                ? `This request holds no operation named "${named.slice(0, 100)}": send the name of one of its operations as operationName.`
                : count > 1
                  ? `This request holds ${count} operations: send the name of the one to run as operationName.`
                  : 'This request holds no operation to run.',
            );
          }
          if (operation.operation === 'subscription') throw clientMistake('This API offers no subscriptions: send a query (or a mutation) instead.');
          contextValue.operationName = (operationName ?? operation.name?.value ?? null)?.slice(0, 200) ?? null;
        },
      };
    },
  };
}
