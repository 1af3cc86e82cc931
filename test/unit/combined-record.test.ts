import { conceptKeys, mergeSameFacts } from '../../subgraphs/combined/src/merge';
import {
  alertRule,
  carePlanRule,
  combinedEncounters,
  combinedSection as combinedDocumentSection,
  DOCUMENT_FIELDS,
  documentRule,
  referralRule,
  allergyRule,
  asGiven,
  immunisationRule,
  combinedAllergies,
  combinedMedications,
  combinedProblems,
  combinedSection,
  MEDICATION_FIELDS,
  medicationRule,
  noKnownAllergyConflicts,
  nothingKnownConflicts,
  OBSERVATION_FIELDS,
  observationRule,
  observationSectionOf,
  PROBLEM_FIELDS,
  problemRule,
  PROCEDURE_FIELDS,
  procedureRule,
  combinedTestReports,
  testReportRule,
} from '../../subgraphs/combined/src/sections';

/**
 * The combined record's merge (issue #18.2), pure: the same fact from two sources is one item listing
 * both with their statuses; different codes, or the same code at another time, stay apart; a
 * disagreement is said, never hidden; a source not read is named, never taken for nothing recorded.
 */

const SNOMED = 'http://snomed.info/sct';
const DMD = 'https://dmd.nhs.uk';
const GP = { odsCode: 'P83005', organisationName: 'Bury Central Medical Practice', lastUpdated: '2026-01-01T00:00:00Z' };
const HOSPITAL = { odsCode: 'RM3', organisationName: 'Northern Care Alliance NHS Foundation Trust', lastUpdated: '2026-10-29T21:00:00Z' };
const MH = { odsCode: 'RT2', organisationName: 'Pennine Care NHS Foundation Trust', lastUpdated: '2026-02-01T00:00:00Z' };
const sct = (code: string, display: string) => ({ system: SNOMED, code, display, coding: [{ system: SNOMED, code, display }], text: null });

const penicillinGp = { id: 'P83005/AllergyIntolerance/1', code: sct('91936005', 'Allergy to penicillin'), clinicalStatus: 'active', verificationStatus: 'confirmed', current: true, criticality: 'low', category: ['medication'], recordedDate: '2019-12-10', provenance: GP };
const penicillinAe = { ...penicillinGp, id: 'RM3/AllergyIntolerance/9', criticality: 'high', recordedDate: '2026-10-29T21:00:00+00:00', provenance: HOSPITAL };
const latex = { ...penicillinGp, id: 'RM3/AllergyIntolerance/10', code: sct('300916003', 'Latex allergy'), category: ['environment'], provenance: HOSPITAL };

/** The mental health trust's and community services' allergy fields, answered empty (the tests below are about the GP and the hospital). */
const NO_OTHER_ALLERGIES = { mentalHealthAllergies: [], communityAllergies: [], socialCareAllergies: [], mentalHealthNoKnownAllergies: [], communityNoKnownAllergies: [], socialCareNoKnownAllergies: [] };

