import { newestFirst, panelList, resolvePatientReference, sourceFreshness, type SubgraphContext } from '@shareforyou/kit';
import { socialCarePanels } from './models';

type Patient = { nhsNumber: string };

const activeFirst = (field: string, activeValue: unknown) => (a: Record<string, unknown>, b: Record<string, unknown>) =>
  Number(b[field] === activeValue) - Number(a[field] === activeValue);

const cases = panelList(socialCarePanels.cases, (a, b) => activeFirst('status', 'active')(a, b) || newestFirst('start')(a, b));
/** Active alerts first: a newer closed alert must not hide an open one. */
const safeguardingAlerts = panelList(socialCarePanels.safeguardingAlerts, (a, b) => activeFirst('status', 'active')(a, b) || newestFirst('raised')(a, b));

export const socialCareResolvers = {
  Patient: {
    __resolveReference: resolvePatientReference,
    allocatedWorker: async (parent: Patient, args: unknown, context: SubgraphContext) => {
      const open = (await cases(parent, args, context)).find((c) => c.status === 'active' && c.worker);
      return open
        ? { id: open.id, name: open.worker, role: open.workerRole, team: open.team, phone: null, since: open.start, caseType: open.caseType, provenance: open.provenance }
        : null;
    },
    carePackages: panelList(socialCarePanels.carePackages, (a, b) => activeFirst('status', 'active')(a, b) || newestFirst('start')(a, b)),
    socialCareAssessments: panelList(socialCarePanels.assessments, newestFirst('date')),
    carers: panelList(socialCarePanels.carers, activeFirst('active', true)),
    safeguardingAlert: async (parent: Patient, args: unknown, context: SubgraphContext) => (await safeguardingAlerts(parent, args, context))[0] ?? null,
    socialCareSource: sourceFreshness('social-care'),
  },
};
