import { organisationSubgraph } from '@shareforyou/kit';
import { communityFeed } from './feed';
import { communityResolvers } from './resolvers';

export default organisationSubgraph({ name: 'community', resolvers: communityResolvers, feed: communityFeed });
