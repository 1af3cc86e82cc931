import { demoPatients } from '../synthetic';
import { demoUsers } from '../demo/users';
import { commandLine } from './commandLine';

/** Lists the demo users and patients; --json for tools and tests. */
const { values } = commandLine('Usage: npm run demo [-- --json]\n  Lists the demo users (keys for npm run token -- --user <key>) and the demo patients; --json for tools.', { options: { json: { type: 'boolean' } } });
const users = demoUsers.map(({ key, name, odsCode, jobRole, roleName, describes }) => ({ key, name, odsCode, jobRole, roleName, describes }));
const patients = demoPatients.map(({ nhsNumber, name, birthDate, story, involved }) => ({ nhsNumber, name, birthDate, story, involved }));

if (values.json) {
  process.stdout.write(`${JSON.stringify({ users, patients }, null, 2)}\n`);
} else {
  console.log('Demo users (npm run token -- --user <key>):');
  for (const u of users) console.log(`  ${u.key.padEnd(16)} ${u.name.padEnd(18)} ${u.jobRole} at ${u.odsCode.padEnd(6)} ${u.describes}`);
  console.log('\nDemo patients:');
  for (const p of patients) console.log(`  ${p.nhsNumber}  ${p.name.padEnd(18)} ${p.story}`);
}
