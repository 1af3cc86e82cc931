import {
  administrationList,
  admissionList,
  advanceDecisionList,
  alertList,
  allergyList,
  appointmentList,
  attendanceList,
  carePlanList,
  dispenseList,
  documentList,
  encounterList,
  familyHistoryList,
  immunisationList,
  listStatementList,
  medicalDeviceList,
  medicineList,
  noKnownAllergyList,
  problemList,
  procedureList,
  referralList,
  relatedPersonList,
  reportsAndResults,
  testReportResolvers,
} from '@shareforyou/kit/src/slice/catalogueLists';
import { acutePanels } from './panels';


const { reports: testReports, results: testResults } = reportsAndResults(acutePanels.testReports, acutePanels.testResults);

export const acuteResolvers = {
  Patient: {
    admissions: admissionList(acutePanels.admissions),
    aeAttendances: attendanceList(acutePanels.aeAttendances),
    otherEncounters: encounterList(acutePanels.otherEncounters),
    outpatientAppointments: appointmentList(acutePanels.outpatientAppointments),
    dischargeSummaries: documentList(acutePanels.dischargeSummaries),
    testResults,
    testReports,
    // Dispenses in effect first, then by when handed over (else prepared); administrations newest first.
    medicationDispenses: dispenseList(acutePanels.medicationDispenses),
    hospitalDiagnoses: problemList(acutePanels.hospitalDiagnoses),
    hospitalAllergies: allergyList(acutePanels.hospitalAllergies),
    hospitalNoKnownAllergies: noKnownAllergyList(acutePanels.hospitalNoKnownAllergies),
    hospitalNoKnownProblems: listStatementList(acutePanels.hospitalNoKnownProblems),
    hospitalNoCurrentMedications: listStatementList(acutePanels.hospitalNoCurrentMedications),
    hospitalProcedures: procedureList(acutePanels.hospitalProcedures),
    hospitalPrescriptions: medicineList(acutePanels.hospitalPrescriptions, acutePanels.hospitalDiagnoses),
    hospitalReferrals: referralList(acutePanels.hospitalReferrals),
    hospitalCarePlans: carePlanList(acutePanels.hospitalCarePlans),
    hospitalAlerts: alertList(acutePanels.hospitalAlerts),
    hospitalSafeguardingAlerts: alertList(acutePanels.hospitalSafeguardingAlerts),
    hospitalRiskAlerts: alertList(acutePanels.hospitalRiskAlerts),
    medicationAdministrations: administrationList(acutePanels.medicationAdministrations),
    hospitalImmunisations: immunisationList(acutePanels.hospitalImmunisations),
    hospitalAdvanceDecisions: advanceDecisionList(acutePanels.hospitalAdvanceDecisions),
    hospitalMedicalDevices: medicalDeviceList(acutePanels.hospitalMedicalDevices),
    hospitalFamilyHistory: familyHistoryList(acutePanels.hospitalFamilyHistory),
    hospitalRelatedPeople: relatedPersonList(acutePanels.hospitalRelatedPeople),
  },
  // Resolved, not stored: the item ids of linked results (the source ids carry no ODS code).
  TestReport: testReportResolvers,
};
