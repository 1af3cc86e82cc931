import { runSubgraph } from '@shareforyou/kit';
import { mentalHealthModels } from './models';
import { mentalHealthFeed } from './feed';
import { mentalHealthResolvers } from './resolvers';

runSubgraph({
  name: 'mental-health',
  holdsPatientSlices: true,
  models: mentalHealthModels,
  resolvers: mentalHealthResolvers,
  feed: mentalHealthFeed,
});
