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
        combinedFamilyHistory: empty,
        gpSource: { source: 'gp', organisations: ['P83005'], organisationNames: ['Bury Central Medical Practice'], lastUpdated: '2026-10-25T08:00:00Z' },
        acuteSource: null,
      },
    },
    errors: [unavailable('hospitalProcedures'), forbidden('mentalHealthAlerts'), forbidden('combinedSafeguardingAlerts'), unavailable('acuteSource')],
  };
}
