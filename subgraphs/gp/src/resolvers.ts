import { newestFirst, panelList } from '@shareforyou/kit';
import {
  advanceDecisionList,
  alertList,
  allergyList,
  carePlanList,
  familyHistoryList,
  immunisationList,
  listStatementList,
  medicalDeviceList,
  medicineList,
  noKnownAllergyList,
  observationList,
  problemList,
  procedureList,
  referralList,
} from '@shareforyou/kit/src/slice/catalogueLists';
import { gpPanels } from './panels';

export const gpResolvers = {
  Patient: {
    medications: medicineList(gpPanels.medications, gpPanels.problems),
    allergies: allergyList(gpPanels.allergies),
    noKnownAllergies: noKnownAllergyList(gpPanels.noKnownAllergies),
    noKnownProblems: listStatementList(gpPanels.noKnownProblems),
    noCurrentMedications: listStatementList(gpPanels.noCurrentMedications),
    problems: problemList(gpPanels.problems),
    procedures: procedureList(gpPanels.procedures),
    observations: observationList(gpPanels.observations),
    immunisations: immunisationList(gpPanels.immunisations),
    consultations: panelList(gpPanels.consultations, newestFirst('date')),
    referrals: referralList(gpPanels.referrals),
    carePlans: carePlanList(gpPanels.carePlans),
    alerts: alertList(gpPanels.alerts),
    gpSafeguardingAlerts: alertList(gpPanels.safeguardingAlerts),
    gpRiskAlerts: alertList(gpPanels.riskAlerts),
    familyHistory: familyHistoryList(gpPanels.familyHistory),
    medicalDevices: medicalDeviceList(gpPanels.medicalDevices),
    advanceDecisions: advanceDecisionList(gpPanels.advanceDecisions),
  },
};
