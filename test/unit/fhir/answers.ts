/** Hand-made GraphQL answers of the combined record, as the gateway returns them, for the FHIR assembly's unit tests. */

export const NHS = '9434765919';
const SNOMED = 'http://snomed.info/sct';

export const gp = (sourceId: string, lastUpdated = '2026-10-01T09:00:00Z') => ({ odsCode: 'P83005', organisationName: 'Bury Central Medical Practice', system: 'EMIS Web', sourceId, version: '1', lastUpdated });
export const hospital = (sourceId: string, lastUpdated = '2026-10-20T09:00:00Z') => ({ odsCode: 'RM3', organisationName: 'Northern Care Alliance NHS Foundation Trust', system: 'Sunrise', sourceId, version: '2', lastUpdated });
export const sct = (code: string, display: string) => ({ coding: [{ system: SNOMED, code, display }], text: null });
const empty = { items: [], notRead: [] };

export function allergy(provenance: ReturnType<typeof gp>, clinicalStatus: string | null, verificationStatus: string | null = 'confirmed') {
  return {
    id: `${provenance.odsCode}/AllergyIntolerance/${provenance.sourceId}`,
    code: sct('91936005', 'Allergy to penicillin'),
    clinicalStatus, verificationStatus, type: 'allergy', category: ['medication'], criticality: 'unable_to_assess',
    reactions: [{ substance: null, manifestations: [sct('39579001', 'Anaphylaxis')], description: null, severity: 'severe', onset: null, exposureRoute: null }],
    onset: null, lastOccurrence: null, recordedDate: '2026-10-01', provenance,
  };
}

export function problem(provenance: ReturnType<typeof gp>, clinicalStatus: string, code = sct('38341003', 'Hypertension')) {
  return {
    id: `${provenance.odsCode}/Condition/${provenance.sourceId}`, code, clinicalStatus, verificationStatus: 'confirmed',
    category: [], severity: null, onset: { start: '2019-02-01', end: null, age: null, text: null }, abatement: { start: '2024-01-01', end: null, age: null, text: null },
    bodySite: [], recordedDate: '2019-02-01', asserter: null, notes: [], provenance,
  };
}

