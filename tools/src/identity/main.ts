import { createServer } from 'node:http';
import { devUserIssuer, IDENTITY_PROVIDER_OFFSET } from '@shareforyou/kit';
import { portBase } from '@shareforyou/schema';
import { viewerOrigin } from '../stack/ports';
import { VIEWER_CLIENT_ID } from './clients';
import { createIdentityProvider } from './provider';

/** The local OpenID Connect provider as its own process, on port base + 8, started by the local stack. */

const base = portBase();
const issuer = devUserIssuer();
// The launch simulator sends launches to this stack's viewer, naming this stack's gateway as the FHIR server.
const app = createIdentityProvider(issuer, [{ clientId: VIEWER_CLIENT_ID, origins: [viewerOrigin(base)] }], { viewerOrigin: viewerOrigin(base), fhirBase: `http://127.0.0.1:${base}/fhir` });
createServer(app).listen(base + IDENTITY_PROVIDER_OFFSET, '127.0.0.1', () => {
  process.stdout.write(`[identity] OpenID Connect provider (development) at ${issuer}\n`);
});