describe('allergies', () => {
  it('the same SNOMED CT code from the GP and from A&E is one allergy naming both sources, with the higher criticality', () => {
    const section = combinedAllergies({ allergies: [penicillinGp], hospitalAllergies: [penicillinAe, latex], noKnownAllergies: [], hospitalNoKnownAllergies: [], ...NO_OTHER_ALLERGIES });
    expect(section.items.map((i) => ({ code: i.code.code, sources: i.sources.map((s) => s.provenance.odsCode), criticality: i.criticality, disagreement: i.disagreement }))).toEqual([
      { code: '91936005', sources: ['P83005', 'RM3'], criticality: 'high', disagreement: null },
      { code: '300916003', sources: ['RM3'], criticality: 'low', disagreement: null },
    ]);
    expect(section.notRead).toEqual([]);
  });

  it('a code shared through a translation (any coding) is the same allergy', () => {
    const readCoded = { ...penicillinAe, code: { system: 'http://read.info/readv2', code: 'TJ00.', display: 'x', coding: [{ system: 'http://read.info/readv2', code: 'TJ00.' }, { system: SNOMED, code: '91936005' }], text: null } };
    expect(mergeSameFacts([penicillinGp, readCoded], allergyRule)).toHaveLength(1);
  });

  it('different codes stay apart, and text alone never merges', () => {
    const textOnly = (id: string, provenance = GP) => ({ ...penicillinGp, id, code: { system: 'text', code: '', display: 'penicillin', coding: [], text: 'penicillin' }, provenance });
    expect(conceptKeys(textOnly('a').code)).toEqual([]);
    expect(mergeSameFacts([textOnly('a'), textOnly('b', HOSPITAL)], allergyRule)).toHaveLength(2);
    expect(mergeSameFacts([penicillinGp, latex], allergyRule)).toHaveLength(2);
  });

  it('active at the GP and resolved at the hospital: one item, still current, that says who says what', () => {
    const resolved = { ...penicillinAe, clinicalStatus: 'resolved', current: false };
    const [item] = mergeSameFacts([penicillinGp, resolved], allergyRule);
    expect(item.current).toBe(true);
    expect(item.disagreement).toBe('Sources disagree: active at Bury Central Medical Practice; resolved at Northern Care Alliance NHS Foundation Trust');
    expect(item.sources).toHaveLength(2);
  });

  it('a refuted allergy disagrees with a confirmed one, by name', () => {
    const [item] = mergeSameFacts([penicillinGp, { ...penicillinAe, verificationStatus: 'refuted', current: false }], allergyRule);
    expect(item.disagreement).toMatch(/refuted at Northern Care Alliance/);
  });

  it('a no-known-drug-allergy statement beside a current drug allergy is a conflict said in words; a food one is not', () => {
    const nkda = { id: 'P83005/AllergyIntolerance/n', scope: 'medication', current: true, code: sct('409137002', 'No known drug allergy'), recordedDate: '2024-02-01', provenance: GP };
    const nkfa = { ...nkda, id: 'x', scope: 'food', code: sct('429625007', 'No known food allergy') };
    expect(noKnownAllergyConflicts([nkda, nkfa], [penicillinAe])).toEqual([
      'Bury Central Medical Practice records “No known drug allergy” (1 Feb 2024), but a current allergy is recorded: Allergy to penicillin at Northern Care Alliance NHS Foundation Trust',
    ]);
    expect(noKnownAllergyConflicts([nkda], [{ ...penicillinAe, current: false }])).toEqual([]);
  });

  it('a source not read (null, not an empty list) is named, never taken for no allergies', () => {
    const section = combinedAllergies({ allergies: [penicillinGp], hospitalAllergies: null, noKnownAllergies: [], hospitalNoKnownAllergies: null, ...NO_OTHER_ALLERGIES });
    expect(section.notRead.map((n) => [n.field, n.source])).toEqual([
      ['hospitalAllergies', 'Hospital trust'],
      ['hospitalNoKnownAllergies', 'Hospital trust'],
    ]);
    expect(section.items).toHaveLength(1);
  });
});

describe('problems', () => {
  const depression = { id: 'RT2/Condition/d', code: sct('35489007', 'Depressive disorder'), clinicalStatus: 'active', verificationStatus: 'confirmed', current: true, onsetDate: '2024-03', provenance: MH };
  it('the GP and the mental health trust recording the same diagnosis are one problem; refuted at one source is said', () => {
    const gp = { ...depression, id: 'P83005/Condition/d', onsetDate: '2024-04-02', provenance: GP };
    const refuted = { ...depression, id: 'RM3/Condition/r', verificationStatus: 'refuted', current: false, onsetDate: '2024-05', provenance: HOSPITAL };
    const section = combinedSection({ problems: [gp], hospitalDiagnoses: [refuted], mentalHealthDiagnoses: [depression], communityDiagnoses: [], socialCareDiagnoses: [] }, PROBLEM_FIELDS, problemRule);
    expect(section.items).toHaveLength(1);
    expect(section.items[0].disagreement).toBe('Sources disagree: active at Bury Central Medical Practice and Pennine Care NHS Foundation Trust; refuted at Northern Care Alliance NHS Foundation Trust');
  });
  it('the same code years apart (a second fracture) stays two problems', () => {
    const fracture = { ...depression, code: sct('5913000', 'Fracture of neck of femur'), onsetDate: '2015-06-01', provenance: HOSPITAL };
    expect(mergeSameFacts([fracture, { ...fracture, id: 'second', onsetDate: '2026-10-29' }], problemRule)).toHaveLength(2);
  });
});

