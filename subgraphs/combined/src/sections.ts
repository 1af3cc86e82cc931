import { closeInTime, disagreementOf, mergeSameFacts, periodsOverlap, sameDay, withinAYear, type Concept, type SectionRule, type SourceItem } from './merge';
import { instantOf } from '@shareforyou/kit/src/slice/panels';
import { readableDate } from '@shareforyou/kit/src/readableDate';
import { CURRENT_MEDICINE_STATUSES } from '@shareforyou/kit/src/catalogue/medicineCourses';
import { sourceOfField } from './sourceFields';

/**
 * The combined record's sections (International Patient Summary headings), each from the
 * per-organisation fields the gateway fetched for it: which fields feed it, when two items are the
 * same fact, and what each item says of its status. A field that came back null (its source did not
 * answer, or the user may not see it) is named in `notRead`, never read as nothing recorded.
 */

type Parent = Record<string, unknown>;
type Item = SourceItem & Record<string, any>;

export interface SourceNotRead {
  source: string;
  field: string;
  reason: string;
}

const NOT_READ = 'missing from this answer: the source did not answer, or this user may not see it (this answer’s errors say which)';

function gather(parent: Parent, fields: readonly string[]): { items: Item[]; notRead: SourceNotRead[] } {
  const items: Item[] = [];
  const notRead: SourceNotRead[] = [];
  for (const field of fields) {
    const value = parent[field];
    if (Array.isArray(value)) items.push(...(value as Item[]));
    else notRead.push({ source: sourceOfField(field), field, reason: NOT_READ });
  }
  return { items, notRead };
}

const concept = (field: string) => (item: Item) => item[field] as Concept | null;

// --- allergies

export const ALLERGY_FIELDS = ['allergies', 'hospitalAllergies', 'mentalHealthAllergies', 'communityAllergies', 'socialCareAllergies'] as const;
export const NO_KNOWN_ALLERGY_FIELDS = ['noKnownAllergies', 'hospitalNoKnownAllergies', 'mentalHealthNoKnownAllergies', 'communityNoKnownAllergies', 'socialCareNoKnownAllergies'] as const;

/** An allergy is the same allergy whenever it is recorded: it is a propensity, not an event. */
export const allergyRule: SectionRule<Item> = {
  conceptOf: concept('code'),
  sameTime: () => true,
  statusOf: (a) => (a.verificationStatus === 'refuted' ? 'refuted' : (a.clinicalStatus ?? 'no clinical status')),
  dateOf: (a) => a.recordedDate ?? a.provenance.lastUpdated,
};

const CRITICALITY = ['low', 'unable_to_assess', 'high'];

/** Which current allergies a no-known-allergies statement of this scope contradicts (no category: any scope). */
const contradicts = (scope: string, allergy: Item) => scope === 'all' || !(allergy.category as string[] | undefined)?.length || (allergy.category as string[]).includes(scope);

const conceptName = (c: Concept | null | undefined, unnamed = 'an allergy') => c?.text ?? c?.display ?? c?.code ?? unnamed;

export function noKnownAllergyConflicts(statements: Item[], allergies: Item[]): string[] {
  return nothingKnownConflicts(statements, allergies, {
    statement: (s) => conceptName(s.code as Concept),
    item: 'a current allergy',
    nameOf: (a) => a.code as Concept,
    unnamed: 'an allergy',
    contradicts: (s, a) => contradicts(String(s.scope), a),
  });
}

export function combinedAllergies(parent: Parent) {
  const allergies = gather(parent, ALLERGY_FIELDS);
  const statements = gather(parent, NO_KNOWN_ALLERGY_FIELDS);
  const items = mergeSameFacts(allergies.items, allergyRule).map((m) => ({
    ...m,
    code: m.sources[0].code,
    criticality: m.sources.map((s) => s.criticality).filter(Boolean).sort((a, b) => CRITICALITY.indexOf(b) - CRITICALITY.indexOf(a))[0] ?? null,
  }));
  return {
    items,
    noKnownAllergies: statements.items,
    conflicts: noKnownAllergyConflicts(statements.items, allergies.items),
    notRead: [...allergies.notRead, ...statements.notRead],
  };
}

