import { newestFirst, panelList } from '@shareforyou/kit';
import {
  advanceDecisionList,
  allergyList,
  familyHistoryList,
  medicalDeviceList,
  medicineList,
  noKnownAllergyList,
  observationList,
  problemList,
  procedureList,
} from '@shareforyou/kit/src/slice/catalogueLists';
import { gpPanels } from './panels';

export const gpResolvers = {
  Patient: {
    medications: medicineList(gpPanels.medications),
    allergies: allergyList(gpPanels.allergies),
    noKnownAllergies: noKnownAllergyList(gpPanels.noKnownAllergies),
    problems: problemList(gpPanels.problems),
    procedures: procedureList(gpPanels.procedures),
    observations: observationList(gpPanels.observations),
    immunisations: panelList(gpPanels.immunisations, newestFirst('date'), (item) => ({ occurrence: { start: item.date ?? null }, ...item })),
    consultations: panelList(gpPanels.consultations, newestFirst('date')),
    familyHistory: familyHistoryList(gpPanels.familyHistory),
    medicalDevices: medicalDeviceList(gpPanels.medicalDevices),
    advanceDecisions: advanceDecisionList(gpPanels.advanceDecisions),
  },
};
