import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { SUPERGRAPH_PATH } from '@shareforyou/schema';
import { composeSupergraph } from '@shareforyou/schema/src/compose';
import { commandLine } from './commandLine';

commandLine('Usage: npm run compose\n  Composes schema/supergraph.graphql from the subgraphs\' SDL (commit it with the SDL change).');

try {
  writeFileSync(SUPERGRAPH_PATH, composeSupergraph());
  console.log(`Composed ${relative(process.cwd(), SUPERGRAPH_PATH)}. Commit it with the SDL change.`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
