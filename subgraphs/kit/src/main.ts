import { findService } from '@shareforyou/schema';
import { runSubgraph, type SubgraphDefinition } from './server';

/**
 * The one entry point of every subgraph process: `main.ts <name>` runs the subgraph that the
 * package @shareforyou/subgraph-<name> (subgraphs/<name>/) exports, for a name on the service list.
 */

const name = process.argv[2] ?? process.env.SERVICE ?? '';
try {
  findService(name);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\nUsage: node --import tsx subgraphs/kit/src/main.ts <subgraph name>\n`);
  process.exit(2);
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const definition = (require(`@shareforyou/subgraph-${name}`) as { default: SubgraphDefinition<unknown> }).default;
runSubgraph(definition);
