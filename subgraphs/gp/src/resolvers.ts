import { newestFirst, panelList } from '@shareforyou/kit';
import { allergyList, immunisationList, medicineList, noKnownAllergyList, observationList, problemList, procedureList } from '@shareforyou/kit/src/slice/catalogueLists';
import { gpPanels } from './panels';

export const gpResolvers = {
  Patient: {
    medications: medicineList(gpPanels.medications, gpPanels.problems),
    allergies: allergyList(gpPanels.allergies),
    noKnownAllergies: noKnownAllergyList(gpPanels.noKnownAllergies),
    problems: problemList(gpPanels.problems),
    procedures: procedureList(gpPanels.procedures),
    observations: observationList(gpPanels.observations),
    immunisations: immunisationList(gpPanels.immunisations),
    consultations: panelList(gpPanels.consultations, newestFirst('date')),
  },
};