const EMPTY_REASON = 'http://terminology.hl7.org/CodeSystem/list-empty-reason';
const nilKnown = { system: EMPTY_REASON, code: 'nilknown', display: 'Nil Known', coding: [{ system: EMPTY_REASON, code: 'nilknown', display: 'Nil Known' }], text: null };
/** A List's "nothing known" statement as a source serves it (NoKnownProblems, NoCurrentMedications). */
const statement = (id: string, list: ReturnType<typeof sct>, provenance = GP, extra: object = {}) => ({ id, code: nilKnown, list, title: null, current: true, recordedDate: '2025-10-07', provenance, ...extra });

describe('H124: "no known problems" and "no current medications" statements: apart, and a conflict said beside a current item', () => {
  const problemsList = sct('717711000000103', 'Problems');
  const medicationsList = sct('933361000000108', 'Medications and medical devices');
  const asthma = { id: 'RM3/Condition/a', code: sct('195967001', 'Asthma'), clinicalStatus: 'active', verificationStatus: 'confirmed', current: true, onsetDate: '2026-10-29', provenance: HOSPITAL };
  const salbutamol = { id: 'RM3/MedicationRequest/s', medication: { system: DMD, code: '39113611000001102', display: 'Salbutamol 100micrograms/dose inhaler', coding: [{ system: DMD, code: '39113611000001102' }], text: null }, status: 'active', current: true, startDate: '2026-10-29', endDate: null, provenance: HOSPITAL };

  it('a "no known problems" statement is apart from the problem items, never one of them; with no current problem there is no conflict', () => {
    const section = combinedProblems({ problems: [], hospitalDiagnoses: [{ ...asthma, clinicalStatus: 'resolved', current: false }], mentalHealthDiagnoses: [], communityDiagnoses: [], socialCareDiagnoses: [], noKnownProblems: [statement('P83005/List/p', problemsList)], hospitalNoKnownProblems: [], mentalHealthNoKnownProblems: [], communityNoKnownProblems: [], socialCareNoKnownProblems: [] });
    expect(section.items.map((i) => i.code.code)).toEqual(['195967001']);
    expect(section.noKnownProblems.map((s) => s.id)).toEqual(['P83005/List/p']);
    expect(section.conflicts).toEqual([]);
    expect(section.notRead).toEqual([]);
  });

  it('the GP says "no known problems" while the hospital holds a current diagnosis: the conflict is said in words, naming both', () => {
    const section = combinedProblems({ problems: [], hospitalDiagnoses: [asthma], mentalHealthDiagnoses: [], communityDiagnoses: [], socialCareDiagnoses: [], noKnownProblems: [statement('P83005/List/p', problemsList)], hospitalNoKnownProblems: [], mentalHealthNoKnownProblems: [], communityNoKnownProblems: [], socialCareNoKnownProblems: [] });
    expect(section.conflicts).toEqual(['Bury Central Medical Practice records “No known problems” (7 Oct 2025), but a current problem is recorded: Asthma at Northern Care Alliance NHS Foundation Trust']);
  });

  it('the GP says "no current medications" while the hospital prescribes: the conflict is said; a stopped medicine or a retired statement is none', () => {
    const parent = (meds: object[], statements: object[]) => ({ medications: [], hospitalPrescriptions: meds, mentalHealthMedications: [], communityMedications: [], socialCareMedications: [], noCurrentMedications: statements, hospitalNoCurrentMedications: [], mentalHealthNoCurrentMedications: [], communityNoCurrentMedications: [], socialCareNoCurrentMedications: [] });
    const said = combinedMedications(parent([salbutamol], [statement('P83005/List/m', medicationsList)]));
    expect(said.items.map((i) => i.medication.code)).toEqual(['39113611000001102']);
    expect(said.noCurrentMedications.map((s) => s.id)).toEqual(['P83005/List/m']);
    expect(said.conflicts).toEqual(['Bury Central Medical Practice records “No current medications” (7 Oct 2025), but a current medicine is recorded: Salbutamol 100micrograms/dose inhaler at Northern Care Alliance NHS Foundation Trust']);
    expect(combinedMedications(parent([{ ...salbutamol, status: 'stopped', current: false }], [statement('P83005/List/m', medicationsList)])).conflicts).toEqual([]);
    expect(combinedMedications(parent([salbutamol], [statement('P83005/List/m', medicationsList, GP, { current: false })])).conflicts).toEqual([]);
  });

  it('a source whose statements were not read is named, never read as no statement', () => {
    const section = combinedMedications({ medications: [], hospitalPrescriptions: [], mentalHealthMedications: [], communityMedications: [], socialCareMedications: [], noCurrentMedications: [], hospitalNoCurrentMedications: null, mentalHealthNoCurrentMedications: [], communityNoCurrentMedications: [], socialCareNoCurrentMedications: [] });
    expect(section.notRead.map((n) => [n.field, n.source])).toEqual([['hospitalNoCurrentMedications', 'Hospital trust']]);
  });

  it('the words: each current item named once, with its source', () => {
    expect(nothingKnownConflicts([statement('s', problemsList)], [asthma, { ...asthma, id: 'x', code: sct('38341003', 'Hypertension'), provenance: MH }], { statement: 'No known problems', item: 'a current problem', nameOf: (p) => p.code })).toEqual([
      'Bury Central Medical Practice records “No known problems” (7 Oct 2025), but a current problem is recorded: Asthma at Northern Care Alliance NHS Foundation Trust; Hypertension at Pennine Care NHS Foundation Trust',
    ]);
  });
});

