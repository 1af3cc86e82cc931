import { activeFirst, newestFirst, panelList, type SubgraphContext } from '@shareforyou/kit';
import { socialCarePanels } from './panels';

type Patient = { nhsNumber: string };

const cases = panelList(socialCarePanels.cases, activeFirst('status', 'active', newestFirst('start')));
/** Active alerts first: a newer closed alert must not hide an open one. */
const safeguardingAlerts = panelList(socialCarePanels.safeguardingAlerts, activeFirst('status', 'active', newestFirst('raised')));

export const socialCareResolvers = {
  Patient: {
    allocatedWorker: async (parent: Patient, args: unknown, context: SubgraphContext) => {
      const open = (await cases(parent, args, context)).find((c) => c.status === 'active' && c.worker);
      return open
        ? { id: open.id, name: open.worker, role: open.workerRole, team: open.team, phone: null, since: open.start, caseType: open.caseType, provenance: open.provenance }
        : null;
    },
    carePackages: panelList(socialCarePanels.carePackages, activeFirst('status', 'active', newestFirst('start'))),
    socialCareAssessments: panelList(socialCarePanels.assessments, newestFirst('date')),
    carers: panelList(socialCarePanels.carers, activeFirst('active', true)),
    safeguardingAlert: async (parent: Patient, args: unknown, context: SubgraphContext) => (await safeguardingAlerts(parent, args, context))[0] ?? null,
  },
};
