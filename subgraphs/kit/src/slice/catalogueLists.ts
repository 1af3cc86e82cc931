import { isObjectType, type GraphQLResolveInfo } from 'graphql';
import type { SubgraphContext } from '../context';
import { sourceItemId } from '../ingest/feedTarget';
import { isCurrent, periodEnded } from '../ingest/fhirStatuses';
import { activeFirst, currentFirst, newestFirst, panelList } from './panels';
import type { SliceItem } from './patientSlice';
import { faultOf } from './unreadableItems';
import { withMedicineCourses, type CourseEntry } from '../catalogue/medicineCourses';

/**
 * The list resolvers of the clinical catalogue's types (schema/catalogue.graphql), one per type,
 * for whichever slice holds them: Patient.<field> = allergyList(panels.allergies), ... Each fills
 * the fields items stored under an older shape lack, the safe way round, and orders current first.
 */

type PatientParent = { nhsNumber: string };

// Items stored before `current` was kept count as current: hiding an allergy is the hazard.
export const allergyList = (panel: string) =>
  panelList(panel, currentFirst(newestFirst('recordedDate')), (item) => ({ current: true, reactions: [], category: [], abatement: null, ...item }));

export const noKnownAllergyList = (panel: string) => panelList(panel, newestFirst('recordedDate', 'provenance.lastUpdated'));

/** A List's "nothing known" statements (no known problems, no current medications), newest first. */
export const listStatementList = (panel: string) => panelList(panel, newestFirst('recordedDate', 'provenance.lastUpdated'));

export const problemList = (panel: string) =>
  panelList(panel, currentFirst(newestFirst('onsetDate', 'recordedDate')), (item) => ({
    current: item.clinicalStatus === 'active' && item.verificationStatus !== 'refuted',
    category: [],
    bodySite: [],
    notes: [],
    asserter: null,
    ...item,
  }));

// --- Encounters placed as an admission or another encounter (Admission, HospitalEncounter): the
// hospital's and the mental health trust's. Items stored before a field was kept get it filled the
// safe way round; `current` from the status when they lack it.

const ENCOUNTER_LISTS = { type: [], locations: [], participants: [], class: null, hospitalisation: null };
const encounterItem = (item: SliceItem): SliceItem => ({ ...ENCOUNTER_LISTS, current: isCurrent('encounter', item.status), ...item });

/** Inpatient stays (Admission), most recent admission first. */
export const admissionList = (panel: string) => panelList(panel, newestFirst('admitted'), encounterItem);
/** A&E attendances (AeAttendance), most recent arrival first. */
export const attendanceList = (panel: string) => panelList(panel, newestFirst('arrival'), encounterItem);
/** Other encounters (HospitalEncounter: outpatient, clinic, home and virtual contacts), most recent first. */
export const encounterList = (panel: string) => panelList(panel, newestFirst('start'), encounterItem);

/** Immunisations, newest first; older items get their occurrence from their date. */
export const immunisationList = (panel: string) => panelList(panel, newestFirst('date'), (item) => ({ occurrence: { start: item.date ?? null }, ...item }));

export const procedureList = (panel: string) => panelList(panel, currentFirst(newestFirst('performedDate', 'provenance.lastUpdated')));

/**
 * A medicine is current while its status says so and its effective period has not ended: a
 * statement still "active" whose period ended years ago is history (H76). Decided at read time,
 * as the end passes without the source sending anything.
 */
export const medicineStillCurrent = (item: SliceItem, now = Date.now()): SliceItem => ({ ...item, current: Boolean(item.current) && !periodEnded(item.endDate, now) });

/**
 * A medicine's reasons with the Conditions it names only by reference ("Condition/<id>", sent to
 * the same organisation's record before) looked up among that organisation's problems: the
 * prescription then says what it is for instead of nothing.
 */
export function withHeldReasons(medicines: SliceItem[], conditions: SliceItem[]): SliceItem[] {
  const bySource = new Map(conditions.map((c) => [`${c.provenance.odsCode}/${c.provenance.sourceId}`, c.code]));
  return medicines.map((m) => {
    const held = ((m.heldReasonSourceIds as string[] | undefined) ?? []).map((id) => bySource.get(`${m.provenance.odsCode}/${id}`)).filter(Boolean);
    return held.length ? { ...m, reasons: [...((m.reasons as unknown[]) ?? []), ...held] } : m;
  });
}

