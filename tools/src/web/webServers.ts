import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import express from 'express';
import helmet from 'helmet';
import { REPO_ROOT } from '../paths';
import { VIEWER_CLIENT_ID } from '../identity/clients';
import { EMBED_EXAMPLE_OFFSET, embedExampleOrigin, VIEWER_OFFSET, viewerOrigin } from '../stack/ports';

/**
 * The clinician viewer and the example host page, each on its own origin. Both are static: the
 * viewer's only configuration is where the gateway and the identity provider are; data comes from
 * the gateway alone. The web workspace is built (vite) when its output is missing or older than
 * its sources.
 */

const WEB = join(REPO_ROOT, 'web');
const DIST = join(WEB, 'dist');

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

function buildWebIfStale(log: (message: string) => void): void {
  const sources = Math.max(newest(join(WEB, 'src')), newest(join(WEB, 'index.html')), newest(join(WEB, 'vite.config.ts')));
  if (existsSync(join(DIST, 'index.html')) && newest(DIST) >= sources) return;
  log('Building the web viewer and panels (vite)...');
  const vite = join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: WEB, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`The web build failed:\n${result.stdout}\n${result.stderr}`);
}

export interface RunningWeb {
  viewerUrl: string;
  exampleUrl: string;
  stop: () => Promise<void>;
}

function listen(app: express.Express, port: number): Promise<Server> {
  const server = createServer(app);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

export async function startWebServers(options: { portBase: number; gatewayUrl: string; issuer: string; log: (message: string) => void }): Promise<RunningWeb> {
  buildWebIfStale(options.log);
  const { portBase, gatewayUrl, issuer } = options;
  const connect = ["'self'", new URL(gatewayUrl).origin, issuer];

  const viewer = express();
  viewer.disable('x-powered-by');
  viewer.use(
    helmet({
      contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], connectSrc: connect, styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'], formAction: ["'self'", issuer], frameAncestors: ["'none'"] } },
      crossOriginResourcePolicy: { policy: 'cross-origin' },
    }),
  );
  viewer.get('/config.json', (_req, res) => {
    res.json({ gatewayUrl, issuer, clientId: VIEWER_CLIENT_ID, fhirBase: new URL('/fhir', gatewayUrl).toString() });
  });
  // panels.js and its chunks may be loaded by a host page on any origin.
  viewer.use(['/panels.js', '/assets'], (_req, res, next) => {
    res.set('access-control-allow-origin', '*');
    next();
  });
  viewer.use(express.static(DIST, { index: 'index.html' }));
  // The privacy console's pages are routes of the same app (an alert links to /privacy/alerts/<id>),
  // and so is /launch, where a clinical system opens the record (SMART on FHIR EHR launch).
  viewer.get(['/privacy', '/privacy/{*rest}', '/launch'], (_req, res) => {
    res.sendFile(join(DIST, 'index.html'));
  });
  // The design system's icons, which its stylesheet asks for at /assets/images/.
  viewer.use('/assets/images', express.static(join(REPO_ROOT, 'node_modules', 'nhsuk-frontend', 'dist', 'nhsuk', 'assets', 'images')));

  const example = express();
  example.disable('x-powered-by');
  const examplePage = readFileSync(join(WEB, 'example', 'index.html'), 'utf8')
    .replace('{{PANELS_URL}}', `${viewerOrigin(portBase)}/panels.js`)
    .replace('{{GATEWAY_URL}}', gatewayUrl);
  example.get('/', (_req, res) => {
    res.type('html').send(examplePage);
  });

  const servers = await Promise.all([listen(viewer, portBase + VIEWER_OFFSET), listen(example, portBase + EMBED_EXAMPLE_OFFSET)]);
  return {
    viewerUrl: `${viewerOrigin(portBase)}/`,
    exampleUrl: `${embedExampleOrigin(portBase)}/`,
    stop: async () => {
      await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    },
  };
}
