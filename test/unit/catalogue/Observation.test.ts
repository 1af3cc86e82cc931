/// <reference types="fhir" />
import { gpFeed } from '../../../subgraphs/gp/src/feed';
import { mentalHealthFeed } from '../../../subgraphs/mental-health/src/feed';
import { feedMapping, META, NHS } from '../../support/feedMapping';

/**
 * The catalogue's Observation mapping at the GP and the mental health trust, from FHIR R4 vital
 * signs (UKCore-Observation-Group-BloodPressure), social history (smoking status, LOINC 72166-2), a
 * questionnaire score, and an observation whose code is the finding (no value[x]: FHIR allows it).
 */

const LOINC = 'http://loinc.org';
const SNOMED = 'http://snomed.info/sct';
const category = (code: string) => [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code }] }];
const mmHg = (value: number) => ({ value, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' });

const bloodPressure: fhir4.Observation = {
  resourceType: 'Observation',
  id: 'bp-1',
  meta: META,
  status: 'final',
  category: category('vital-signs'),
  code: { coding: [{ system: LOINC, code: '85354-9', display: 'Blood pressure panel with all children optional' }, { system: SNOMED, code: '75367002', display: 'Blood pressure' }] },
  subject: NHS,
  effectiveDateTime: '2026-09-14T10:20:00+01:00',
  component: [
    { code: { coding: [{ system: LOINC, code: '8480-6', display: 'Systolic blood pressure' }] }, valueQuantity: mmHg(148) },
    { code: { coding: [{ system: LOINC, code: '8462-4', display: 'Diastolic blood pressure' }] }, valueQuantity: mmHg(86) },
  ],
};
const smoking: fhir4.Observation = {
  resourceType: 'Observation',
  id: 'smoking-1',
  meta: META,
  status: 'final',
  category: category('social-history'),
  code: { coding: [{ system: LOINC, code: '72166-2', display: 'Tobacco smoking status' }] },
  subject: NHS,
  effectiveDateTime: '2026-09-14',
  valueCodeableConcept: { coding: [{ system: SNOMED, code: '8517006', display: 'Ex-smoker' }] },
};
const roomAir: fhir4.Observation = {
  resourceType: 'Observation',
  id: 'air-1',
  meta: META,
  status: 'final',
  category: category('vital-signs'),
  code: { coding: [{ system: SNOMED, code: '722742002', display: 'Breathing room air' }] },
  subject: NHS,
  effectiveDateTime: '2026-10-29T20:05:00Z',
};

describe('gp feed: observations', () => {
  const { map, problemOf } = feedMapping(gpFeed);

  it('a blood pressure is one observation with both components, in the observations panel', () => {
    const mapped = map(bloodPressure)!;
    expect(mapped.panel).toBe('observations');
    expect(mapped.fields).toMatchObject({
      // SNOMED CT is the preferred coding; LOINC's panel code is kept beside it.
      code: { code: '75367002', coding: [{ code: '85354-9' }, { code: '75367002' }] },
      categories: [{ code: 'vital-signs' }],
      current: true,
      codeIsFinding: false,
      components: [
        { code: { code: '8480-6' }, value: { type: 'Quantity', text: '148 mmHg' } },
        { code: { code: '8462-4' }, value: { type: 'Quantity', text: '86 mmHg' } },
      ],
    });
  });

  it('smoking status keeps its coded value', () => {
    expect(map(smoking)!.fields).toMatchObject({ categories: [{ code: 'social-history' }], value: 'Ex-smoker', result: { type: 'CodeableConcept', concept: { code: '8517006' } } });
  });

  it('an observation whose code is the finding (no value, no reason, no parts) is kept, not refused', () => {
    expect(map(roomAir)!.fields).toMatchObject({ code: { code: '722742002' }, value: null, result: null, codeIsFinding: true, current: true });
  });

  it('still refuses what it cannot place: no time at all, or a quantity without its number', () => {
    expect(problemOf({ ...roomAir, effectiveDateTime: undefined }).path).toBe('Observation.effective[x]');
    expect(problemOf({ ...smoking, valueCodeableConcept: undefined, valueQuantity: { unit: 'kg' } }).path).toBe('Observation.valueQuantity.value');
  });
});

describe('mental health feed: assessments through the catalogue', () => {
  const { map } = feedMapping(mentalHealthFeed);
  it('a PHQ-9 total score lands in mentalHealthObservations', () => {
    const phq9: fhir4.Observation = { ...smoking, id: 'phq9', category: category('survey'), code: { coding: [{ system: LOINC, code: '44261-6', display: 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]' }] }, valueCodeableConcept: undefined, valueInteger: 14 };
    expect(map(phq9)).toMatchObject({ panel: 'mentalHealthObservations', fields: { value: '14', result: { type: 'integer', integer: 14 } } });
  });
});
