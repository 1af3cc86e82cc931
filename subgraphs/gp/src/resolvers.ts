import { newestFirst, panelList, resolvePatientReference, sourceFreshness } from '@shareforyou/kit';
import { gpPanels } from './models';

const activeFirst = (field: string, activeValue: string) => (a: Record<string, unknown>, b: Record<string, unknown>) =>
  Number(b[field] === activeValue) - Number(a[field] === activeValue);

export const gpResolvers = {
  Patient: {
    __resolveReference: resolvePatientReference,
    medications: panelList(gpPanels.medications, (a, b) => Number(b.current) - Number(a.current) || newestFirst('startDate')(a, b)),
    allergies: panelList(gpPanels.allergies, newestFirst('recordedDate')),
    problems: panelList(gpPanels.problems, (a, b) => activeFirst('clinicalStatus', 'active')(a, b) || newestFirst('onsetDate')(a, b)),
    immunisations: panelList(gpPanels.immunisations, newestFirst('date')),
    consultations: panelList(gpPanels.consultations, newestFirst('date')),
    gpSource: sourceFreshness('gp'),
  },
};
