import { randomUUID } from 'node:crypto';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { closeServer, controlIsOn, httpScheme, metricsRegistry, mountHealth, mountJsonErrors, serviceLogger, serviceServer, shutdownGraceMs } from '@shareforyou/kit';
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
import { admissionControl } from './admission';

export interface RunningGateway {
  url: string;
  stop: () => Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

// Operational lines only: request id, operation, outcome. Never patient data.
const log = serviceLogger('gateway');

/** The proxies whose forwarding headers are believed: none unless GATEWAY_TRUSTED_PROXIES lists them. */
export function trustedProxies(env: NodeJS.ProcessEnv = process.env): string[] | false {
  const listed = (env.GATEWAY_TRUSTED_PROXIES ?? '').split(',').map((p) => p.trim()).filter(Boolean);
  return listed.length ? listed : false;
}

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
  // Behind a TLS-terminating proxy: X-Forwarded-For and X-Forwarded-Proto are believed only from
  // these addresses (GATEWAY_TRUSTED_PROXIES, comma-separated addresses or CIDR ranges); by default
  // from nobody, and the client address is the socket's (docs/reliability.md, "Encrypted hops").
  app.set('trust proxy', trustedProxies());
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
  // At capacity a request is refused whole and early (503 SERVICE_BUSY), never queued into a partial answer: GraphQL and FHIR share the capacity.
  const admission = admissionControl();
  app.use('/fhir', admission);
  const contextFor = requestContext({ deadlineMs, failedSignIns, requestIdOf });
  // The FHIR API: the same door checks (contextFor), then GraphQL operations through this same server.
  mountFhirApi(app, { apollo, contextFor });
  app.use(
    '/graphql',
    admission,
    express.json({ limit: '256kb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => contextFor(req),
    }),
  );
  mountJsonErrors(app, log);

  const port = gatewayPort();
  const host = process.env.HOST ?? '127.0.0.1';
  // HTTPS with the gateway's certificate in production mode; clients are browsers: no client certificate asked.
  const server = serviceServer('gateway', app, 'none');
  // Longer than any client's or load balancer's idle timeout, so a reused connection is never
  // closed under a request that is already on its way.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const url = `${httpScheme()}://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/graphql`;
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
