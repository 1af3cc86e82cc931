import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from 'pino';
import type { GatewayContext } from './context';

/**
 * One line per request for the engineer on call: request id, operation, organisation, outcome
 * codes, duration. Never variables or results: those may hold patient data, which lives only in
 * the audit store.
 */
export function requestLog(log: Logger): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ response, operationName, errors }) {
          const body = response.body.kind === 'single' ? response.body.singleResult : null;
          const codes = [...new Set((errors ?? body?.errors ?? []).map((e) => String(e.extensions?.code ?? 'ERROR')))];
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          log.info({ requestId: contextValue?.requestId, operation: operationName ?? 'anonymous', org: contextValue?.user?.odsCode, outcome: codes.length ? codes : 'ok', ms: Number(ms.toFixed(1)) }, 'request');
        },
      };
    },
  };
}
