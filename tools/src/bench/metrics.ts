import { subgraphServices, subgraphPort } from '@shareforyou/schema';
import { counterDelta, parseCounter, total, type CounterSnapshot } from './stats';

/**
 * Reads every subgraph's GET /metrics: database commands on the request path
 * (shareforyou_db_commands_total, by database, collection and command) and audit batches written.
 */

export interface MetricsSnapshot {
  /** subgraph -> series "database|collection|command" -> count */
  dbCommands: Map<string, CounterSnapshot>;
  /** subgraph -> audit batches written ok */
  auditWrites: Map<string, number>;
}

export async function scrapeMetrics(env: NodeJS.ProcessEnv): Promise<MetricsSnapshot> {
  const dbCommands = new Map<string, CounterSnapshot>();
  const auditWrites = new Map<string, number>();
  await Promise.all(
    subgraphServices.map(async ({ name }) => {
      const response = await fetch(`http://127.0.0.1:${subgraphPort(name, env)}/metrics`, { signal: AbortSignal.timeout(10_000) });
      const text = await response.text();
      dbCommands.set(name, parseCounter(text, 'shareforyou_db_commands_total', ['database', 'collection', 'command']));
      auditWrites.set(name, total(parseCounter(text, 'shareforyou_audit_writes_total', ['outcome']), (s) => s === 'ok'));
    }),
  );
  return { dbCommands, auditWrites };
}

export interface MetricsDelta {
  /** subgraph -> commands during the window */
  commandsBySubgraph: Record<string, number>;
  /** "subgraph database.collection command" -> count, for the JSON report */
  commandsBySeries: Record<string, number>;
  totalCommands: number;
  auditBatches: number;
}

export function metricsDelta(before: MetricsSnapshot, after: MetricsSnapshot): MetricsDelta {
  const commandsBySubgraph: Record<string, number> = {};
  const commandsBySeries: Record<string, number> = {};
  let totalCommands = 0;
  let auditBatches = 0;
  for (const [subgraph, snapshot] of after.dbCommands) {
    const delta = counterDelta(before.dbCommands.get(subgraph) ?? new Map(), snapshot);
    commandsBySubgraph[subgraph] = total(delta);
    totalCommands += commandsBySubgraph[subgraph];
    for (const [series, count] of delta) {
      const [database, collection, command] = series.split('|');
      commandsBySeries[`${subgraph} ${database}.${collection} ${command}`] = count;
    }
    auditBatches += Math.max(0, (after.auditWrites.get(subgraph) ?? 0) - (before.auditWrites.get(subgraph) ?? 0));
  }
  return { commandsBySubgraph, commandsBySeries, totalCommands, auditBatches };
}