// --- "nothing known" statements beside problems and medicines (a List empty because nothing is known)

/**
 * Each current statement that nothing of a kind is known ("no known problems", "no current
 * medications") that a current item of the section contradicts, said in words naming who says
 * what: a statement is never shown beside a current item without the conflict being said (H124).
 */
export function nothingKnownConflicts(
  statements: Item[],
  items: Item[],
  words: {
    /** What the statement says, in its words: fixed, or read from the statement (a no-known-allergy code). */
    statement: string | ((statement: Item) => string);
    item: string;
    nameOf: (item: Item) => Concept | null | undefined;
    unnamed?: string;
    /** Which current items a statement contradicts (a scoped no-known-allergies: those of its scope); default all. */
    contradicts?: (statement: Item, item: Item) => boolean;
  },
): string[] {
  return statements
    .filter((s) => s.current)
    .flatMap((statement) => {
      const contradicted = items.filter((i) => i.current && (words.contradicts?.(statement, i) ?? true));
      if (!contradicted.length) return [];
      const when = statement.recordedDate ? ` (${readableDate(statement.recordedDate as string)})` : '';
      const says = typeof words.statement === 'string' ? words.statement : words.statement(statement);
      const listed = contradicted.map((i) => `${conceptName(words.nameOf(i), words.unnamed ?? 'an unnamed item')} at ${i.provenance.organisationName}`).join('; ');
      return [`${statement.provenance.organisationName} records “${says}”${when}, but ${words.item} is recorded: ${listed}`];
    });
}

// --- problems

export const PROBLEM_FIELDS = ['problems', 'hospitalDiagnoses', 'mentalHealthDiagnoses', 'communityDiagnoses', 'socialCareDiagnoses'] as const;
export const NO_KNOWN_PROBLEM_FIELDS = ['noKnownProblems', 'hospitalNoKnownProblems', 'mentalHealthNoKnownProblems', 'communityNoKnownProblems', 'socialCareNoKnownProblems'] as const;

/** The same condition: the same code, begun within a year of each other (or either not dated). */
export const problemRule: SectionRule<Item> = {
  conceptOf: concept('code'),
  sameTime: (a, b) => withinAYear(a.onsetDate, b.onsetDate),
  statusOf: (p) => (p.verificationStatus === 'refuted' ? 'refuted' : (p.clinicalStatus ?? 'no clinical status')),
  dateOf: (p) => p.onsetDate ?? p.recordedDate,
};

/** Problems from every source, the same condition merged; every source's "no known problems" statement apart, its conflicts said. */
export function combinedProblems(parent: Parent) {
  const problems = gather(parent, PROBLEM_FIELDS);
  const statements = gather(parent, NO_KNOWN_PROBLEM_FIELDS);
  return {
    items: mergeSameFacts(problems.items, problemRule).map((m) => ({ ...m, code: m.sources[0].code })),
    noKnownProblems: statements.items,
    conflicts: nothingKnownConflicts(statements.items, problems.items, { statement: 'No known problems', item: 'a current problem', nameOf: (p) => p.code }),
    notRead: [...problems.notRead, ...statements.notRead],
  };
}

// --- medications

export const MEDICATION_FIELDS = ['medications', 'hospitalPrescriptions', 'mentalHealthMedications', 'communityMedications', 'socialCareMedications'] as const;
export const NO_CURRENT_MEDICATION_FIELDS = ['noCurrentMedications', 'hospitalNoCurrentMedications', 'mentalHealthNoCurrentMedications', 'communityNoCurrentMedications', 'socialCareNoCurrentMedications'] as const;

/**
 * One source's course of a medicine as one voice: a statement and the prescription it is based on
 * (sameMedicineAs, paired by the source's slice: kit medicineCourses) speak through the entry that
 * decided it: a current one when the course is current, else one whose own status is not current
 * (the stopped statement, not the overruled "active" prescription). Unpaired items speak for themselves.
 */