/** A stored "Type/id" link as an item id of the same organisation's record (`<ODS code>/<Type>/<id>`). */
const sameSourceId = (item: SliceItem, ref: unknown) => (typeof ref === 'string' && ref ? `${item.provenance.odsCode}/${ref}` : null);

/**
 * A medicine as read: `current` read again for an ended period; its links (basedOn,
 * priorPrescription) as item ids; items stored before the links were kept have none.
 */
export const medicineItem = (item: SliceItem): SliceItem =>
  medicineStillCurrent({
    kind: 'statement',
    dosageInstructions: [],
    reasons: [],
    ...item,
    basedOn: ((item.basedOnRefs as string[] | undefined) ?? []).map((ref) => sameSourceId(item, ref)).filter(Boolean),
    priorPrescription: sameSourceId(item, item.priorPrescriptionRef),
    sameMedicineAs: [],
    courseDisagreement: null,
  });

/**
 * Medicines (statements and prescriptions), current first then newest started, `current` read again
 * for ended periods; reasons named by reference resolved against `conditionsPanel` of the same slice.
 * A statement and the prescription it is based on are one medicine (medicineCourses: H180-H182):
 * listed together, each naming the other, `current` the course's.
 */
export const medicineList = (panel: string, conditionsPanel?: string) => {
  const medicines = panelList(panel, currentFirst(newestFirst('startDate')), medicineItem);
  const conditions = conditionsPanel ? panelList(conditionsPanel) : null;
  return async (parent: PatientParent, args: unknown, context: SubgraphContext, info?: GraphQLResolveInfo) => {
    const [items, held] = await Promise.all([medicines(parent, args, context, info), conditions ? conditions(parent, args, context) : []]);
    // Current courses first (a course the newer word ended is history, all its entries), each course's entries together.
    const ordered = withMedicineCourses(items as unknown as CourseEntry[]) as unknown as SliceItem[];
    return conditions ? withHeldReasons(ordered, held) : ordered;
  };
};

const observationId = (item: SliceItem, sourceId: string) => sourceItemId(item.provenance, { resourceType: 'Observation', sourceId });
const conceptName = (c: unknown) => String((c as { text?: string; display?: string } | undefined)?.text ?? (c as { display?: string } | undefined)?.display ?? '');

/** The item ids of the results a result groups (Observation.hasMember); resolved, not stored. */
export const memberIdsOf = (item: SliceItem) => ((item.memberSourceIds as string[] | undefined) ?? []).map((s) => observationId(item, s));
/** The item ids of the results a report issued (DiagnosticReport.result). */
export const resultIdsOf = (report: SliceItem) => ((report.resultSourceIds as string[] | undefined) ?? []).map((s) => observationId(report, s));

/** The report (or panel result) each result was issued in, by item id. */
export function reportNames(items: SliceItem[], reportItems: SliceItem[] = []): Map<string, string> {
  const partOf = new Map<string, string>();
  for (const report of reportItems) for (const id of resultIdsOf(report)) partOf.set(id, String(report.name));
  for (const item of items) {
    for (const id of memberIdsOf(item)) if (!partOf.has(id)) partOf.set(id, conceptName(item.code));
  }
  return partOf;
}

const upgradeResult = (item: SliceItem): SliceItem => ({
  current: isCurrent('observation', item.status),
  categories: [],
  components: [],
  memberSourceIds: [],
  referenceRanges: [],
  interpretations: item.interpretation ? [item.interpretation] : [],
  performer: [],
  notes: [],
  codeIsFinding: false,
  ...item,
});

