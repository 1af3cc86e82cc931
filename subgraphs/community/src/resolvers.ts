import { newestFirst, panelList, resolvePatientReference, sourceFreshness } from '@shareforyou/kit';
import { communityPanels } from './models';

const activeFirst = (field: string, activeValue: string) => (a: Record<string, unknown>, b: Record<string, unknown>) =>
  Number(b[field] === activeValue) - Number(a[field] === activeValue);

export const communityResolvers = {
  Patient: {
    __resolveReference: resolvePatientReference,
    communityEpisodes: panelList(communityPanels.episodes, (a, b) => activeFirst('status', 'active')(a, b) || newestFirst('start')(a, b)),
    communityVisits: panelList(communityPanels.visits, newestFirst('date')),
    communityCarePlans: panelList(communityPanels.carePlans, (a, b) => activeFirst('status', 'active')(a, b) || newestFirst('start')(a, b)),
    communitySource: sourceFreshness('community'),
  },
};