export function courseVoices(sources: Item[]): Item[] {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const voices: Item[] = [];
  for (const source of sources) {
    if (seen.has(source.id)) continue;
    const course = [source, ...((source.sameMedicineAs as string[] | undefined) ?? []).map((id) => byId.get(id)).filter((s): s is Item => Boolean(s))];
    course.forEach((s) => seen.add(s.id));
    const current = course.some((s) => s.current);
    voices.push(course.find((s) => (current ? s.current : !CURRENT_MEDICINE_STATUSES.has(String(s.status)))) ?? source);
  }
  return voices;
}

/**
 * The same medicine over overlapping time: a discharge prescription and the GP's repeat. A statement
 * and the prescription it is based on (one source, sameMedicineAs) are one medicine whatever their
 * periods; their disagreement is the source's own words (courseDisagreement), beside any between sources.
 */
export const medicationRule: SectionRule<Item> = {
  conceptOf: concept('medication'),
  sameTime: (a, b) => periodsOverlap({ start: a.startDate, end: a.endDate }, { start: b.startDate, end: b.endDate }),
  statusOf: (m) => (m.status === 'active' && !m.current ? 'active at the source, but its period has ended' : String(m.status)),
  dateOf: (m) => m.startDate,
  linked: (m) => (m.sameMedicineAs as string[] | undefined) ?? [],
  disagreement: (sources) => {
    const between = disagreementOf(courseVoices(sources), medicationRule);
    const within = [...new Set(sources.map((s) => s.courseDisagreement as string | null | undefined).filter((d): d is string => Boolean(d)))];
    return [between, ...within].filter(Boolean).join('. ') || null;
  },
};

/** Medicines from every source, the same medicine over the same time merged; every source's "no current medications" statement apart, its conflicts said. */
export function combinedMedications(parent: Parent) {
  const medicines = gather(parent, MEDICATION_FIELDS);
  const statements = gather(parent, NO_CURRENT_MEDICATION_FIELDS);
  return {
    items: mergeSameFacts(medicines.items, medicationRule).map((m) => ({ ...m, medication: m.sources[0].medication })),
    noCurrentMedications: statements.items,
    conflicts: nothingKnownConflicts(statements.items, medicines.items, { statement: 'No current medications', item: 'a current medicine', nameOf: (m) => m.medication }),
    notRead: [...medicines.notRead, ...statements.notRead],
  };
}

// --- procedures

export const PROCEDURE_FIELDS = ['procedures', 'hospitalProcedures', 'mentalHealthProcedures', 'communityProcedures'] as const;

/** The same procedure on the same day (a hospital's operation the GP also records). */
export const procedureRule: SectionRule<Item> = {
  conceptOf: concept('code'),
  sameTime: (a, b) => sameDay(a.performedDate, b.performedDate),
  statusOf: (p) => String(p.status),
  dateOf: (p) => p.performedDate ?? p.provenance.lastUpdated,
};

// --- immunisations

export const IMMUNISATION_FIELDS = ['immunisations', 'hospitalImmunisations', 'mentalHealthImmunisations', 'communityImmunisations', 'socialCareImmunisations'] as const;

/** The same dose: the same vaccine on the same day. "Current" here means given (completed), so a dose not given is never shown as given. */
export const immunisationRule: SectionRule<Item> = {
  conceptOf: concept('vaccine'),
  sameTime: (a, b) => sameDay(a.date ?? a.occurrence?.start, b.date ?? b.occurrence?.start),
  statusOf: (i) => (i.status === 'not_done' || i.status === 'not-done' ? 'not done' : String(i.status)),
  dateOf: (i) => i.date ?? i.occurrence?.start,
};

/** Immunisations carry no `current`: given (completed) stands in for it. */
export const asGiven = (items: Item[]): Item[] => items.map((i) => ({ ...i, current: i.status === 'completed' }));

/** Every source's immunisations, each dose `current` when given (every source alike: a dose not given is never shown as given). */
export function combinedImmunisations(parent: Parent) {
  const given = Object.fromEntries(IMMUNISATION_FIELDS.map((field) => [field, Array.isArray(parent[field]) ? asGiven(parent[field] as Item[]) : parent[field]]));
  return combinedSection({ ...parent, ...given }, IMMUNISATION_FIELDS, immunisationRule, undefined, 'vaccine');
}

// --- referrals, care plans, alerts, family history, devices, advance directives

