import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Process metrics, served on /metrics for the engineer on call and read by the benchmark. */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

export const databaseCommands = new Counter({
  name: 'shareforyou_db_commands_total',
  help: 'Database commands sent on the request path, by database, collection and command',
  labelNames: ['database', 'collection', 'command'] as const,
  registers: [metricsRegistry],
});

export const auditWrites = new Counter({
  name: 'shareforyou_audit_writes_total',
  help: 'Audit batches written (outcome ok or failed)',
  labelNames: ['outcome'] as const,
  registers: [metricsRegistry],
});

export const requestDuration = new Histogram({
  name: 'shareforyou_graphql_request_seconds',
  help: 'GraphQL request duration in this service',
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [metricsRegistry],
});
