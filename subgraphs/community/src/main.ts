import { runSubgraph } from '@shareforyou/kit';
import { communityModels } from './models';
import { communityFeed } from './feed';
import { communityResolvers } from './resolvers';

runSubgraph({
  name: 'community',
  holdsPatientSlices: true,
  models: communityModels,
  resolvers: communityResolvers,
  feed: communityFeed,
});
