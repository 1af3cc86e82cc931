import { createServer, type Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import express from 'express';
import { parse } from 'graphql';
import type { Connection } from 'mongoose';
import { loadPolicy, loadSubgraphSdl, subgraphPort } from '@shareforyou/schema';
import { applyFieldRules } from './access/fieldRules';
import { accessRecordReads } from './access/patientAccess';
import { registryAccessModels, type RegistryAccessModels } from './access/registryRecords';
import { auditPlugin } from './audit/auditPlugin';
import { controlIsOn, patientAccessClass } from './benchControls';
import { auditModels } from './audit/auditRecords';
import { AuditTrail } from './audit/auditTrail';
import type { SubgraphContext } from './context';
import { openDatabase } from './database';
import { ErrorCode } from './errors';
import { IDENTITY_HEADER, verifyGatewayIdentity, type GatewayIdentity } from './identity';
import { mountFeedEndpoint } from './ingest/feedEndpoint';
import type { FeedTarget } from './ingest/feedTarget';
import type { SliceFeed } from './ingest/sliceFeed';
import { sliceFeedTarget } from './ingest/sliceFeedTarget';
import { loadSlices, RequestLoaders } from './loaders';
import { metricsRegistry, requestDuration } from './metrics';
import { followOptOuts } from './optOutPurge';
import { patientSliceModel, type PatientSliceModel } from './slice/patientSlice';

/**
 * Every subgraph starts through here, so they all behave alike: the same identity check, the same
 * policy-built field rules, the same audit plugin, the same health and metrics endpoints.
 */

export interface SubgraphDatabases {
  own: Connection;
  registry: Connection;
  access: RegistryAccessModels;
  slices: PatientSliceModel | null;
}

export interface SubgraphDefinition<Models> {
  name: string;
  /** Organisation subgraphs keep one slice document per patient; the registry and audit do not. */
  holdsPatientSlices: boolean;
  models: (databases: SubgraphDatabases) => Models;
  resolvers: GraphQLResolverMap<SubgraphContext<Models>>;
  /** An organisation subgraph's FHIR feed: served at POST /fhir, written into its patient slices. */
  feed?: SliceFeed;
  /** A feed with its own writer (the registry's index and relationships). */
  feedTarget?: (models: Models) => FeedTarget<any>;
}

export interface RunningSubgraph {
  url: string;
  stop: () => Promise<void>;
}

/** Database names cannot hold '-': mental-health -> mental_health. */
export function databaseName(subgraph: string): string {
  return subgraph.replace(/-/g, '_');
}

function log(name: string, message: string): void {
  // Operational messages only: no patient data is ever written to logs.
  process.stdout.write(`[${name}] ${message}\n`);
}

function unauthenticated(res: express.Response, message: string): void {
  res.status(401).json({ errors: [{ message, extensions: { code: ErrorCode.UNAUTHENTICATED } }] });
}

export async function startSubgraph<Models>(definition: SubgraphDefinition<Models>): Promise<RunningSubgraph> {
  const { name } = definition;
  const say = (message: string) => log(name, message);
  const policy = loadPolicy();

  const own = await openDatabase(databaseName(name), { monitored: true });
  const registry = own.useDb('registry', { useCache: true });
  const access = registryAccessModels(registry);
  const accessReads = accessRecordReads(access);
  const slices = definition.holdsPatientSlices ? patientSliceModel(own) : null;
  const databases: SubgraphDatabases = { own, registry, access, slices };
  const models = definition.models(databases);
  await Promise.all(Object.values(own.models).map((model) => model.init()));

  const auditDb = await openDatabase('audit', { uriVariable: 'AUDIT_MONGODB_URI', serverSelectionTimeoutMS: 2_000, waitForServer: false });
  const trail = new AuditTrail(auditModels(auditDb), name);

  const subgraphSchema = buildSubgraphSchema({ typeDefs: parse(loadSubgraphSdl(name)), resolvers: definition.resolvers as GraphQLResolverMap<unknown> });
  // Controls are composed here; only the benchmark ever leaves one out (kit: benchControls).
  const schema = controlIsOn('fieldRules') ? applyFieldRules(subgraphSchema, policy) : subgraphSchema;
  const PatientAccess = patientAccessClass();
  const apollo = new ApolloServer<SubgraphContext<Models>>({
    schema,
    plugins: [...(controlIsOn('audit') ? [auditPlugin(name, trail)] : []), ApolloServerPluginInlineTraceDisabled()],
    introspection: process.env.NODE_ENV !== 'production',
    includeStacktraceInErrorResponses: false,
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/health', (_req, res) => {
    const up = own.readyState === 1;
    // The audit store is reported, not required: without it the subgraph answers AUDIT_UNAVAILABLE.
    const audit = auditDb.readyState === 1 ? 'connected' : 'unavailable';
    res.status(up ? 200 : 503).json({ subgraph: name, status: up ? 'ok' : 'database unavailable', audit });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metricsRegistry.contentType).send(await metricsRegistry.metrics());
  });
  const feedTarget = definition.feedTarget?.(models) ?? (definition.feed && slices ? sliceFeedTarget(name, definition.feed, slices) : null);
  if (feedTarget) mountFeedEndpoint(app, feedTarget, { registry, access, log: say });

  app.use('/graphql', (req, res, next) => {
    let identity: GatewayIdentity;
    try {
      identity = verifyGatewayIdentity(req.header(IDENTITY_HEADER));
    } catch {
      unauthenticated(res, 'This subgraph answers only the ShareforYou gateway: the call had no valid gateway identity.');
      return;
    }
    res.locals.identity = identity;
    const stopTimer = requestDuration.startTimer();
    res.on('finish', () => stopTimer());
    next();
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ res }) => {
        const identity = res.locals.identity as GatewayIdentity;
        return {
          identity,
          access: new PatientAccess(identity, accessReads),
          slices: slices ? loadSlices(slices) : null,
          loaders: new RequestLoaders(),
          models,
        };
      },
    }),
  );

  // Background work (the opt-out purge) runs on its own, unmonitored connection.
  const background = slices ? await openDatabase(databaseName(name)) : null;
  const stopPurge = background
    ? followOptOuts({
        subgraph: name,
        ownDb: background,
        access: registryAccessModels(background.useDb('registry', { useCache: true })),
        slices: patientSliceModel(background),
        log: say,
      })
    : () => undefined;

  const port = subgraphPort(name);
  const host = process.env.HOST ?? '127.0.0.1';
  const server: Server = createServer(app);
  // Longer than any client's or load balancer's idle timeout, so a reused connection is never
  // closed under a request that is already on its way.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const url = `http://${host}:${port}/graphql`;
  say(`listening on ${url}`);

  return {
    url,
    stop: async () => {
      stopPurge();
      await apollo.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await trail.close();
      await Promise.allSettled([own.close(), auditDb.close(), background?.close()]);
    },
  };
}

/**
 * Entry point of a service process (a subgraph or the gateway): start it, stop it cleanly on
 * SIGINT/SIGTERM, and exit non-zero with the reason when it cannot start.
 */
export function runService(name: string, start: () => Promise<{ stop: () => Promise<void> }>): void {
  start().then(
    (running) => {
      const shutdown = () => {
        running.stop().finally(() => process.exit(0));
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    },
    (error: Error) => {
      process.stderr.write(`[${name}] failed to start: ${error.message}\n`);
      process.exit(1);
    },
  );
}

/** Entry point of a subgraph process. */
export function runSubgraph<Models>(definition: SubgraphDefinition<Models>): void {
  runService(definition.name, () => startSubgraph(definition));
}
