import { activeFirst, newestFirst, panelList } from '@shareforyou/kit';
import { communityPanels } from './panels';

export const communityResolvers = {
  Patient: {
    communityEpisodes: panelList(communityPanels.episodes, activeFirst('status', 'active', newestFirst('start'))),
    communityVisits: panelList(communityPanels.visits, newestFirst('date')),
    communityCarePlans: panelList(communityPanels.carePlans, activeFirst('status', 'active', newestFirst('start'))),
  },
};
