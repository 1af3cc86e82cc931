import mongoose, { Connection } from 'mongoose';
import { databaseCommands } from './metrics';

/**
 * Database connections. One MongoDB deployment, one database per subgraph; MONGODB_URI says
 * where (the local FerretDB under npm start and in tests, a replica set in production).
 */

mongoose.set('strictQuery', true);

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
  /**
   * false: return at once instead of waiting for the server at start; commands wait for it as
   * long as their model's bufferTimeoutMS (the audit store: the service starts, and answers
   * AUDIT_UNAVAILABLE while the store is unreachable).
   */
  waitForServer?: boolean;
}

export async function openDatabase(dbName: string, options: OpenOptions = {}): Promise<Connection> {
  const uri = mongoUri(options.uriVariable);
  const settings = {
    dbName,
    monitorCommands: options.monitored ?? false,
    serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 10_000,
    maxPoolSize: 20,
  };
  const connection = mongoose.createConnection(uri, settings);
  if (options.monitored) {
    connection.getClient().on('commandStarted', (event) => {
      const collection = event.command?.[event.commandName];
      databaseCommands.inc({ database: event.databaseName, collection: typeof collection === 'string' ? collection : '', command: event.commandName });
    });
  }
  if (options.waitForServer === false) {
    // The driver never retries a first connection that failed (a busy machine at start is enough):
    // keep trying in the background, so the store is used as soon as it answers.
    const retry = (): Promise<unknown> =>
      connection.openUri(uri, settings).catch(() => new Promise((resolve) => setTimeout(resolve, 1_000).unref()).then(retry));
    connection.asPromise().catch(() => retry());
    return connection;
  }
  await connection.asPromise();
  return connection;
}
