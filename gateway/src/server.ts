import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { accessError, controlIsOn, decideAccess, signGatewayIdentity } from '@shareforyou/kit';
import { gatewayPort, loadSupergraphSdl } from '@shareforyou/schema';
import { addBrowserAccess, browserPlugins } from './browserAccess';
import type { GatewayContext } from './context';
import { requireActiveParty } from './organisationStatus';
import { requestLimits } from './requestLimits';
import { requestLog } from './requestLog';
import { formatGatewayError } from './sourceErrors';
import { buildSubgraphCall } from './subgraphCalls';
import { authenticateUser } from './userToken';

export interface RunningGateway {
  url: string;
  stop: () => Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

function log(message: string): void {
  // Operational lines only: request id, operation, outcome. Never patient data.
  process.stdout.write(`[gateway] ${message}\n`);
}

export async function startGateway(): Promise<RunningGateway> {
  const supergraphSdl = loadSupergraphSdl();
  const gateway = new ApolloGateway({ supergraphSdl, buildService: buildSubgraphCall });
  const limits = controlIsOn('requestLimits') ? requestLimits() : { plugins: [], validationRules: [] };
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    plugins: [...browserPlugins(supergraphSdl), ...limits.plugins, ...(process.env.GATEWAY_REQUEST_LOG === 'off' ? [] : [requestLog(log)])],
    validationRules: [...limits.validationRules],
    formatError: (formatted) => formatGatewayError(formatted),
    introspection: process.env.NODE_ENV !== 'production',
    includeStacktraceInErrorResponses: false,
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  addBrowserAccess(app);
  app.get('/health', (_req, res) => {
    res.json({ gateway: 'ok' });
  });
  app.use(
    '/graphql',
    express.json({ limit: '256kb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const incoming = req.header('x-request-id');
        const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
        const user = await authenticateUser(req.header('authorization'));
        const decision = decideAccess({ action: 'useRecord', actor: user });
        if (!decision.allowed) throw accessError(decision, { jobRole: user.jobRole, http: { status: 403 } });
        if (controlIsOn('partyCheck')) await requireActiveParty(user);
        let token: string | undefined;
        return { requestId, user, identityToken: () => (token ??= signGatewayIdentity({ ...user, requestId })) };
      },
    }),
  );

  const port = gatewayPort();
  const host = process.env.HOST ?? '127.0.0.1';
  const server: Server = createServer(app);
  // Longer than any client's or load balancer's idle timeout, so a reused connection is never
  // closed under a request that is already on its way.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/graphql`;
  log(`listening on ${url}`);
  return {
    url,
    stop: async () => {
      await apollo.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
