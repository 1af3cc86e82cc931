import type { SubgraphDefinition } from '@shareforyou/kit';
import { registryFeedTarget } from './feed';
import { registryModels, type RegistryModels } from './models';
import { registryResolvers } from './resolvers';
import { backfillRestrictions, maintenanceModel } from './restrictionBackfill';

/** The registry: patient index, organisation register and access records; fed by its own writer. */
const registry: SubgraphDefinition<RegistryModels> = {
  name: 'registry',
  holdsPatientSlices: false,
  models: registryModels,
  resolvers: registryResolvers,
  feedTarget: registryFeedTarget,
  // Records kept before the restricted flag was get it from the index once (clinical safety H165).
  background: ({ models, databases, log }) => {
    let stopping = false;
    const pass = backfillRestrictions(models, maintenanceModel(databases.own), { stopping: () => stopping, log }).catch((error: Error) =>
      log(`restricted flag backfill stopped, the next start tries again: ${error.message}`),
    );
    return async () => {
      stopping = true;
      await pass;
    };
  },
};
export default registry;
