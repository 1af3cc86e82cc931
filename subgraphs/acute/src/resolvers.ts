import { isObjectType, type GraphQLResolveInfo } from 'graphql';
import type { SubgraphContext } from '@shareforyou/kit/src/context';
import { sourceItemId } from '@shareforyou/kit/src/ingest/feedTarget';
import { isCurrent } from '@shareforyou/kit/src/ingest/fhirStatuses';
import { admissionList, alertList, allergyList, attendanceList, encounterList, carePlanList, medicineList, listStatementList, noKnownAllergyList, observationList, problemList, procedureList, referralList, reportNames, resultIdsOf } from '@shareforyou/kit/src/slice/catalogueLists';
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

type SectionEntry = { resourceType: string | null; sourceId: string | null; name: string | null };

/** A document's sections with each listed item's id in this record (the source ids carry no ODS code); older items get none. */
const sectionsWithEntries = (item: SliceItem) =>
  ((item.sections as Array<{ entries?: SectionEntry[] }> | undefined) ?? []).map((section) => ({
    ...section,
    entries: (section.entries ?? []).map((e) => ({ ...e, itemId: e.resourceType && e.sourceId ? sourceItemId(item.provenance, { resourceType: e.resourceType, sourceId: e.sourceId }) : null })),
  }));

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
    outpatientAppointments: panelList(acutePanels.outpatientAppointments, newestFirst('start'), (item) => ({
      current: isCurrent('appointment', item.status),
      specialties: item.specialty ? [item.specialty] : [],
      serviceTypes: [],
      reasons: [],
      participants: [],
      ...item,
    })),
    dischargeSummaries: panelList(acutePanels.dischargeSummaries, currentFirst(newestFirst('date')), (item) => ({
      current: item.status !== 'superseded',
      category: [],
      attachments: [],
      authors: [],
      ...item,
      sections: sectionsWithEntries(item),
    })),
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
    medicationAdministrations: panelList(acutePanels.medicationAdministrations, newestFirst('effective', 'effectiveEnd'), (item) => ({
      statusReasons: [],
      performers: [],
      reasons: [],
      notes: [],
      ...item,
    })),
  },
  // Resolved, not stored: the item ids of linked results (the source ids carry no ODS code).
  TestReport: { resultIds: resultIdsOf, results: (report: SliceItem) => report.linkedResults ?? [] },
};
