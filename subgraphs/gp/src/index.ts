import { organisationSubgraph } from '@shareforyou/kit';
import { gpFeed } from './feed';
import { gpResolvers } from './resolvers';

export default organisationSubgraph({ name: 'gp', resolvers: gpResolvers, feed: gpFeed });
