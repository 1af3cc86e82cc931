import { activeFirst, newestFirst, panelLatest, panelList, type SubgraphContext } from '@shareforyou/kit';
import { mentalHealthPanels } from './panels';

type Patient = { nhsNumber: string };

const episodes = panelList(mentalHealthPanels.episodes, activeFirst('status', 'active', newestFirst('start')));
const crisisPlans = panelList(mentalHealthPanels.crisisPlans, activeFirst('status', 'active', newestFirst('created')));

/** The latest active episode that records `field`: where the care coordinator and CPA status come from. */
async function currentEpisodeWith(field: string, parent: Patient, args: unknown, context: SubgraphContext) {
  return (await episodes(parent, args, context)).find((episode) => episode.status === 'active' && episode[field]) ?? null;
}

export const mentalHealthResolvers = {
  Patient: {
    careCoordinator: async (parent: Patient, args: unknown, context: SubgraphContext) => {
      const episode = await currentEpisodeWith('careCoordinator', parent, args, context);
      return episode && { id: episode.id, name: episode.careCoordinator, team: episode.team, phone: null, since: episode.start, provenance: episode.provenance };
    },
    careProgrammeStatus: async (parent: Patient, args: unknown, context: SubgraphContext) => {
      const episode = await currentEpisodeWith('cpaStatus', parent, args, context);
      return episode && { id: episode.id, status: episode.cpaStatus, since: episode.start, provenance: episode.provenance };
    },
    crisisPlan: async (parent: Patient, args: unknown, context: SubgraphContext) => (await crisisPlans(parent, args, context))[0] ?? null,
    mentalHealthEpisodes: episodes,
    riskSummary: panelLatest(mentalHealthPanels.riskSummaries, 'date'),
  },
};
