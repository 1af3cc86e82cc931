import { parseArgs } from 'node:util';
import { ensureSourceSystemCertificate, LOCAL_TLS_DIR, tlsFiles } from '@shareforyou/kit';

/**
 * A source system's client certificate for production mode, signed by the local CA (made if there
 * is none yet): npm run certificate -- --source-system <ODS> [--dir .secrets/tls]. Give the sending
 * system source-systems/<ODS>.pem (certificate and key) and ca.crt (to trust the feed's server).
 * `npm start -- --production` already makes one for every organisation of the demo register.
 */
const { values } = parseArgs({ options: { 'source-system': { type: 'string' }, dir: { type: 'string' } } });

async function main() {
  const odsCode = values['source-system'];
  if (!odsCode) throw new Error('Name the organisation: npm run certificate -- --source-system <ODS code>');
  const dir = values.dir ?? LOCAL_TLS_DIR;
  const created = await ensureSourceSystemCertificate(odsCode, dir);
  const files = tlsFiles({ sourceSystem: odsCode }, dir);
  console.log(`${created.length ? 'Created' : 'Already there (valid for 30 days or more)'}: ${files.certAndKey} (certificate and key; also ${files.cert} and ${files.key}); the CA to trust: ${files.ca}`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
