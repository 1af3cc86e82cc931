import type { SubgraphDefinition } from '@shareforyou/kit';
import { combinedResolvers } from './resolvers';

/**
 * The combined record: no database of its own and no feed. Each section is computed from the items
 * of every source, which the gateway fetches from the sources (each under its own field rules,
 * withheld data and audit) and passes here; this subgraph merges them and audits what it returns.
 */
const combined: SubgraphDefinition<Record<string, never>> = {
  name: 'combined',
  holdsPatientSlices: false,
  models: () => ({}),
  resolvers: combinedResolvers as never,
};

export default combined;
