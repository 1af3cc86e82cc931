import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { commonResolvers } from './slice/commonResolvers';
import { recordOwnResolvers, unreadableItemsPlugin } from './slice/unreadableItems';
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
import { deadlineFromBudget, DEADLINE_HEADER } from './deadline';
import { ErrorCode } from './errors';
import { closeServer, mountHealth, mountJsonErrors, shutdownGraceMs } from './httpService';
import { IDENTITY_HEADER, verifyGatewayIdentity, type GatewayIdentity } from './identity';
import { mountFeedEndpoint, optedOutPatients } from './ingest/feedEndpoint';
import { feedJournal, followFeedJournal, recoverFeedJournal, refuseTestHooksInProduction } from './ingest/feedJournal';
import type { FeedingOrganisation, FeedTarget } from './ingest/feedTarget';
import type { SliceFeed } from './ingest/sliceFeed';
import { sliceFeedTarget } from './ingest/sliceFeedTarget';
import { RequestLoaders, SliceReader } from './loaders';
import { metricsRegistry, requestDuration } from './metrics';
import { followOptOuts } from './optOutPurge';
import { patientSliceModel, type PatientSliceModel } from './slice/patientSlice';
import { serviceLogger } from './logger';
import { deadlinePlugin, errorLogPlugin, formatSubgraphError } from './subgraphErrors';
import { refuseLongLivedFeedTokens } from './tokenRules';
import { certificateGuard, httpScheme, serviceServer, transportSecurityOn } from './transportSecurity';

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
  /** Endpoints of the service's own beside /graphql (the audit service's staff feed and exports). */
  routes?: (app: express.Express, service: SubgraphService<Models>) => void;
  /** Scheduled work of the service's own (the audit service's monitoring sweep); returns its stop. */
  background?: (service: SubgraphService<Models>) => () => Promise<void> | void;
}

/** What a service's own routes and background work get. */
export interface SubgraphService<Models> {
  models: Models;
  databases: SubgraphDatabases;
  /** The audit trail this instance writes (e.g. for an export, which is audited like a query). */
  trail: AuditTrail;
  log: (message: string) => void;
}

export interface RunningSubgraph {
  url: string;
  stop: () => Promise<void>;
}

/** Database names cannot hold '-': mental-health -> mental_health. */
export function databaseName(subgraph: string): string {
  return subgraph.replace(/-/g, '_');
}

function unauthenticated(res: express.Response, message: string): void {
  res.status(401).json({ errors: [{ message, extensions: { code: ErrorCode.UNAUTHENTICATED } }] });
}

