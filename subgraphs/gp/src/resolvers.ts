import { currentFirst, newestFirst, panelList } from '@shareforyou/kit';
import { gpPanels } from './panels';

export const gpResolvers = {
  Patient: {
    medications: panelList(gpPanels.medications, currentFirst(newestFirst('startDate')), (item) => ({ kind: 'statement', dosageInstructions: [], reasons: [], ...item })),
    // Items stored before `current` was kept count as current: hiding an allergy is the hazard.
    allergies: panelList(gpPanels.allergies, currentFirst(newestFirst('recordedDate')), (item) => ({ current: true, reactions: [], category: [], ...item })),
    problems: panelList(gpPanels.problems, currentFirst(newestFirst('onsetDate')), (item) => ({
      current: item.clinicalStatus === 'active',
      category: [],
      bodySite: [],
      ...item,
    })),
    immunisations: panelList(gpPanels.immunisations, newestFirst('date'), (item) => ({ occurrence: { start: item.date ?? null }, ...item })),
    consultations: panelList(gpPanels.consultations, newestFirst('date')),
  },
};
