import { randomUUID } from 'node:crypto';
import type { Express, NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { ErrorCode } from './errors';
import { errorDetail } from './logger';
import type { AnyServer } from './transportSecurity';

/**
 * What every HTTP service here (the gateway and each subgraph) does alike, outside GraphQL: errors
 * as JSON (never Express's HTML page with a stack trace), liveness and readiness that mean
 * different things, and a bounded graceful stop.
 */

/** Errors outside GraphQL execution (bad JSON, too large, unknown path, a crash in middleware) as GraphQL-shaped JSON. */
export function mountJsonErrors(app: Express, log: Logger): void {
  app.use((_req: Request, res: Response) => {
    res.status(404).json({ errors: [{ message: 'Nothing is served at this path: send GraphQL requests to POST /graphql.', extensions: { code: ErrorCode.BAD_USER_INPUT } }] });
  });
  app.use((error: Error & { type?: string; status?: number }, req: Request, res: Response, _next: NextFunction) => {
    if (res.headersSent) return;
    if (error.type === 'entity.parse.failed') {
      res.status(400).json({ errors: [{ message: 'The request body is not valid JSON. Send {"query": "...", "variables": {...}} with content-type application/json.', extensions: { code: ErrorCode.BAD_USER_INPUT } }] });
      return;
    }
    if (error.type === 'entity.too.large') {
      res.status(413).json({ errors: [{ message: 'The request body is too large for a GraphQL query; ask for less in one request.', extensions: { code: ErrorCode.BAD_USER_INPUT } }] });
      return;
    }
    if (typeof error.status === 'number' && error.status >= 400 && error.status < 500) {
      res.status(error.status).json({ errors: [{ message: 'The request could not be read. Send a GraphQL request as JSON.', extensions: { code: ErrorCode.BAD_USER_INPUT } }] });
      return;
    }
    const requestId = req.header('x-request-id') ?? randomUUID();
    log.error({ requestId, path: req.path, ...errorDetail(error) }, 'unhandled error');
    res.status(500).json({ errors: [{ message: `The service failed while answering. Quote request id ${requestId} to the service desk.`, extensions: { code: ErrorCode.INTERNAL_ERROR, requestId } }] });
  });
}

export interface Readiness {
  /** Each dependency that must be reachable to serve: name -> a check that resolves when it is. */
  checks: Record<string, () => Promise<unknown>>;
  /** Set while stopping: no longer ready, so the load balancer sends new requests elsewhere. */
  stopping: () => boolean;
}

/** Resolves or rejects within ms. */
export function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * /health/live: the process runs and answers (restart it if not). /health/ready: it can serve now
 * (each dependency answered within a second, and it is not stopping); send it no traffic if not.
 */
export function mountHealth(app: Express, service: string, readiness: Readiness): void {
  app.get('/health/live', (_req, res) => {
    res.json({ service, live: true });
  });
  app.get('/health/ready', async (_req, res) => {
    if (readiness.stopping()) {
      res.status(503).json({ service, ready: false, stopping: true });
      return;
    }
    const names = Object.keys(readiness.checks);
    // A check that throws at once (no connection yet) counts as unreachable, like one that rejects.
    const results = await Promise.allSettled(names.map((name) => within(1_000, Promise.resolve().then(readiness.checks[name]))));
    const dependencies = Object.fromEntries(names.map((name, i) => [name, results[i].status === 'fulfilled' ? 'reachable' : 'unreachable']));
    const ready = results.every((r) => r.status === 'fulfilled');
    res.status(ready ? 200 : 503).json({ service, ready, dependencies });
  });
}

export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

export function shutdownGraceMs(env: NodeJS.ProcessEnv = process.env): number {
  const ms = Number(env.SHUTDOWN_GRACE_MS);
  return Number.isFinite(ms) && ms > 0 ? ms : DEFAULT_SHUTDOWN_GRACE_MS;
}

/**
 * Stops accepting connections, lets requests in flight finish (idle keep-alive connections are
 * closed at once), and after graceMs closes whatever is still open. Resolves when the server is closed.
 */
export function closeServer(server: AnyServer, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => server.closeAllConnections(), graceMs);
    // A keep-alive connection becomes idle when its last request finishes: close it then, not at the bound.
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      clearInterval(idle);
      resolve();
    });
    server.closeIdleConnections();
  });
}
