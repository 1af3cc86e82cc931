import { isObjectType, type GraphQLResolveInfo } from 'graphql';
import type { SubgraphContext } from '@shareforyou/kit/src/context';
import { sourceItemId } from '@shareforyou/kit/src/ingest/feedTarget';
import { isCurrent } from '@shareforyou/kit/src/ingest/fhirStatuses';
import { currentFirst, newestFirst, panelList } from '@shareforyou/kit/src/slice/panels';
import type { SliceItem } from '@shareforyou/kit/src/slice/patientSlice';
import { faultOf } from '@shareforyou/kit/src/slice/unreadableItems';
import { acutePanels } from './panels';

// Items stored before a field was kept get it filled the safe way round (never stored in place).
const ENCOUNTER_LISTS = { type: [], locations: [], participants: [], class: null, hospitalisation: null };
const encounter = (item: SliceItem): SliceItem => ({ ...ENCOUNTER_LISTS, current: isCurrent('encounter', item.status), ...item });

const upgradeResult = (item: SliceItem): SliceItem => ({
  current: isCurrent('observation', item.status),
  categories: [],
  components: [],
  memberSourceIds: [],
  referenceRanges: [],
  interpretations: item.interpretation ? [item.interpretation] : [],
  performer: [],
  notes: [],
  ...item,
});
const upgradeReport = (item: SliceItem): SliceItem => ({
  current: isCurrent('diagnosticReport', item.status),
  categories: [],
  performer: [],
  conclusionCodes: [],
  presentedForms: [],
  resultSourceIds: [],
  ...item,
});

const results = panelList(acutePanels.testResults, currentFirst(newestFirst('effectiveDate', 'issued')), upgradeResult);
const reports = panelList(acutePanels.testReports, currentFirst(newestFirst('effectiveDate', 'issued')), upgradeReport);
const observationId = (item: SliceItem, sourceId: string) => sourceItemId(item.provenance, { resourceType: 'Observation', sourceId });

const conceptName = (c: unknown) => String((c as { text?: string; display?: string } | undefined)?.text ?? (c as { display?: string } | undefined)?.display ?? '');

/** The report (or panel) each result was issued in, by item id. */
function reportNames(items: SliceItem[], reportItems: SliceItem[]): Map<string, string> {
  const partOf = new Map<string, string>();
  for (const report of reportItems) for (const id of resultIdsOf(report)) partOf.set(id, String(report.name));
  for (const item of items) {
    for (const id of memberIdsOf(item)) if (!partOf.has(id)) partOf.set(id, conceptName(item.code));
  }
  return partOf;
}
const resultIdsOf = (report: SliceItem) => ((report.resultSourceIds as string[] | undefined) ?? []).map((s) => observationId(report, s));
const memberIdsOf = (item: SliceItem) => ((item.memberSourceIds as string[] | undefined) ?? []).map((s) => observationId(item, s));

async function testResults(parent: { nhsNumber: string }, args: unknown, context: SubgraphContext, info?: GraphQLResolveInfo) {
  const [items, reportItems] = await Promise.all([results(parent, args, context, info), reports(parent, args, context)]);
  const partOf = reportNames(items, reportItems);
  for (const item of items) item.reportName = partOf.get(item.id) ?? null;
  return items;
}

/** Reports, each with the results issued in it that this record holds (readable ones), in the report's order. */
async function testReports(parent: { nhsNumber: string }, args: unknown, context: SubgraphContext, info?: GraphQLResolveInfo) {
  const [reportItems, items] = await Promise.all([reports(parent, args, context, info), results(parent, args, context)]);
  const resultType = info?.schema.getType('TestResult');
  const partOf = reportNames(items, reportItems);
  const byId = new Map(items.filter((i) => !isObjectType(resultType) || !faultOf(i, resultType, 'TestResult')).map((i) => [i.id, { ...i, reportName: partOf.get(i.id) ?? null }]));
  for (const report of reportItems) report.linkedResults = resultIdsOf(report).map((id) => byId.get(id)).filter(Boolean);
  return reportItems;
}

export const acuteResolvers = {
  Patient: {
    admissions: panelList(acutePanels.admissions, newestFirst('admitted'), encounter),
    aeAttendances: panelList(acutePanels.aeAttendances, newestFirst('arrival'), encounter),
    otherEncounters: panelList(acutePanels.otherEncounters, newestFirst('start'), encounter),
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
      sections: [],
      attachments: [],
      authors: [],
      ...item,
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
    medicationAdministrations: panelList(acutePanels.medicationAdministrations, newestFirst('effective', 'effectiveEnd'), (item) => ({
      statusReasons: [],
      performers: [],
      reasons: [],
      notes: [],
      ...item,
    })),
  },
  // Resolved, not stored: the item ids of linked results (the source ids carry no ODS code).
  TestResult: { memberIds: memberIdsOf },
  TestReport: { resultIds: resultIdsOf, results: (report: SliceItem) => report.linkedResults ?? [] },
};
