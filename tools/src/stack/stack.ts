import { join } from 'node:path';
import { devUserIssuer, ensureLocalSecrets, ensureLocalTlsMaterial, httpScheme, IDENTITY_PROVIDER_OFFSET, LOCAL_TLS_DIR, SECRETS_DIR, tlsDatabaseUri, TLS_DIR_VARIABLE } from '@shareforyou/kit';
import { DEFAULT_PORT_BASE, subgraphServices, subgraphUrl, subgraphUrlVariable } from '@shareforyou/schema';
import { organisations } from '../demo/organisations';
import { startFerretDb, type RunningEngine } from '../engine/ferretdb';
import { DEFAULT_DATA_DIR } from '../paths';
import { startWebServers, type RunningWeb } from '../web/webServers';
import { localDatabasePort, viewerOrigin } from './ports';
import { registerOrganisations, seedIfEmpty } from './seed';
import { GATEWAY_ENTRY, spawnNodeProcess, spawnService, stopProcess, subgraphEntries, waitHealthy, type ServiceProcess } from './services';
import { REPO_ROOT } from '../paths';

/**
 * The whole local stack: the database (local FerretDB, or MONGODB_URI), every subgraph, the
 * development OpenID Connect provider and the gateway as separate processes over real HTTP, the
 * organisation register and demo data.
 * Used by npm start, the end-to-end tests and the benchmark alike.
 */

export interface StackOptions {
  portBase?: number;
  ferretDbPort?: number;
  dataDir?: string;
  /** Seed this many synthetic patients when the registry is empty (0: none). */
  seedPatients?: number;
  /** Print service output (npm start) or keep it for errors only (tests). */
  quiet?: boolean;
  /** Extra environment for every service (e.g. short break-glass in tests). */
  env?: NodeJS.ProcessEnv;
  log?: (message: string) => void;
  /**
   * Production mode (npm start -- --production): TLS on every hop. The local CA and certificates
   * are made in tlsDir (default .secrets/tls) when missing; the gateway serves HTTPS, subgraphs
   * want the gateway's (or a source system's) client certificate, the database listens on TLS only.
   */
  production?: boolean;
  tlsDir?: string;
}

export interface RunningStack {
  gatewayUrl: string;
  /** The clinician viewer, and the example host page that embeds a panel from another origin. */
  viewerUrl: string;
  exampleUrl: string;
  /** The development OpenID Connect provider (its issuer URL). */
  identityIssuer: string;
  mongoUri: string;
  portBase: number;
  env: NodeJS.ProcessEnv;
  services: ServiceProcess[];
  /** The local database engine's process id (null with MONGODB_URI): the fault tests pause it. */
  databasePid: number | null;
  /** The folder of TLS material in production mode, else null. */
  tlsDir: string | null;
  stop: () => Promise<void>;
}

export async function startStack(options: StackOptions = {}): Promise<RunningStack> {
  const log = options.log ?? ((m: string) => console.log(m));
  const portBase = options.portBase ?? DEFAULT_PORT_BASE;
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  ensureLocalSecrets();
  const tlsDir = options.production ? (options.tlsDir ?? LOCAL_TLS_DIR) : null;
  if (tlsDir) {
    const services = ['gateway', ...subgraphServices.map((s) => s.name)];
    const created = await ensureLocalTlsMaterial({ dir: tlsDir, services, sourceSystems: organisations.map((o) => o.odsCode) });
    log(`Production mode: TLS on every hop, certificates in ${tlsDir}${created.length ? ` (created ${created.join(', ')})` : ''}.`);
  }

  let engine: RunningEngine | null = null;
  let mongoUri = process.env.MONGODB_URI;
  let databaseUriOf = (_service: string) => mongoUri!;
  if (mongoUri) log(`Using the MongoDB at MONGODB_URI${tlsDir ? ' (its TLS is up to that URI: tls=true, tlsCAFile, tlsCertificateKeyFile)' : ''}.`);
  else {
    const port = options.ferretDbPort ?? localDatabasePort(portBase);
    engine = await startFerretDb({ port, dataDir, log, tlsDir: tlsDir ?? undefined });
    mongoUri = engine.uri;
    // Each service connects with its own certificate.
    if (tlsDir) databaseUriOf = (service) => tlsDatabaseUri('127.0.0.1', port, tlsDir, service);
    log(`Local database engine (FerretDB) on 127.0.0.1:${port}${tlsDir ? ' (TLS only)' : ''}, data in ${join(dataDir, 'ferretdb')}`);
  }

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.env,
    MONGODB_URI: mongoUri,
    SHAREFORYOU_PORT_BASE: String(portBase),
    SHAREFORYOU_SECRETS_DIR: SECRETS_DIR,
    // Alerts link into this stack's privacy console (the viewer's /privacy).
    PRIVACY_CONSOLE_URL: process.env.PRIVACY_CONSOLE_URL ?? options.env?.PRIVACY_CONSOLE_URL ?? `${viewerOrigin(portBase)}/privacy`,
  };
  if (tlsDir) {
    env[TLS_DIR_VARIABLE] = tlsDir;
    // Every service trusts our CA for its other calls too (the gateway's to the sign-in provider).
    env.NODE_EXTRA_CA_CERTS = join(tlsDir, 'ca.crt');
    for (const { name } of subgraphServices) env[subgraphUrlVariable(name)] ??= subgraphUrl(name, env).replace(/^http:/, 'https:');
  }
  const services: ServiceProcess[] = [];
  const gatewayUrl = `${httpScheme(env)}://127.0.0.1:${portBase}/graphql`;
  let web: RunningWeb | undefined;
  const stop = async () => {
    await web?.stop();
    await Promise.all(services.map((s) => stopProcess(s.child)));
    await engine?.stop();
  };

  try {
    await registerOrganisations(mongoUri);
    for (const { name, entry, offset } of subgraphEntries()) services.push(spawnService(name, entry, { ...env, MONGODB_URI: databaseUriOf(name) }, portBase + offset, options.quiet ?? false));
    const identity = spawnNodeProcess({
      name: 'identity',
      args: ['--import', 'tsx', join(REPO_ROOT, 'tools', 'src', 'identity', 'main.ts')],
      env,
      healthUrl: `http://127.0.0.1:${portBase + IDENTITY_PROVIDER_OFFSET}/health`,
      quiet: options.quiet ?? false,
    });
    services.push(identity);
    await Promise.all(services.map((s) => waitHealthy(s)));
    const gateway = spawnService('gateway', GATEWAY_ENTRY, env, portBase, options.quiet ?? false);
    services.push(gateway);
    await waitHealthy(gateway);
    web = await startWebServers({ portBase, gatewayUrl, issuer: devUserIssuer(env), log });
    log(`All ${services.length} services are up, and the viewer.`);
    if (options.seedPatients) await seedIfEmpty({ mongoUri, portBase, patients: options.seedPatients, log, env });
  } catch (error) {
    await stop();
    throw error;
  }
  return { gatewayUrl, viewerUrl: web!.viewerUrl, exampleUrl: web!.exampleUrl, identityIssuer: devUserIssuer(env), mongoUri, portBase, env, services, databasePid: engine?.process.pid ?? null, tlsDir, stop };
}