export const REFERRAL_FIELDS = ['referrals', 'hospitalReferrals', 'mentalHealthReferrals', 'communityReferrals'] as const;
export const CARE_PLAN_FIELDS = ['carePlans', 'hospitalCarePlans', 'mentalHealthCarePlans', 'communityCarePlans'] as const;
export const ALERT_FIELDS = ['alerts', 'hospitalAlerts', 'mentalHealthAlerts', 'communityAlerts', 'socialCareAlerts'] as const;
export const SAFEGUARDING_ALERT_FIELDS = ['gpSafeguardingAlerts', 'hospitalSafeguardingAlerts', 'mentalHealthSafeguardingAlerts', 'communitySafeguardingAlerts', 'safeguardingAlerts'] as const;
/**
 * Alerts coded as a mental-health risk (risk of suicide, of violence to others: clinical-codes.yaml
 * `mentalHealthRisk`) that any source raised: the GP, the hospital, the mental health trust (its
 * risk-coded flags, H173), community services and the council (H174). The trust's risk assessments
 * are its risk summary (`riskSummaries`, another type), shown beside this section.
 */
export const RISK_ALERT_FIELDS = ['gpRiskAlerts', 'hospitalRiskAlerts', 'mentalHealthRiskAlerts', 'communityRiskAlerts', 'socialCareRiskAlerts'] as const;
export const FAMILY_HISTORY_FIELDS = ['familyHistory', 'hospitalFamilyHistory', 'mentalHealthFamilyHistory', 'communityFamilyHistory'] as const;
export const DEVICE_FIELDS = ['medicalDevices', 'hospitalMedicalDevices', 'mentalHealthMedicalDevices', 'communityMedicalDevices', 'socialCareEquipment'] as const;
export const ADVANCE_DIRECTIVE_FIELDS = ['advanceDecisions', 'hospitalAdvanceDecisions', 'mentalHealthAdvanceDecisions', 'communityAdvanceDecisions', 'socialCareAdvanceDecisions'] as const;

const status = (item: Item) => String(item.status);

/** The same request: the same code, written on the same day (a referral the hospital copied back to the GP). */
export const referralRule: SectionRule<Item> = { conceptOf: concept('code'), sameTime: (a, b) => sameDay(a.authoredOn, b.authoredOn), statusOf: status, dateOf: (r) => r.authoredOn ?? r.provenance.lastUpdated };

/**
 * The same alert: the same code over overlapping time. A flag the source left active past its
 * period's end is not in force, and says so when compared (as a medicine's does), so one source's
 * ended alert beside another's in force is a disagreement said, never two "active"s.
 */
export const alertRule: SectionRule<Item> = {
  conceptOf: concept('code'),
  sameTime: (a, b) => periodsOverlap({ start: a.start, end: a.end }, { start: b.start, end: b.end }),
  statusOf: (a) => (a.status === 'active' && !a.current ? 'active at the source, but its period has ended' : status(a)),
  dateOf: (a) => a.start ?? a.provenance.lastUpdated,
};

/** Mental-health risk alerts from every source that raises them, merged as alerts are: the same code over overlapping time is one, each source with its status; in force first (H170). */
export const combinedRiskAlerts = (parent: Parent) => combinedSection(parent, RISK_ALERT_FIELDS, alertRule);

/** Care plans, family members and advance decisions are never merged: two plans with one category are two plans. */
const neverMerged = (dateField: string): SectionRule<Item> => ({ conceptOf: () => null, sameTime: () => false, statusOf: status, dateOf: (i) => i[dateField] ?? i.provenance.lastUpdated });
export const carePlanRule = neverMerged('start');
export const familyHistoryRule = neverMerged('recordedDate');
export const advanceDirectiveRule = neverMerged('dateTime');

/** The same device over overlapping time of use. */
export const deviceRule: SectionRule<Item> = {
  conceptOf: concept('device'),
  sameTime: (a, b) => periodsOverlap({ start: a.timing?.start, end: a.timing?.end }, { start: b.timing?.start, end: b.timing?.end }),
  statusOf: status,
  dateOf: (d) => d.timing?.start ?? d.recordedOn,
};

// --- observations: results, vital signs, social history

