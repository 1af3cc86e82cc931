import { organisationSubgraph } from '@shareforyou/kit';
import { acuteFeed } from './feed';
import { acuteResolvers } from './resolvers';

export default organisationSubgraph({ name: 'acute', resolvers: acuteResolvers, feed: acuteFeed });
