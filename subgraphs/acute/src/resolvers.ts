import { isObjectType, type GraphQLResolveInfo } from 'graphql';
import type { SubgraphContext } from '@shareforyou/kit/src/context';
import { isCurrent } from '@shareforyou/kit/src/ingest/fhirStatuses';
import { administrationList, admissionList, appointmentList, alertList, documentList, allergyList, attendanceList, encounterList, carePlanList, medicineList, listStatementList, noKnownAllergyList, observationList, problemList, procedureList, referralList, reportNames, resultIdsOf } from '@shareforyou/kit/src/slice/catalogueLists';
import { currentFirst, newestFirst, panelList } from '@shareforyou/kit/src/slice/panels';
import type { SliceItem } from '@shareforyou/kit/src/slice/patientSlice';
import { faultOf } from '@shareforyou/kit/src/slice/unreadableItems';
import { acutePanels } from './panels';


const upgradeReport = (item: SliceItem): SliceItem => ({
  current: isCurrent('diagnosticReport', item.status),
  categories: [],
  performer: [],
  conclusionCodes: [],
  presentedForms: [],
  resultSourceIds: [],
  ...item,
});

const reports = panelList(acutePanels.testReports, currentFirst(newestFirst('effectiveDate', 'issued')), upgradeReport);
const testResults = observationList(acutePanels.testResults, reports);

/** Reports, each with the results issued in it that this record holds (readable ones), in the report's order. */
async function testReports(parent: { nhsNumber: string }, args: unknown, context: SubgraphContext, info?: GraphQLResolveInfo) {
  const [reportItems, items] = await Promise.all([reports(parent, args, context, info), testResults(parent, args, context)]);
  const resultType = info?.schema.getType('TestResult');
  const partOf = reportNames(items, reportItems);
  const byId = new Map(items.filter((i) => !isObjectType(resultType) || !faultOf(i, resultType, 'TestResult')).map((i) => [i.id, { ...i, reportName: partOf.get(i.id) ?? null }]));
  for (const report of reportItems) report.linkedResults = resultIdsOf(report).map((id) => byId.get(id)).filter(Boolean);
  return reportItems;
}

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
    medicationDispenses: panelList(acutePanels.medicationDispenses, currentFirst(newestFirst('whenHandedOver', 'whenPrepared')), (item) => ({
      dosageInstructions: [],
      performers: [],
      prescriptions: [],
      notes: [],
      ...item,
    })),
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
  },
  // Resolved, not stored: the item ids of linked results (the source ids carry no ODS code).
  TestReport: { resultIds: resultIdsOf, results: (report: SliceItem) => report.linkedResults ?? [] },
};