export const OBSERVATION_FIELDS = ['observations', 'testResults', 'mentalHealthObservations', 'communityObservations', 'socialCareObservations'] as const;

const MINUTE = 60_000;
const valueText = (o: Item) => [o.value, ...((o.components as Item[] | undefined) ?? []).map((c) => c.value?.text)].join('|');

/** The same observation: the same code, made within minutes, with the same value (two readings stay two). */
export const observationRule: SectionRule<Item> = {
  conceptOf: concept('code'),
  sameTime: (a, b) => closeInTime(a.effectiveDate ?? a.issued, b.effectiveDate ?? b.issued, 5 * MINUTE, false) && valueText(a) === valueText(b),
  statusOf: (o) => String(o.status),
  dateOf: (o) => o.effectiveDate ?? o.issued,
};

// --- reports of investigations (DiagnosticReport): the results section's reports

export const TEST_REPORT_FIELDS = ['gpTestReports', 'testReports'] as const;

/**
 * The same report: the same code, on a sample taken (or an investigation done) within minutes of
 * the other's: a hospital laboratory's report that the GP holds too. A repeat test is another
 * report; a report without a time is never merged. Its status at each source is said (a preliminary
 * copy beside a final report is a disagreement, never hidden).
 */
export const testReportRule: SectionRule<Item> = {
  conceptOf: concept('code'),
  sameTime: (a, b) => closeInTime(a.effectiveDate ?? a.issued, b.effectiveDate ?? b.issued, 5 * MINUTE, false),
  statusOf: status,
  dateOf: (r) => r.effectiveDate ?? r.issued ?? r.provenance.lastUpdated,
};

/** Reports from every source that sends them, merged as above; the item named as its first source names it. */
export const combinedTestReports = (parent: Parent) => {
  const section = combinedSection(parent, TEST_REPORT_FIELDS, testReportRule);
  return { ...section, items: section.items.map((item) => ({ ...item, name: item.sources[0].name })) };
};

export type ObservationSection = 'results' | 'vitalSigns' | 'socialHistory';

/** Which section an observation belongs to, by its FHIR category (vital-signs, social-history; the rest are results). */
export function observationSectionOf(item: Item): ObservationSection {
  const codes = ((item.categories as Concept[] | undefined) ?? []).flatMap((c) => [c.code, ...(c.coding ?? []).map((x) => x.code)]);
  if (codes.includes('vital-signs')) return 'vitalSigns';
  if (codes.includes('social-history')) return 'socialHistory';
  return 'results';
}

export function combinedSection(parent: Parent, fields: readonly string[], rule: SectionRule<Item>, keep: (item: Item) => boolean = () => true, conceptField = 'code') {
  const { items, notRead } = gather(parent, fields);
  return { items: mergeSameFacts(items.filter(keep), rule).map((m) => ({ ...m, [conceptField]: m.sources[0][conceptField] })), notRead };
}

// --- encounters: each one event at one organisation, never merged

export type EncounterKind = 'admission' | 'emergency' | 'hospital' | 'consultation' | 'communityVisit' | 'mentalHealthContact' | 'socialCareContact';

/** Which field holds which kind of encounter, and what that organisation's type calls its times, place and clinician. */
export const ENCOUNTER_SOURCES: Record<string, { kind: EncounterKind; label: string; start: string; end: string; place: string; clinician: string }> = {
  consultations: { kind: 'consultation', label: 'GP consultation', start: 'date', end: 'end', place: 'place', clinician: 'clinician' },
  admissions: { kind: 'admission', label: 'Hospital admission', start: 'admitted', end: 'discharged', place: 'ward', clinician: 'consultant' },
  aeAttendances: { kind: 'emergency', label: 'A&E attendance', start: 'arrival', end: 'departure', place: 'department', clinician: 'clinician' },
  otherEncounters: { kind: 'hospital', label: 'Hospital encounter', start: 'start', end: 'end', place: 'locations', clinician: 'participants' },
  communityVisits: { kind: 'communityVisit', label: 'Community visit', start: 'date', end: 'end', place: 'location', clinician: 'clinician' },
  mentalHealthAdmissions: { kind: 'admission', label: 'Mental health inpatient stay', start: 'admitted', end: 'discharged', place: 'ward', clinician: 'consultant' },
  mentalHealthContacts: { kind: 'mentalHealthContact', label: 'Mental health contact', start: 'start', end: 'end', place: 'locations', clinician: 'participants' },
  socialCareContacts: { kind: 'socialCareContact', label: 'Social care visit or contact', start: 'start', end: 'end', place: 'locations', clinician: 'participants' },
};
export const ENCOUNTER_FIELDS = Object.keys(ENCOUNTER_SOURCES);

