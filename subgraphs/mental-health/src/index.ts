import { organisationSubgraph } from '@shareforyou/kit';
import { mentalHealthFeed } from './feed';
import { mentalHealthResolvers } from './resolvers';

export default organisationSubgraph({ name: 'mental-health', resolvers: mentalHealthResolvers, feed: mentalHealthFeed });
