import type { SubgraphContext } from './context';
import { nhsNumberArgument } from './nhsNumberInput';

/**
 * Patient.__resolveReference for every subgraph: validate the key, then the per-patient access
 * decision. A subgraph called directly enforces exactly what it enforces behind the gateway.
 */
export async function resolvePatientReference(reference: { nhsNumber: string }, context: SubgraphContext) {
  const nhsNumber = nhsNumberArgument(reference.nhsNumber);
  await context.access.require(nhsNumber);
  return { nhsNumber };
}
