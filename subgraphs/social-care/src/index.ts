import { organisationSubgraph } from '@shareforyou/kit';
import { socialCareFeed } from './feed';
import { socialCareResolvers } from './resolvers';

export default organisationSubgraph({ name: 'social-care', resolvers: socialCareResolvers, feed: socialCareFeed });
