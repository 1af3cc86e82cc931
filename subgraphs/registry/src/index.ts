import type { SubgraphDefinition } from '@shareforyou/kit';
import { registryFeedTarget } from './feed';
import { registryModels, type RegistryModels } from './models';
import { registryResolvers } from './resolvers';

/** The registry: patient index, organisation register and access records; fed by its own writer. */
const registry: SubgraphDefinition<RegistryModels> = {
  name: 'registry',
  holdsPatientSlices: false,
  models: registryModels,
  resolvers: registryResolvers,
  feedTarget: registryFeedTarget,
};
export default registry;
