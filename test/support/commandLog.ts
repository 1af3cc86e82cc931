import mongoose, { type Connection } from 'mongoose';
import { testDatabaseUri } from './stackInfo';

export interface CommandLog {
  /** A connection of its own to `dbName`, every command sent on it noted. */
  connection: Connection;
  /** How many `find` commands were sent to this collection since the last `clear`. */
  reads(collection: string): number;
  clear(): void;
  close(): Promise<void>;
}

/** For asserting how many round trips a piece of work costs: the commands the driver sends, counted, on the tier's real database. */
export async function commandLog(dbName: string): Promise<CommandLog> {
  const connection = await mongoose.createConnection(testDatabaseUri(), { dbName, monitorCommands: true }).asPromise();
  let commands: Array<{ database: string; collection: string; command: string }> = [];
  connection.getClient().on('commandStarted', (event) => {
    const collection = event.command?.[event.commandName];
    commands.push({ database: event.databaseName, collection: typeof collection === 'string' ? collection : '', command: event.commandName });
  });
  return {
    connection,
    reads: (collection) => commands.filter((c) => c.database === dbName && c.collection === collection && c.command === 'find').length,
    clear: () => void (commands = []),
    close: () => connection.close(),
  };
}
