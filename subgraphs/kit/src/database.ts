import mongoose, { Connection } from 'mongoose';
import { databaseCommands } from './metrics';

/**
 * Database connections. One MongoDB deployment, one database per subgraph; MONGODB_URI says
 * where (the local FerretDB under npm start and in tests, a replica set in production).
 */

mongoose.set('strictQuery', true);

/**
 * Bounded database calls: a stalled database must cost a request seconds, not the driver's
 * defaults (no socket timeout, 30 s server selection). DATABASE_TIMEOUT_MS (default 3 s) is the
 * longest the request path waits on one command: the server is asked to give up after it
 * (maxTimeMS on every read, set by the plugin below), and the client gives up on a silent socket
 * after it too (socketTimeoutMS), which also covers writes and a database that is paused outright.
 */
export function databaseTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const ms = Number(env.DATABASE_TIMEOUT_MS);
  return Number.isInteger(ms) && ms > 0 ? ms : 4_000;
}

/** The clients of bounded connections (useDb shares its parent's client, so its reads are bounded too). */
const boundedClients = new WeakSet<object>();
const isBounded = (connection: Connection | undefined) => !!connection && boundedClients.has(connection.getClient());

// Commands issued while disconnected wait this long, not mongoose's 10 s.
mongoose.set('bufferTimeoutMS', databaseTimeoutMs());
mongoose.plugin((schema) => {
  schema.pre(/^(find|findOne|countDocuments|estimatedDocumentCount|distinct)$/, function boundRead(this: mongoose.Query<unknown, unknown>) {
    if (isBounded(this.model?.db) && this.getOptions().maxTimeMS === undefined) this.maxTimeMS(databaseTimeoutMs());
  });
  schema.pre('aggregate', function boundAggregate(this: mongoose.Aggregate<unknown>) {
    if (isBounded(this.model()?.db) && this.options.maxTimeMS === undefined) this.option({ maxTimeMS: databaseTimeoutMs() });
  });
});

export function mongoUri(variable = 'MONGODB_URI'): string {
  const uri = process.env[variable] ?? process.env.MONGODB_URI;
  if (!uri) {
    throw new Error(
      `${variable} is not set. Start everything with "npm start" (it runs the local database), or set MONGODB_URI=mongodb://host:27017 to use your own MongoDB.`,
    );
  }
  return uri;
}

export interface OpenOptions {
  /** Count every command in the shareforyou_db_commands_total metric (the request path). */
  monitored?: boolean;
  uriVariable?: string;
  /** How long to wait for a server before failing a command. Short for the audit store: fail closed, fast. */
  serverSelectionTimeoutMS?: number;
  /** false: no socket timeout (background work that may legitimately wait long). Default: databaseTimeoutMs() plus a margin. */
  boundedSockets?: boolean;
  /**
   * false: return at once instead of waiting for the server at start; commands wait for it as
   * long as their model's bufferTimeoutMS (the audit store: the service starts, and answers
   * AUDIT_UNAVAILABLE while the store is unreachable).
   */
  waitForServer?: boolean;
}

export async function openDatabase(dbName: string, options: OpenOptions = {}): Promise<Connection> {
  const uri = mongoUri(options.uriVariable);
  const connectOptions = {
    dbName,
    monitorCommands: options.monitored ?? false,
    serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 10_000,
    // The client's own bound on a silent socket: well above the server-side limit, so a slow but
    // working database (a busy machine) is not cut off, while a stalled one is given up on.
    socketTimeoutMS: options.boundedSockets === false ? 0 : Math.max(2 * databaseTimeoutMs(), 10_000),
    maxPoolSize: 20,
  };
  const connection = mongoose.createConnection(uri, connectOptions);
  const prepareClient = () => {
    if (options.boundedSockets !== false) boundedClients.add(connection.getClient());
    if (options.monitored) {
      connection.getClient().on('commandStarted', (event) => {
        const collection = event.command?.[event.commandName];
        databaseCommands.inc({ database: event.databaseName, collection: typeof collection === 'string' ? collection : '', command: event.commandName });
      });
    }
  };
  prepareClient();
  if (options.waitForServer === false) {
    // Mongoose never retries a first connection that failed: without this, an audit store that was
    // briefly unreachable at start (or slow on a busy machine) would leave the service answering
    // AUDIT_UNAVAILABLE until restarted. Keep trying every two seconds until connected or closed.
    let closed = false;
    connection.once('close', () => (closed = true));
    const keepConnecting = () => {
      connection.asPromise().catch(() => {
        setTimeout(() => {
          if (closed || connection.readyState !== 0) return;
          connection.openUri(uri, connectOptions).catch(() => undefined);
          prepareClient();
          keepConnecting();
        }, 2_000).unref();
      });
    };
    keepConnecting();
    return connection;
  }
  await connection.asPromise();
  return connection;
}