describe('medications', () => {
  const warfarin = { id: 'P83005/MedicationRequest/w', medication: { system: DMD, code: '319733000', display: 'Warfarin 1mg tablets', coding: [{ system: DMD, code: '319733000' }], text: null }, status: 'active', current: true, startDate: '2025-01-10', endDate: null, provenance: GP };
  it("a hospital discharge prescription overlapping the GP's repeat is one medicine naming both", () => {
    const discharge = { ...warfarin, id: 'RM3/MedicationRequest/w', startDate: '2026-11-03', endDate: '2026-11-17', provenance: HOSPITAL };
    const section = combinedSection({ medications: [warfarin], hospitalPrescriptions: [discharge], mentalHealthMedications: [] }, MEDICATION_FIELDS, medicationRule, undefined, 'medication');
    expect(section.items).toHaveLength(1);
    expect(section.items[0]).toMatchObject({ medication: { code: '319733000' }, current: true, disagreement: null });
  });
  it('the same medicine in periods that do not overlap stays two (an old course is history)', () => {
    const old = { ...warfarin, id: 'old', status: 'completed', current: false, startDate: '2010-01-01', endDate: '2010-06-01' };
    expect(mergeSameFacts([warfarin, old], medicationRule)).toHaveLength(2);
  });
  it('active at the source but its period ended, beside a current one: said', () => {
    const ended = { ...warfarin, id: 'ended', current: false, startDate: '2024-01-01', endDate: '2025-06-01', provenance: HOSPITAL };
    expect(mergeSameFacts([warfarin, ended], medicationRule)[0].disagreement).toMatch(/active at the source, but its period has ended at Northern Care Alliance/);
  });
});

