import mongoose from 'mongoose';
import type { SharingStatus } from '@shareforyou/kit';
import { listOrganisations, registerOrganisation, setSharingStatus } from '../../../subgraphs/registry/src/organisationRegister';
import { portBase } from '@shareforyou/schema';
import { localDatabasePort } from '../stack/ports';
import { commandLine } from './commandLine';

/**
 * The organisation register, for the programme administrator:
 *   npm run register -- list
 *   npm run register -- add --ods P83099 --name "New Practice" --kind gp-practice --locality Bury \
 *                          --source-system "EMIS Web" --by "J Smith" --reason "Signed the framework 2026-12-01"
 *   npm run register -- update (same options: replaces the entry)
 *   npm run register -- suspend --ods P83099 --by "J Smith" --reason "Breach under investigation"
 *   npm run register -- reinstate --ods P83099 --by "J Smith" --reason "Investigation closed"
 * Against MONGODB_URI, or the local database of `npm start` (which must be running).
 */

const USAGE = `Usage: npm run register -- list | add | update | suspend | reinstate [options]
  npm run register -- list
  npm run register -- add --ods P83099 --name "New Practice" --kind gp-practice --locality Bury --source-system "EMIS Web" --by "J Smith" --reason "Signed the framework"
  npm run register -- update   (the same options: replaces the entry)
  npm run register -- suspend --ods P83099 --by "J Smith" --reason "Breach under investigation"
  npm run register -- reinstate --ods P83099 --by "J Smith" --reason "Investigation closed"
Against MONGODB_URI, or the local database of npm start (which must be running).`;

async function main(): Promise<number> {
  const { values, positionals } = commandLine(USAGE, {
    allowPositionals: true,
    options: {
      ods: { type: 'string' }, name: { type: 'string' }, kind: { type: 'string' }, locality: { type: 'string' },
      'source-system': { type: 'string' }, status: { type: 'string' }, by: { type: 'string' }, reason: { type: 'string' },
    },
  });
  const command = positionals[0];
  if (!command || !['list', 'add', 'update', 'suspend', 'reinstate'].includes(command)) {
    console.error(USAGE);
    return 2;
  }
  const connection = await mongoose.createConnection(process.env.MONGODB_URI ?? `mongodb://127.0.0.1:${localDatabasePort(portBase())}`, { dbName: 'registry', serverSelectionTimeoutMS: 3_000 }).asPromise();
  try {
    const change = { by: values.by ?? '', reason: values.reason ?? '' };
    if (command === 'list') {
      for (const o of await listOrganisations(connection)) console.log(`${o.odsCode.padEnd(8)} ${o.sharingStatus.padEnd(10)} ${o.kind.padEnd(22)} ${o.name}`);
    } else if (command === 'add' || command === 'update') {
      const entry = {
        odsCode: values.ods ?? '', name: values.name ?? '', kind: values.kind ?? '', locality: values.locality ?? null,
        sharingStatus: (values.status ?? 'active') as SharingStatus, sourceSystem: values['source-system'] ?? null,
      };
      console.log(`${entry.odsCode}: ${await registerOrganisation(connection, entry, change, { replace: command === 'update' })}`);
    } else {
      const to: SharingStatus = command === 'suspend' ? 'suspended' : 'active';
      const from = await setSharingStatus(connection, values.ods ?? '', to, change);
      console.log(`${values.ods}: ${from} -> ${to} (the gateway applies it within ORGANISATION_STATUS_TTL_SECONDS, default 30 s)`);
    }
    return 0;
  } finally {
    await connection.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message.includes('ECONNREFUSED') ? 'No database answered: start the stack (npm start) or set MONGODB_URI.' : error.message);
    process.exit(1);
  },
);
