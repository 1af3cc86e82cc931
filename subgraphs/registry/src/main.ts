import { runSubgraph } from '@shareforyou/kit';
import { registryModels } from './models';
import { registryResolvers } from './resolvers';
import { registryFeedTarget } from './feed';

runSubgraph({
  name: 'registry',
  holdsPatientSlices: false,
  models: registryModels,
  resolvers: registryResolvers,
  feedTarget: registryFeedTarget,
});