describe('procedures and observations', () => {
  it('the same procedure on the same day from two sources is one; on another day, two', () => {
    const repair = { id: 'RM3/Procedure/p', code: sct('265132005', 'Hip repair'), status: 'completed', current: false, performedDate: '2026-10-30T09:15:00+00:00', provenance: HOSPITAL };
    const gp = { ...repair, id: 'P83005/Procedure/p', performedDate: '2026-10-30', provenance: GP };
    expect(combinedSection({ procedures: [gp], hospitalProcedures: [repair] }, PROCEDURE_FIELDS, procedureRule).items).toHaveLength(1);
    expect(mergeSameFacts([repair, { ...gp, performedDate: '2026-11-02' }], procedureRule)).toHaveLength(2);
  });

  const vital = { code: sct('75367002', 'Blood pressure'), status: 'final', current: true, categories: [{ code: 'vital-signs' }], components: [{ value: { text: '148 mmHg' } }, { value: { text: '86 mmHg' } }] };
  it('two blood pressure readings at different times stay two; the same reading sent by two sources is one', () => {
    const a = { ...vital, id: 'a', value: null, effectiveDate: '2026-09-14T10:20:00+01:00', provenance: GP };
    const later = { ...a, id: 'b', effectiveDate: '2026-10-14T10:20:00+01:00' };
    const copy = { ...a, id: 'c', effectiveDate: '2026-09-14T09:20:00Z', provenance: HOSPITAL };
    expect(mergeSameFacts([a, later, copy], observationRule).map((m) => m.sources.map((s) => s.id))).toEqual([['b'], ['a', 'c']]);
  });
  it('readings at the same time with different values stay apart', () => {
    const a = { ...vital, id: 'a', value: null, effectiveDate: '2026-09-14T10:20:00Z', provenance: GP };
    const other = { ...a, id: 'b', components: [{ value: { text: '150 mmHg' } }, { value: { text: '90 mmHg' } }] };
    expect(mergeSameFacts([a, other], observationRule)).toHaveLength(2);
  });
  it('vital signs, social history and results are sections of their own, by FHIR category', () => {
    expect(observationSectionOf({ categories: [{ code: 'vital-signs' }] } as never)).toBe('vitalSigns');
    expect(observationSectionOf({ categories: [{ coding: [{ code: 'social-history' }] }] } as never)).toBe('socialHistory');
    expect(observationSectionOf({ categories: [{ code: 'laboratory' }] } as never)).toBe('results');
    expect(observationSectionOf({} as never)).toBe('results');
    const section = combinedSection({ observations: [{ ...vital, id: 'v', provenance: GP }], testResults: null, mentalHealthObservations: [], communityObservations: [], socialCareObservations: [] }, OBSERVATION_FIELDS, observationRule, (i) => observationSectionOf(i) === 'vitalSigns');
    expect(section.items).toHaveLength(1);
    expect(section.notRead.map((n) => n.field)).toEqual(['testResults']);
  });
});

describe('reports of investigations (DiagnosticReport)', () => {
  const LOINC = 'http://loinc.org';
  const fbc = { id: 'RM3/DiagnosticReport/fbc', code: { system: LOINC, code: '58410-2', display: 'CBC panel', coding: [{ system: LOINC, code: '58410-2', display: 'CBC panel' }], text: null }, name: 'Full blood count', status: 'final', current: true, effectiveDate: '2026-10-29T21:40:00+00:00', issued: '2026-10-29T23:05:00+00:00', conclusion: 'Haemoglobin low', results: [], provenance: HOSPITAL };
  const gpCopy = { ...fbc, id: 'P83005/DiagnosticReport/r1', name: 'FBC', status: 'preliminary', effectiveDate: '2026-10-29T21:40:00Z', provenance: GP };
  const xray = { ...fbc, id: 'RM3/DiagnosticReport/xr', code: sct('399208008', 'Plain chest X-ray'), name: 'Chest X-ray', conclusion: 'No fracture', effectiveDate: '2026-10-29T22:10:00+00:00' };

  it('the laboratory report the GP holds too is one item with both sources, the first source naming it, their statuses said apart', () => {
    const section = combinedTestReports({ gpTestReports: [gpCopy], testReports: [fbc, xray] });
    expect(section.items.map((i) => i.sources.map((s) => s.id)).sort()).toEqual([['P83005/DiagnosticReport/r1', 'RM3/DiagnosticReport/fbc'], ['RM3/DiagnosticReport/xr']].sort());
    const merged = section.items.find((i) => i.sources.length === 2)!;
    expect(merged.name).toBe(merged.sources[0].name);
    expect(merged.disagreement).toMatch(/preliminary/);
    expect(merged.disagreement).toMatch(/final/);
    expect(section.notRead).toEqual([]);
  });

  it('a repeat test the next day, or a report with no time, is another report', () => {
    expect(mergeSameFacts([fbc, { ...gpCopy, effectiveDate: '2026-10-30T09:00:00Z' }], testReportRule)).toHaveLength(2);
    expect(mergeSameFacts([{ ...fbc, effectiveDate: null, issued: null }, { ...gpCopy, effectiveDate: null, issued: null }], testReportRule)).toHaveLength(2);
  });

  it('a source not read is named, never taken for no reports', () => {
    expect(combinedTestReports({ gpTestReports: [gpCopy], testReports: null }).notRead.map((n) => n.field)).toEqual(['testReports']);
  });
});

