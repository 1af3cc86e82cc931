import { runSubgraph } from '@shareforyou/kit';
import { acuteModels } from './models';
import { acuteFeed } from './feed';
import { acuteResolvers } from './resolvers';

runSubgraph({
  name: 'acute',
  holdsPatientSlices: true,
  models: acuteModels,
  resolvers: acuteResolvers,
  feed: acuteFeed,
});
