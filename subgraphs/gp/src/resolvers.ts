import { newestFirst, panelList } from '@shareforyou/kit';
import {
  administrationList,
  advanceDecisionList,
  appointmentList,
  alertList,
  allergyList,
  carePlanList,
  dispenseList,
  documentList,
  familyHistoryList,
  immunisationList,
  listStatementList,
  medicalDeviceList,
  medicineList,
  noKnownAllergyList,
  reportsAndResults,
  relatedPersonList,
  testReportResolvers,
  problemList,
  procedureList,
  referralList,
} from '@shareforyou/kit/src/slice/catalogueLists';
import { gpPanels } from './panels';

/** The practice's results, each naming the report it was issued in, and its reports with their results. */
const { reports, results } = reportsAndResults(gpPanels.testReports, gpPanels.observations);

export const gpResolvers = {
  Patient: {
    medications: medicineList(gpPanels.medications, gpPanels.problems),
    allergies: allergyList(gpPanels.allergies),
    noKnownAllergies: noKnownAllergyList(gpPanels.noKnownAllergies),
    noKnownProblems: listStatementList(gpPanels.noKnownProblems),
    noCurrentMedications: listStatementList(gpPanels.noCurrentMedications),
    problems: problemList(gpPanels.problems),
    procedures: procedureList(gpPanels.procedures),
    observations: results,
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
    gpAppointments: appointmentList(gpPanels.appointments),
    gpDocuments: documentList(gpPanels.documents),
    gpTestReports: reports,
    gpMedicationAdministrations: administrationList(gpPanels.medicationAdministrations),
    gpMedicationDispenses: dispenseList(gpPanels.medicationDispenses),
    gpRelatedPeople: relatedPersonList(gpPanels.relatedPeople),
  },
  TestReport: testReportResolvers,
};
