import { ensureFerretDb } from '../engine/ferretdb';

/** npm run db -- build: builds the local database engine now (npm start and the tests do it on first use). */
const command = process.argv[2] ?? 'build';
if (command !== 'build') {
  console.error('Usage: npm run db -- build');
  process.exit(2);
}
try {
  console.log(`Local database engine ready: ${ensureFerretDb()}`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