export async function startSubgraph<Models>(definition: SubgraphDefinition<Models>): Promise<RunningSubgraph> {
  const { name } = definition;
  // Operational messages only: no patient data is ever written to logs.
  const log = serviceLogger(name);
  const say = (message: string) => log.info(message);
  const policy = loadPolicy();
  refuseTestHooksInProduction();

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

  const typeDefs = parse(loadSubgraphSdl(name));
  const resolvers = { ...commonResolvers(typeDefs), ...definition.resolvers } as GraphQLResolverMap<unknown>;
  const subgraphSchema = buildSubgraphSchema({ typeDefs, resolvers });
  // Controls are composed here; only the benchmark ever leaves one out (kit: benchControls).
  const schema = recordOwnResolvers(controlIsOn('fieldRules') ? applyFieldRules(subgraphSchema, policy) : subgraphSchema, resolvers);
  const PatientAccess = patientAccessClass();
  const apollo = new ApolloServer<SubgraphContext<Models>>({
    schema,
    // Unreadable items are reported before the audit plugin runs, so a fail-closed answer replaces them too.
    plugins: [
      deadlinePlugin(),
      errorLogPlugin(log),
      unreadableItemsPlugin(say),
      ...(controlIsOn('audit') ? [auditPlugin(name, trail)] : []),
      ApolloServerPluginInlineTraceDisabled(),
      // A record is never cached by anyone: no cache hint is worked out, field by field, for every response.
      ApolloServerPluginCacheControlDisabled(),
    ],
    formatError: (formatted, error) => formatSubgraphError(formatted, error),
    logger: log,
    introspection: process.env.NODE_ENV !== 'production',
    includeStacktraceInErrorResponses: false,
  });
  await apollo.start();

  let stopping = false;
  const app = express();
  app.disable('x-powered-by');
  // In production mode the handshake already refused callers without our CA's certificate; this
  // lets each route be called only by the certificate it is for (transportSecurity).
  if (transportSecurityOn()) app.use(certificateGuard());
  // Ready only when its own database and the audit store answer: without the audit store it could only refuse.
  mountHealth(app, name, {
    checks: { database: () => own.db!.admin().ping(), auditStore: () => auditDb.db!.admin().ping() },
    stopping: () => stopping,
  });
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
  const journal = feedJournal(own);
  // Background work (the opt-out purge, the journal sweep) runs on its own, unmonitored connection,
  // so it never counts against the request path's database commands (shareforyou_db_commands_total).
  const background = slices || feedTarget ? await openDatabase(databaseName(name), { boundedSockets: false }) : null;
  let stopJournalSweep: () => void = () => undefined;
  if (feedTarget) {
    // Transactions a crash left half-written are completed before anything is served, and any
    // another instance leaves behind while this one runs.
    const optedOut = (organisation: FeedingOrganisation, nhsNumbers: string[]) => optedOutPatients(access, organisation.odsCode, nhsNumbers);
    await journal.ensureIndexes();
    await recoverFeedJournal(journal, feedTarget, optedOut, say);
    const sweptJournal = feedJournal(background!);
    stopJournalSweep = followFeedJournal((before) => recoverFeedJournal(sweptJournal, feedTarget, optedOut, say, before), say, process.env, sweptJournal.forgetDone);
    app.post('/fhir', refuseLongLivedFeedTokens);
    mountFeedEndpoint(app, feedTarget, { name, registry, access, journal, log });
  }
  const service: SubgraphService<Models> = { models, databases, trail, log: say };
  definition.routes?.(app, service);

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
    (req: express.Request, res: express.Response, next: express.NextFunction) => {
      const deadline = deadlineFromBudget(req.header(DEADLINE_HEADER));
      if (deadline === null || deadline <= Date.now()) {
        // Already too late (or no usable budget): do no work nobody will receive.
        res.status(deadline === null ? 400 : 504).json({ errors: [{ message: `The ${DEADLINE_HEADER} header must be the milliseconds left, above 0.`, extensions: { code: deadline === null ? ErrorCode.BAD_USER_INPUT : ErrorCode.SOURCE_UNAVAILABLE } }] });
        return;
      }
      res.locals.deadline = deadline;
      next();
    },
    expressMiddleware(apollo, {
      context: async ({ res }) => {
        const identity = res.locals.identity as GatewayIdentity;
        return {
          deadline: res.locals.deadline as number,
          identity,
          access: new PatientAccess(identity, accessReads),
          slices: slices ? new SliceReader(slices, journal.pendingAmong) : null,
          loaders: new RequestLoaders(),
          models,
        };
      },
    }),
  );
  mountJsonErrors(app, log);

  const stopPurge = background && slices
    ? followOptOuts({
        subgraph: name,
        ownDb: background,
        access: registryAccessModels(background.useDb('registry', { useCache: true })),
        slices: patientSliceModel(background),
        log: say,
      })
    : () => undefined;
  // A service's own scheduled work runs on an unmonitored connection of its own too, so it never
  // counts against the request path's database commands (shareforyou_db_commands_total).
  const scheduled = definition.background ? await openDatabase(databaseName(name)) : null;
  const stopBackground = scheduled
    ? definition.background!({ ...service, models: definition.models({ own: scheduled, registry: scheduled.useDb('registry', { useCache: true }), access: registryAccessModels(scheduled.useDb('registry', { useCache: true })), slices: null }) })
    : () => undefined;

  const port = subgraphPort(name);
  const host = process.env.HOST ?? '127.0.0.1';
  const server = serviceServer(name, app, 'required');
  // Longer than any client's or load balancer's idle timeout, so a reused connection is never
  // closed under a request that is already on its way.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const url = `${httpScheme()}://${host}:${port}/graphql`;
  log.info({ url }, 'listening');

  return {
    url,
    // Stop accepting, let requests in flight finish and their audit events be written (bounded),
    // write the chain head, then close the databases.
    stop: async () => {
      stopping = true;
      stopPurge();
      stopJournalSweep();
      await stopBackground();
      await scheduled?.close();
      await closeServer(server, shutdownGraceMs());
      await apollo.stop();
      await trail.close();
      await Promise.allSettled([own.close(), auditDb.close(), background?.close()]);
      log.info('stopped');
    },
  };
}

/**
 * Entry point of a service process (a subgraph or the gateway): start it, stop it cleanly on
 * SIGINT/SIGTERM, and exit non-zero with the reason when it cannot start.
 */
export function runService(name: string, start: () => Promise<{ stop: () => Promise<void> }>): void {
  const log = serviceLogger(name);
  start().then(
    (running) => {
      const shutdown = (signal: string) => {
        log.info({ signal }, 'stopping');
        // The stop is bounded by the grace period; past it (and a second), exit regardless.
        const bound = setTimeout(() => {
          log.error('did not stop within the grace period; exiting');
          process.exit(1);
        }, shutdownGraceMs() + 1_000);
        bound.unref();
        running.stop().then(
          () => process.exit(0),
          (error: Error) => {
            log.error({ message: error.message }, 'stop failed');
            process.exit(1);
          },
        );
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    },
    (error: Error) => {
      log.fatal({ message: error.message }, 'failed to start');
      process.stderr.write(`[${name}] failed to start: ${error.message}\n`);
      process.exit(1);
    },
  );
}

/** Entry point of a subgraph process. */
export function runSubgraph<Models>(definition: SubgraphDefinition<Models>): void {
  runService(definition.name, () => startSubgraph(definition));
}
