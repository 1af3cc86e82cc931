import { DEFAULT_PORT_BASE } from '@shareforyou/schema';
import { demoPatients } from '../synthetic';
import { userToken } from '../demo/tokens';
import { demoUsers, findDemoUser } from '../demo/users';
import { fetchBlocks, localDatabasePort } from '../stack/ports';
import { startStack } from '../stack/stack';
import { commandLine } from './commandLine';

/**
 * npm start: the whole stack with demo data. Options: --patients N (default 1000) to seed an empty
 * database, --port-base P (default 4000; or SHAREFORYOU_PORT_BASE), --quiet, --production (TLS on
 * every hop, with a local CA and certificates made in .secrets/tls: README, "Production mode").
 */
const USAGE = `Usage: npm start [-- --patients 1000] [--port-base 4000] [--quiet] [--production]
  --patients N     synthetic patients to seed when the database is empty (default 1000)
  --port-base P    the gateway's port; the services take the next ones (default 4000, or SHAREFORYOU_PORT_BASE)
  --quiet          no service logs on the terminal
  --production     TLS on every hop, with a local CA and certificates in .secrets/tls (README, "Production mode")`;

const { values } = commandLine(USAGE, {
  options: {
    patients: { type: 'string', default: '1000' },
    'port-base': { type: 'string' },
    quiet: { type: 'boolean', default: false },
    production: { type: 'boolean', default: false },
  },
});

async function main() {
  const portBase = Number(values['port-base'] ?? process.env.SHAREFORYOU_PORT_BASE ?? DEFAULT_PORT_BASE);
  if (!Number.isInteger(portBase) || portBase < 1024 || portBase > 65_000) throw new Error(`--port-base must be a port number from 1024 to 65000, not ${values['port-base'] ?? process.env.SHAREFORYOU_PORT_BASE}`);
  // A port the browser and Node's fetch refuse to call ("bad port") would start and never be reached: refused now, not after the start timeout.
  const blocked = [...Array.from({ length: 12 }, (_, i) => portBase + i), localDatabasePort(portBase)].filter(fetchBlocks);
  if (blocked.length) throw new Error(`port base ${portBase} would put a service on port ${blocked.join(', ')}, which browsers and Node's fetch refuse to call ("bad port"): choose another --port-base, e.g. ${portBase + 20}`);
  // The banner's token, and every command run from this process, name this stack's own sign-in provider.
  process.env.SHAREFORYOU_PORT_BASE = String(portBase);
  const stack = await startStack({ portBase, seedPatients: Number(values.patients), quiet: values.quiet, production: values.production });
  const margaret = demoPatients[0];
  const token = userToken(findDemoUser('gp'));
  console.log(`
ShareforYou Care Record is running.

  Viewer    ${stack.viewerUrl}   (the clinician viewer: sign in as a demo user)
  Console   ${stack.viewerUrl}privacy   (the privacy console: privacy officers only, e.g. Priya Desai)
  Gateway   ${stack.gatewayUrl}   (GraphQL; POST with Authorization: Bearer <token>)
  Explorer  ${stack.gatewayUrl.replace(/graphql$/, 'explorer/')}   (GraphiQL, development only)
  Sign-in   ${stack.identityIssuer}   (OpenID Connect provider standing in for NHS CIS2)
  Embedding ${stack.exampleUrl}   (a host page on another origin with one panel)
  Feeds     POST ${stack.tlsDir ? 'https' : 'http'}://127.0.0.1:${portBase + 1}/fhir (registry) ... one per subgraph, system tokens only${stack.tlsDir ? `, each with its source system's certificate (${stack.tlsDir}/source-systems/<ODS>.pem)` : ''}${stack.tlsDir ? `
  TLS       production mode: CA ${stack.tlsDir}/ca.crt (curl --cacert; import it to use the viewer), certificates in ${stack.tlsDir}` : ''}
  Alerts    ${process.env.ALERT_WEBHOOK_URL ? `POST ${process.env.ALERT_WEBHOOK_URL} (signed with .secrets/alert-webhook.key), and the console (alerts query)` : 'the console only (alerts query): set ALERT_WEBHOOK_URL to have them POSTed, signed with .secrets/alert-webhook.key'}
  Anchors   chain heads every ${Number(process.env.AUDIT_ANCHOR_MS ?? 60_000) / 1000}s to ${process.env.AUDIT_ANCHOR_FILE ?? '.local/audit-anchors.jsonl'}

Demo users (a token: ${portBase === DEFAULT_PORT_BASE ? '' : `SHAREFORYOU_PORT_BASE=${portBase} `}npm run -s token -- --user <key>):
${demoUsers.map((u) => `  ${u.key.padEnd(16)} ${u.name.padEnd(18)} ${u.describes}`).join('\n')}

Demo patients:
${demoPatients.map((p) => `  ${p.nhsNumber}  ${p.name.padEnd(18)} ${p.story}`).join('\n')}

Try it — the GP opens ${margaret.name}'s record:

curl -s ${stack.tlsDir ? `--cacert ${stack.tlsDir}/ca.crt ` : ''}${stack.gatewayUrl} -H 'content-type: application/json' \\
  -H 'authorization: Bearer ${token}' \\
  -d '{"query":"{ patient(nhsNumber: \\"${margaret.nhsNumber}\\") { name { text } birthDate medications { medication { display } status } gpSource { lastUpdated } } }"}'

Press Ctrl-C to stop everything.`);

  const shutdown = async () => {
    console.log('\nStopping...');
    await stack.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: Error) => {
  console.error(`\nCould not start: ${error.message}`);
  process.exit(1);
});