describe('immunisations', () => {
  const flu = { id: 'P83005/Immunization/f', vaccine: sct('1181000221105', 'Influenza vaccine'), status: 'completed', date: '2026-10-02', occurrence: { start: '2026-10-02' }, provenance: GP };
  it('the same vaccine on the same day from two sources is one dose; given at one and not done at the other is said; current means given', () => {
    const notDone = { ...flu, id: 'RM3/Immunization/f', status: 'not_done', provenance: HOSPITAL };
    const items = mergeSameFacts(asGiven([flu, notDone] as never), immunisationRule);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ current: true, disagreement: 'Sources disagree: completed at Bury Central Medical Practice; not done at Northern Care Alliance NHS Foundation Trust' });
    expect(asGiven([notDone] as never)[0].current).toBe(false);
  });
  it('a later dose of the same vaccine is another item', () => {
    expect(mergeSameFacts([flu, { ...flu, id: 'next', date: '2027-10-05', occurrence: { start: '2027-10-05' } }], immunisationRule)).toHaveLength(2);
  });
});

describe('referrals, alerts, care plans, devices', () => {
  const alert = { id: 'P83005/Flag/a', code: sct('170502006', 'Registered blind'), status: 'active', current: true, start: '2020-01-01', end: null, provenance: GP };
  it('the same alert over overlapping time from two sources is one; an alert that ended before the other began is two', () => {
    const copy = { ...alert, id: 'RM3/Flag/a', start: '2026-10-29', provenance: HOSPITAL };
    expect(mergeSameFacts([alert, copy], alertRule)).toHaveLength(1);
    expect(mergeSameFacts([{ ...alert, end: '2021-01-01', status: 'inactive', current: false }, copy], alertRule)).toHaveLength(2);
  });
  it('two care plans of one kind are never merged', () => {
    const plan = { id: 'P83005/CarePlan/1', title: 'Falls prevention', status: 'active', current: true, start: '2026-01-01', provenance: GP };
    expect(mergeSameFacts([plan, { ...plan, id: 'RM3/CarePlan/1', provenance: HOSPITAL }], carePlanRule)).toHaveLength(2);
  });
  it('the same referral written the same day is one; a referral for the same thing a month later is another', () => {
    const referral = { id: 'P83005/ServiceRequest/r', code: sct('306206005', 'Referral to service'), status: 'active', current: true, authoredOn: '2026-11-02T09:00:00Z', provenance: GP };
    expect(mergeSameFacts([referral, { ...referral, id: 'RM3/ServiceRequest/r', authoredOn: '2026-11-02T15:00:00Z', provenance: HOSPITAL }], referralRule)).toHaveLength(1);
    expect(mergeSameFacts([referral, { ...referral, id: 'later', authoredOn: '2026-12-02T09:00:00Z' }], referralRule)).toHaveLength(2);
  });
});

