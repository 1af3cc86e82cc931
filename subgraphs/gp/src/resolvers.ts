import { activeFirst, newestFirst, panelList } from '@shareforyou/kit';
import { gpPanels } from './panels';

export const gpResolvers = {
  Patient: {
    medications: panelList(gpPanels.medications, (a, b) => Number(b.current) - Number(a.current) || newestFirst('startDate')(a, b)),
    allergies: panelList(gpPanels.allergies, newestFirst('recordedDate')),
    problems: panelList(gpPanels.problems, activeFirst('clinicalStatus', 'active', newestFirst('onsetDate'))),
    immunisations: panelList(gpPanels.immunisations, newestFirst('date')),
    consultations: panelList(gpPanels.consultations, newestFirst('date')),
  },
};
