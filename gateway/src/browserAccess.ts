import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import compression from 'compression';
import cors from 'cors';
import type { Express } from 'express';
import helmet from 'helmet';
import { localOrigins, portBase } from '@shareforyou/schema';
import { explorerRoutes } from './explorer/explorer';

/**
 * What a browser app on another origin needs from the gateway, and no more: CORS for the origins in
 * GATEWAY_CORS_ORIGINS (comma-separated; in production only these, none by default; locally added to
 * the viewer's and the example host page's, at 127.0.0.1 and at localhost), preflight answered, security headers, compression, and in
 * development only the offline explorer at /explorer. Apollo's CSRF prevention stays on: a simple
 * (form-like) request is refused unless it carries a JSON content type or a custom header.
 */

const LOCAL_BROWSER_OFFSETS = [10, 11];

const isProduction = () => process.env.NODE_ENV === 'production';

/** In production only the configured origins; locally the viewer and the example page (at 127.0.0.1 and localhost), and the configured ones besides. */
export function corsOrigins(env: NodeJS.ProcessEnv = process.env): string[] {
  const configured = (env.GATEWAY_CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  if (env.NODE_ENV === 'production') return configured;
  const local = LOCAL_BROWSER_OFFSETS.flatMap((offset) => localOrigins(portBase(env) + offset));
  return [...new Set([...local, ...configured])];
}

export function explorerEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV !== 'production' && env.GATEWAY_EXPLORER !== 'off';
}

export function addBrowserAccess(app: Express): void {
  const origins = new Set(corsOrigins());
  app.use(helmet({ contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } }, crossOriginResourcePolicy: { policy: 'same-site' } }));
  app.use(compression());
  const allowed = (origin: string | undefined, callback: (error: Error | null, allow: boolean) => void) => callback(null, origin !== undefined && origins.has(origin));
  app.use('/graphql', cors({ origin: allowed, methods: ['GET', 'POST'], allowedHeaders: ['content-type', 'authorization', 'x-request-id', 'apollo-require-preflight'], maxAge: 600 }));
  // The privacy console downloads CSV exports with the officer's token, and names the file as the audit service does.
  app.use('/audit/export', cors({ origin: allowed, methods: ['GET'], allowedHeaders: ['authorization', 'x-request-id'], exposedHeaders: ['content-disposition', 'x-request-id'], maxAge: 600 }));
  // The FHIR API (read only) for browser apps on the allowed origins, e.g. a SMART app; Prefer says how to handle unknown parameters.
  app.use('/fhir', cors({ origin: allowed, methods: ['GET'], allowedHeaders: ['authorization', 'x-request-id', 'prefer', 'accept'], exposedHeaders: ['x-request-id'], maxAge: 600 }));
  if (explorerEnabled() && !isProduction()) app.use('/explorer', explorerRoutes());
}

/** No landing page at /graphql (Apollo's would load Sandbox from a CDN); the paths a missing source cost. */
export function browserPlugins(): ApolloServerPlugin[] {
  return [ApolloServerPluginLandingPageDisabled()];
}