/** Results (Observations), current first then newest, each naming the report or panel it was issued in. */
export function observationList(panel: string, reports?: (parent: PatientParent, args: unknown, context: SubgraphContext) => Promise<SliceItem[]>) {
  const results = panelList(panel, currentFirst(newestFirst('effectiveDate', 'issued')), upgradeResult);
  return async (parent: PatientParent, args: unknown, context: SubgraphContext, info?: GraphQLResolveInfo): Promise<SliceItem[]> => {
    const [items, reportItems] = await Promise.all([results(parent, args, context, info), reports ? reports(parent, args, context) : []]);
    const partOf = reportNames(items, reportItems);
    for (const item of items) item.reportName = partOf.get(item.id) ?? null;
    return items;
  };
}

/** Type resolvers the catalogue's types need wherever they are served. */
export const catalogueResolvers = {
  TestResult: { memberIds: memberIdsOf },
};

// --- Referrals, alerts and care plans (ServiceRequest, Flag, CarePlan). `current` is read again at
// every read: a referral, alert or plan whose period has ended since it was written is history now.

/** Referrals and requests (ServiceRequest), open ones first, then newest written. */
export const referralList = (panel: string) =>
  panelList(panel, currentFirst(newestFirst('authoredOn', 'provenance.lastUpdated')), (item) => ({
    categories: [],
    reasons: [],
    performers: [],
    bodySite: [],
    notes: [],
    doNotPerform: false,
    ...item,
    current: isCurrent('request', item.status, item.end),
  }));

/**
 * Alerts (Flag), in force first, then newest raised. `earlierShape` reads items a slice stored under
 * its own names before it used the catalogue's Flag mapping (the council's raised/ended/raisedBy).
 */
export const alertList = (panel: string, earlierShape: (item: SliceItem) => SliceItem = (item) => item) =>
  panelList(panel, currentFirst(newestFirst('start', 'provenance.lastUpdated')), (stored) => {
    const item = earlierShape(stored);
    return { categories: [], ...item, current: isCurrent('flag', item.status, item.end) };
  });

const NO_ACTIVITY_DETAIL = { description: null, code: null, status: null, doNotPerform: null, scheduled: null, performers: [], location: null };

/**
 * A plan's activity as the catalogue's CarePlanActivity whatever shape it was stored in: a line of
 * text (the community slice's, before), or without the fields kept later (the mental health trust's).
 */
export const carePlanActivity = (activity: unknown) =>
  typeof activity === 'string' ? { ...NO_ACTIVITY_DETAIL, description: activity } : { ...NO_ACTIVITY_DETAIL, ...(activity as object) };

/**
 * Care plans (CarePlan), in force first, then newest begun. `earlierShape` reads items a slice stored
 * under its own names before it used the catalogue's CarePlan mapping.
 */
export const carePlanList = (panel: string, earlierShape: (item: SliceItem) => SliceItem = (item) => item) =>
  panelList(panel, currentFirst(newestFirst('start', 'provenance.lastUpdated')), (stored) => {
    const item = earlierShape(stored);
    return {
      categories: [],
      careTeams: [],
      addresses: [],
      notes: [],
      intent: null,
      created: null,
      author: null,
      ...item,
      activities: ((item.activities as unknown[] | undefined) ?? []).map(carePlanActivity),
      current: isCurrent('request', item.status, item.end),
    };
  });
// --- Issue #18 point 1: family history, medical devices, advance decisions

/** A relative's history, newest recorded first. Its own type and panel: never a problem of the patient's (H88). */
export const familyHistoryList = (panel: string) => panelList(panel, newestFirst('recordedDate', 'provenance.lastUpdated'));

/**
 * A device is in use while its status says so and its timing period has not ended; an advance
 * decision is in force while active and its provision period has not ended. Read again at every
 * read, as the end passes without the source sending anything (H89).
 */
export const stillInForce = (item: SliceItem, end: unknown, now = Date.now()): SliceItem => ({ ...item, current: Boolean(item.current) && !periodEnded(end, now) });

export const medicalDeviceList = (panel: string) =>
  panelList(panel, currentFirst(newestFirst('startDate', 'recordedOn')), (item) => stillInForce(item, item.endDate));

export const advanceDecisionList = (panel: string) =>
  panelList(panel, currentFirst(newestFirst('dateTime', 'provenance.lastUpdated')), (item) =>
    stillInForce(item, (item.provisionPeriod as { end?: string | null } | null)?.end),
  );