describe('encounters: every source\'s, in the same words, each one event never merged', () => {
  const COMMUNITY = { odsCode: 'NR5', organisationName: 'Bury Community Services', lastUpdated: '2026-11-01T00:00:00Z' };
  const consultation = { id: 'P83005/Encounter/c1', status: 'finished', current: false, type: sct('185389009', 'Follow-up visit'), types: [sct('185389009', 'Follow-up visit')], date: '2026-11-02T09:10:00Z', end: null, reasons: [sct('38341003', 'Hypertensive disorder')], place: 'Room 2', clinician: 'Dr A Patel', provenance: GP };
  const admission = { id: 'RM3/Encounter/a1', status: 'in_progress', current: true, type: [sct('183807002', 'Inpatient stay')], admitted: '2026-10-29T22:40:00Z', discharged: null, reason: sct('5913000', 'Fracture of neck of femur'), otherReasons: [], ward: 'Ward 7', consultant: 'Mr J Okafor', provenance: HOSPITAL };
  const attendance = { id: 'RM3/Encounter/e1', status: 'finished', current: false, type: [], arrival: '2026-10-29T20:05:00Z', departure: '2026-10-29T22:30:00Z', reason: null, otherReasons: [], department: 'Emergency department', clinician: 'Dr K Ahmed', provenance: HOSPITAL };
  const outpatient = { id: 'RM3/Encounter/o1', status: 'finished', current: false, type: [], start: '2026-11-02T09:10:00Z', end: null, reasons: [], locations: [{ location: 'Fracture clinic' }], participants: [{ individual: 'Ms L Grant' }, { individual: null }], provenance: HOSPITAL };
  const visit = { id: 'NR5/Encounter/v1', status: 'finished', current: false, type: [sct('185389009', 'Follow-up visit')], date: '2026-11-02T09:10:00Z', end: null, reasons: [], location: 'Home', clinician: 'Nurse R Hill', provenance: COMMUNITY };

  it('says when, where, who and what kind, whatever each source calls them; under way first, then newest', () => {
    const { items, notRead } = combinedEncounters({ consultations: [consultation], admissions: [admission], aeAttendances: [attendance], otherEncounters: [outpatient], communityVisits: [visit], mentalHealthAdmissions: [], mentalHealthContacts: [], socialCareContacts: [] });
    expect(notRead).toEqual([]);
    expect(items[0]).toMatchObject({ id: 'RM3/Encounter/a1', kind: 'admission', description: 'Inpatient stay', current: true, start: '2026-10-29T22:40:00Z', end: null, place: 'Ward 7', clinician: 'Mr J Okafor', reasons: [{ code: '5913000' }], provenance: HOSPITAL });
    // Under way first; then newest; the same instant in id order.
    expect(items.map((i) => i.kind)).toEqual(['admission', 'communityVisit', 'consultation', 'hospital', 'emergency']);
    expect(items.find((i) => i.kind === 'emergency')).toMatchObject({ description: 'A&E attendance', start: '2026-10-29T20:05:00Z', end: '2026-10-29T22:30:00Z', place: 'Emergency department', clinician: 'Dr K Ahmed' });
    expect(items.find((i) => i.kind === 'hospital')).toMatchObject({ place: 'Fracture clinic', clinician: 'Ms L Grant', description: 'Hospital encounter' });
    expect(items.find((i) => i.kind === 'consultation')).toMatchObject({ description: 'Follow-up visit', start: '2026-11-02T09:10:00Z', place: 'Room 2', clinician: 'Dr A Patel', reasons: [{ code: '38341003' }] });
    // The same type on the same morning at the GP and community services: two events, never one.
    expect(items.filter((i) => i.start === '2026-11-02T09:10:00Z')).toHaveLength(3);
    expect(items.at(-1)!.kind).toBe('emergency');
  });

  it('a source that did not answer is named, never read as no encounters', () => {
    const { items, notRead } = combinedEncounters({ consultations: [consultation], admissions: null, aeAttendances: null, otherEncounters: null, communityVisits: [], mentalHealthAdmissions: [], mentalHealthContacts: [], socialCareContacts: [] });
    expect(items.map((i) => i.id)).toEqual(['P83005/Encounter/c1']);
    expect(notRead.map((n) => n.field)).toEqual(['admissions', 'aeAttendances', 'otherEncounters']);
  });
});

describe('documents: each letter its own item', () => {
  const summary = { id: 'RM3/Composition/d1', title: 'Discharge summary', date: '2026-11-05T10:00:00Z', status: 'final', current: true, type: sct('373942005', 'Discharge summary'), provenance: HOSPITAL };
  it('two letters of one type on one day stay two; current first', () => {
    const { items } = combinedDocumentSection({ dischargeSummaries: [{ ...summary, id: 'RM3/DocumentReference/old', current: false, status: 'superseded' }, summary, { ...summary, id: 'RM3/Composition/d2' }] }, DOCUMENT_FIELDS, documentRule, undefined, 'title');
    expect(items).toHaveLength(3);
    expect(items.at(-1)!.id).toBe('RM3/DocumentReference/old');
    expect(items[0]).toMatchObject({ title: 'Discharge summary', current: true, disagreement: null });
  });
});
