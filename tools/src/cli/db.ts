import { ensureFerretDb } from '../engine/ferretdb';
import { commandLine } from './commandLine';

/** npm run db -- build: builds the local database engine now (npm start and the tests do it on first use). */
const USAGE = 'Usage: npm run db -- build\n  Builds the local database engine (FerretDB, from its Go module) into .local/ferretdb now; npm start and the tests do it on first use.';
const command = commandLine(USAGE, { allowPositionals: true }).positionals[0] ?? 'build';
if (command !== 'build') {
  console.error(USAGE);
  process.exit(2);
}
ensureFerretDb().then(
  (binary) => console.log(`Local database engine ready: ${binary}`),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
