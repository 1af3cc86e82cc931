import { createServer } from 'node:http';
import { devUserIssuer, IDENTITY_PROVIDER_OFFSET } from '@shareforyou/kit';
import { localOrigins, portBase } from '@shareforyou/schema';
import { VIEWER_OFFSET, viewerOrigin } from '../stack/ports';
import { VIEWER_CLIENT_ID } from './clients';
import { createIdentityProvider } from './provider';

/** The local OpenID Connect provider as its own process, on port base + 8, started by the local stack. */

const base = portBase();
const issuer = devUserIssuer();
// The launch simulator sends launches to this stack's viewer, naming this stack's gateway as the FHIR server.
// The viewer may be opened at 127.0.0.1 or at localhost: both are its redirect URIs.
const app = createIdentityProvider(issuer, [{ clientId: VIEWER_CLIENT_ID, origins: localOrigins(base + VIEWER_OFFSET) }], { viewerOrigin: viewerOrigin(base), fhirBase: `http://127.0.0.1:${base}/fhir` });
createServer(app).listen(base + IDENTITY_PROVIDER_OFFSET, '127.0.0.1', () => {
  process.stdout.write(`[identity] OpenID Connect provider (development) at ${issuer}\n`);
});