// --- Documents (DischargeSummary: letters, summaries, care plan documents; DocumentReference and
// Composition) and medicines given (MedicationAdministration), for whichever slice holds them.

type SectionEntry = { resourceType: string | null; sourceId: string | null; name: string | null };

/** A document's sections with each listed item's id in this record (the source ids carry no ODS code); older items get none. */
const sectionsWithEntries = (item: SliceItem) =>
  ((item.sections as Array<{ entries?: SectionEntry[] }> | undefined) ?? []).map((section) => ({
    ...section,
    entries: (section.entries ?? []).map((e) => ({ ...e, itemId: e.resourceType && e.sourceId ? sourceItemId(item.provenance, { resourceType: e.resourceType, sourceId: e.sourceId }) : null })),
  }));

/** Documents, current (not superseded) first, then newest. */
export const documentList = (panel: string) =>
  panelList(panel, currentFirst(newestFirst('date')), (item) => ({
    current: item.status !== 'superseded',
    category: [],
    attachments: [],
    authors: [],
    ...item,
    sections: sectionsWithEntries(item),
  }));

/** Medicines given, or recorded as not given, newest first. */
export const administrationList = (panel: string) =>
  panelList(panel, newestFirst('effective', 'effectiveEnd'), (item) => ({
    statusReasons: [],
    performers: [],
    reasons: [],
    notes: [],
    ...item,
  }));

/** Appointments, latest date first; `current` from the status when an older item lacks it. */
export const appointmentList = (panel: string) =>
  panelList(panel, newestFirst('start'), (item) => ({
    current: isCurrent('appointment', item.status),
    specialties: item.specialty ? [item.specialty] : [],
    serviceTypes: [],
    reasons: [],
    participants: [],
    ...item,
  }));

// --- Reports (DiagnosticReport with the results issued in them), dispenses (MedicationDispense) and
// relatives and carers (RelatedPerson): the hospital's and the council's first, every kind's since
// issue #18 point 1.

const upgradeReport = (item: SliceItem): SliceItem => ({
  current: isCurrent('diagnosticReport', item.status),
  categories: [],
  performer: [],
  conclusionCodes: [],
  presentedForms: [],
  resultSourceIds: [],
  ...item,
});

/**
 * A slice's reports and its results, each result naming the report it was issued in: `results` is
 * the slice's Patient.<results field>, `reports` its Patient.<reports field>; each report carries the
 * results issued in it that this record holds (readable ones), in the report's order.
 */
export function reportsAndResults(reportsPanel: string, resultsPanel: string) {
  const reportItems = panelList(reportsPanel, currentFirst(newestFirst('effectiveDate', 'issued')), upgradeReport);
  const results = observationList(resultsPanel, reportItems);
  async function reports(parent: PatientParent, args: unknown, context: SubgraphContext, info?: GraphQLResolveInfo) {
    const [found, items] = await Promise.all([reportItems(parent, args, context, info), results(parent, args, context)]);
    const resultType = info?.schema.getType('TestResult');
    const partOf = reportNames(items, found);
    const byId = new Map(items.filter((i) => !isObjectType(resultType) || !faultOf(i, resultType, 'TestResult')).map((i) => [i.id, { ...i, reportName: partOf.get(i.id) ?? null }]));
    for (const report of found) report.linkedResults = resultIdsOf(report).map((id) => byId.get(id)).filter(Boolean);
    return found;
  }
  return { reports, results };
}

/** Resolved, not stored: the item ids of a report's linked results (the source ids carry no ODS code). */
export const testReportResolvers = { resultIds: resultIdsOf, results: (report: SliceItem) => report.linkedResults ?? [] };

/** Dispenses in effect first, then by when handed over (else prepared). */
export const dispenseList = (panel: string) =>
  panelList(panel, currentFirst(newestFirst('whenHandedOver', 'whenPrepared')), (item) => ({
    dosageInstructions: [],
    performers: [],
    prescriptions: [],
    notes: [],
    ...item,
  }));

/** Relatives, carers and next of kin (RelatedPerson), those the source still records first. */
export const relatedPersonList = (panel: string) => panelList(panel, activeFirst('active', true));
