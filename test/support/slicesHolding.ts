import type { SliceReader } from '../../subgraphs/kit/src/loaders';
import { freshnessOf } from '../../subgraphs/kit/src/slice/freshness';

/** A request's slice reads, answered from panels held in memory: for unit tests of resolvers, without a database. */
export function slicesHolding(panels: Record<string, unknown[]>): SliceReader {
  return {
    panel: async (_nhsNumber: string, panel: string) => structuredClone(panels[panel] ?? []),
    freshness: async () => freshnessOf(panels as never),
  } as unknown as SliceReader;
}
