import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { closeServer, controlIsOn, metricsRegistry, mountHealth, mountJsonErrors, serviceLogger, shutdownGraceMs } from '@shareforyou/kit';
import { gatewayPort, loadSupergraphSdl } from '@shareforyou/schema';
import { addBrowserAccess, browserPlugins } from './browserAccess';
import type { GatewayContext } from './context';
import { requestLimits } from './requestLimits';
import { requestLog } from './requestLog';
import { requestDeadlineMs } from './sourceDeadlines';
import { errorReport, formatGatewayError } from './sourceErrors';
import { buildSubgraphCall } from './subgraphCalls';
import { FailedSignIns, failedSignInsPerMinute } from './failedSignIns';
import { requestContext } from './requestContext';
import { mountFhirApi } from './fhir/fhirApi';
import { clientOperation } from './clientOperation';
import { mountAuditExport } from './auditExport';

export interface RunningGateway {
  url: string;
  stop: () => Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

// Operational lines only: request id, operation, outcome. Never patient data.
const log = serviceLogger('gateway');

export async function startGateway(): Promise<RunningGateway> {
  const supergraphSdl = loadSupergraphSdl();
  const gateway = new ApolloGateway({ supergraphSdl, buildService: buildSubgraphCall, logger: log });
  const deadlineMs = requestDeadlineMs();
  const failedSignIns = new FailedSignIns(failedSignInsPerMinute());
  const limits = controlIsOn('requestLimits') ? requestLimits() : { plugins: [], validationRules: [], parseOptions: {} };
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    plugins: [
      clientOperation(),
      ...browserPlugins(),
      ...limits.plugins,
      errorReport(),
      ...(process.env.GATEWAY_REQUEST_LOG === 'off' ? [] : [requestLog(log)]),
    ],
    logger: log,
    validationRules: [...limits.validationRules],
    parseOptions: limits.parseOptions,
    formatError: (formatted) => formatGatewayError(formatted),
    introspection: process.env.NODE_ENV !== 'production',
    includeStacktraceInErrorResponses: false,
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  let stopping = false;
  addBrowserAccess(app);
  app.get('/health', (_req, res) => {
    res.json({ gateway: 'ok' });
  });
  // For the engineer on call: refusals by code, and the process's own figures.
  app.get('/metrics', async (_req, res) => {
    res.type(metricsRegistry.contentType).send(await metricsRegistry.metrics());
  });
  // The gateway keeps no data of its own: ready means started and not stopping.
  mountHealth(app, 'gateway', { checks: {}, stopping: () => stopping });
  const requestIdOf = (req: express.Request) => {
    const incoming = req.header('x-request-id');
    return incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  };
  mountAuditExport(app, requestIdOf);
  const contextFor = requestContext({ deadlineMs, failedSignIns, requestIdOf });
  // The FHIR API: the same door checks (contextFor), then GraphQL operations through this same server.
  mountFhirApi(app, { apollo, contextFor });
  app.use(
    '/graphql',
    express.json({ limit: '256kb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => contextFor(req),
    }),
  );
  mountJsonErrors(app, log);

  const port = gatewayPort();
  const host = process.env.HOST ?? '127.0.0.1';
  const server: Server = createServer(app);
  // Longer than any client's or load balancer's idle timeout, so a reused connection is never
  // closed under a request that is already on its way.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/graphql`;
  log.info({ url, deadlineMs }, 'listening');
  return {
    url,
    // Stop accepting, let requests in flight finish (bounded), then stop Apollo.
    stop: async () => {
      stopping = true;
      await closeServer(server, shutdownGraceMs());
      await apollo.stop();
      log.info('stopped');
    },
  };
}