const conceptWords = (c: Concept | null | undefined) => c?.text ?? c?.display ?? null;
const namedOnes = (list: unknown, field: string) => ((list as Item[] | undefined) ?? []).map((x) => x[field]).filter(Boolean).join(', ') || null;

/** One organisation's encounter in the combined section's words. */
export function encounterItemOf(field: string, item: Item) {
  const source = ENCOUNTER_SOURCES[field];
  const types = (Array.isArray(item.types) ? item.types : Array.isArray(item.type) ? item.type : [item.type].filter(Boolean)) as Concept[];
  const reasons = (item.reasons as Concept[] | undefined) ?? [item.reason, ...((item.otherReasons as Concept[] | undefined) ?? [])].filter(Boolean);
  return {
    id: item.id,
    kind: source.kind,
    description: conceptWords(types[0]) ?? source.label,
    status: item.status ?? null,
    current: Boolean(item.current),
    start: item[source.start] ?? null,
    end: item[source.end] ?? null,
    class: item.class ?? null,
    types,
    reasons,
    place: source.place === 'locations' ? namedOnes(item.locations, 'location') : (item[source.place] ?? null),
    clinician: source.clinician === 'participants' ? namedOnes(item.participants, 'individual') : (item[source.clinician] ?? null),
    provenance: item.provenance,
  };
}

/** Every source's encounters, under way first, then newest. */
export function combinedEncounters(parent: Parent) {
  const notRead: SourceNotRead[] = [];
  const items = ENCOUNTER_FIELDS.flatMap((field) => {
    const { items: found, notRead: missing } = gather(parent, [field]);
    notRead.push(...missing);
    return found.map((item) => encounterItemOf(field, item));
  });
  const when = (e: { start: unknown }) => instantOf(e.start);
  items.sort((a, b) => Number(b.current) - Number(a.current) || when(b) - when(a) || (a.id < b.id ? -1 : 1));
  return { items, notRead };
}

// --- documents: letters and summaries, never merged (two letters are two letters)

export const DOCUMENT_FIELDS = ['gpDocuments', 'dischargeSummaries', 'mentalHealthDocuments', 'communityDocuments', 'socialCareDocuments'] as const;
export const documentRule = neverMerged('date');

// --- medicines given: each dose one event at one organisation, never merged (two doses are two doses)

export const ADMINISTRATION_FIELDS = ['gpMedicationAdministrations', 'medicationAdministrations', 'mentalHealthMedicationAdministrations', 'communityMedicationAdministrations', 'socialCareMedicationAdministrations'] as const;
export const administrationRule = neverMerged('effective');

/** An administration carries no `current`: it is under way while being given (an infusion running); given or not given, it is past. */
export const asUnderWay = (items: Item[]): Item[] => items.map((i) => ({ ...i, current: i.status === 'in_progress' || i.status === 'in-progress' }));

/** Every source's medicines given (the GP's, the hospital's, the mental health trust's depot injections, community services', the council's home care), under way first, then newest. */
export function combinedMedicationAdministrations(parent: Parent) {
  const underWay = Object.fromEntries(ADMINISTRATION_FIELDS.map((field) => [field, Array.isArray(parent[field]) ? asUnderWay(parent[field] as Item[]) : parent[field]]));
  return combinedSection({ ...parent, ...underWay }, ADMINISTRATION_FIELDS, administrationRule, undefined, 'medication');
}

// --- appointments: each one booking at one organisation, never merged (two appointments are two)

export const APPOINTMENT_FIELDS = ['gpAppointments', 'outpatientAppointments', 'mentalHealthAppointments', 'communityAppointments', 'socialCareAppointments'] as const;
export const appointmentRule = neverMerged('start');
