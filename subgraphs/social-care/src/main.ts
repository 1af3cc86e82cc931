import { runSubgraph } from '@shareforyou/kit';
import { socialCareModels } from './models';
import { socialCareFeed } from './feed';
import { socialCareResolvers } from './resolvers';

runSubgraph({
  name: 'social-care',
  holdsPatientSlices: true,
  models: socialCareModels,
  resolvers: socialCareResolvers,
  feed: socialCareFeed,
});