export function vitalSign(provenance: ReturnType<typeof gp>, at: string, systolic: number) {
  return {
    id: `${provenance.odsCode}/Observation/${provenance.sourceId}`, code: sct('75367002', 'Blood pressure'), status: 'final',
    categories: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs', display: 'Vital Signs' }], text: null }],
    result: null, dataAbsentReason: null,
    components: [
      { code: { coding: [{ system: 'http://loinc.org', code: '8480-6', display: 'Systolic' }], text: null }, value: { type: 'Quantity', text: `${systolic} mmHg`, quantity: { value: systolic, comparator: null, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' } }, dataAbsentReason: null, interpretations: [] },
    ],
    interpretations: [], referenceRanges: [], effective: { start: at, end: null, age: null, text: null }, issued: null, performer: [], memberIds: [], method: null, bodySite: null, notes: [], provenance,
  };
}

export function alert(provenance: ReturnType<typeof gp>, status = 'active') {
  return { id: `${provenance.odsCode}/Flag/${provenance.sourceId}`, code: sct('225915006', 'At risk of falls'), description: 'At risk of falls', categories: [], status, start: '2026-10-02', end: null, author: null, provenance };
}

/** A combined encounter: its source's own item (encounters are never merged), with no sources list. */
export function encounterItem(provenance: ReturnType<typeof gp>, kind: string, options: { status?: string | null; klass?: string | null; start: string; end?: string | null; description: string }) {
  return {
    id: `${provenance.odsCode}/Encounter/${provenance.sourceId}`, kind, description: options.description, status: options.status === undefined ? 'finished' : options.status,
    current: options.status === 'in_progress', start: options.start, end: options.end ?? null,
    class: options.klass ? { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: options.klass, display: options.klass } : null,
    types: [], reasons: [sct('71620000', 'Fracture of femur')], place: kind === 'emergency' ? 'Emergency department' : null, clinician: 'Dr Tom Whitworth', provenance,
  };
}

/** A hospital's discharge summary sent as a Composition (sections, no attachment) and a GP letter sent as a DocumentReference to a PDF. */
export function dischargeSummary(provenance: ReturnType<typeof gp>) {
  return {
    id: `${provenance.odsCode}/Composition/${provenance.sourceId}`, type: sct('373942005', 'Discharge summary'), category: [], title: 'Discharge summary: left hip replacement',
    date: '2026-10-24T16:05:00+01:00', status: 'final', docStatus: null, current: true, summary: null,
    sections: [{ title: 'Diagnoses', level: 1, text: 'Fracture of neck of femur (left)' }, { title: 'Medications changes', level: 1, text: 'Started: enoxaparin 40 mg daily for 28 days' }],
    attachments: [], authors: ['Dr Priya Nair'], custodian: 'Fairfield General Hospital', admitted: '2026-10-20', discharged: '2026-10-24', provenance,
  };
}
export function letter(provenance: ReturnType<typeof gp>) {
  return {
    id: `${provenance.odsCode}/DocumentReference/${provenance.sourceId}`, type: sct('371531000', 'Report of clinical encounter'), category: [sct('734163000', 'Care plan')], title: 'Falls clinic letter',
    date: '2026-09-30', status: 'superseded', docStatus: 'final', current: false, summary: null, sections: [],
    attachments: [{ title: 'Falls clinic letter', contentType: 'application/pdf', language: 'en-GB', url: 'https://emis.example/docs/778', size: 48213, creation: '2026-09-30', inline: false }],
    authors: [], custodian: null, admitted: null, discharged: null, provenance,
  };
}

const one = (sources: any[], current: boolean, disagreement: string | null = null) => ({ id: sources[0].id, current, disagreement, sources });
const forbidden = (field: string) => ({ message: `Your role may not see Patient.${field}.`, path: ['patient', field], extensions: { code: 'FORBIDDEN_FIELD' } });
/** As the gateway reports a source that did not answer: no path of its own, the paths it cost listed. */
const unavailable = (field: string) => ({ message: 'The acute source did not answer.', extensions: { code: 'SOURCE_UNAVAILABLE', serviceName: 'acute', reason: 'timeout', paths: [`patient.${field}`] } });

/**
 * A clinician's summary of one patient: the GP's active and the hospital's resolved penicillin
 * allergy (one combined item, the disagreement said), a current and a resolved problem, two blood
 * pressures, nothing immunised (every source answered), the hospital's procedures not answered,
 * the safeguarding alerts withheld from this role, the mental health trust's alerts withheld.
 */
export function clinicianAnswer() {
  return {
    data: {
      patient: {
        nhsNumber: NHS,
        name: { given: ['Irene'], family: 'Openshaw', text: 'Irene OPENSHAW' },
        birthDate: '1939-07-02',
        gender: 'female',
        combinedAllergies: {
          items: [one([allergy(gp('gp-pen'), 'active'), allergy(hospital('ae-pen'), 'resolved')], true, 'Sources disagree: active at Bury Central Medical Practice; resolved at Northern Care Alliance NHS Foundation Trust')],
          notRead: [],
          noKnownAllergies: [],
          conflicts: [],
        },
        combinedProblems: { items: [one([problem(gp('htn'), 'active')], true), one([problem(gp('old'), 'resolved', sct('195967001', 'Asthma'))], false)], notRead: [] },
        combinedMedications: empty,
        combinedImmunisations: empty,
        combinedResults: empty,
        combinedProcedures: { items: [], notRead: [{ source: 'Hospital trust', field: 'hospitalProcedures', reason: 'missing' }, { source: 'GP practice', field: 'procedures', reason: 'missing' }] },
        combinedMedicalDevices: empty,
        combinedVitalSigns: { items: [one([vitalSign(gp('bp-2'), '2026-10-14T10:20:00+01:00', 139)], true), one([vitalSign(gp('bp-1'), '2026-09-14T10:20:00+01:00', 148)], true)], notRead: [] },
        combinedSocialHistory: empty,
        combinedCarePlans: empty,
        combinedReferrals: empty,
        combinedAdvanceDirectives: empty,
        combinedAlerts: { items: [one([alert(gp('falls'))], true)], notRead: [{ source: 'Mental health trust', field: 'mentalHealthAlerts', reason: 'missing' }] },
        combinedSafeguardingAlerts: null,
        combinedRiskAlerts: empty,
        combinedFamilyHistory: empty,
        combinedEncounters: {
          items: [
            encounterItem(hospital('ae-1'), 'emergency', { klass: 'EMER', start: '2026-10-20T02:10:00+01:00', end: '2026-10-20T06:00:00+01:00', description: 'A&E attendance' }),
            encounterItem(gp('con-1'), 'consultation', { status: null, start: '2026-09-14T10:20:00+01:00', description: 'Consultation' }),
          ],
          notRead: [],
        },
        combinedDocuments: { items: [one([dischargeSummary(hospital('dis-1'))], true), one([letter(gp('let-1'))], false)], notRead: [] },
        gpSource: { source: 'gp', organisations: ['P83005'], organisationNames: ['Bury Central Medical Practice'], lastUpdated: '2026-10-25T08:00:00Z' },
        acuteSource: null,
      },
    },
    errors: [unavailable('hospitalProcedures'), forbidden('mentalHealthAlerts'), forbidden('combinedSafeguardingAlerts'), unavailable('acuteSource')],
  };
}
