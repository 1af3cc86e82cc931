import { runSubgraph } from '@shareforyou/kit';
import { gpModels } from './models';
import { gpFeed } from './feed';
import { gpResolvers } from './resolvers';

runSubgraph({
  name: 'gp',
  holdsPatientSlices: true,
  models: gpModels,
  resolvers: gpResolvers,
  feed: gpFeed,
});
