/// <reference types="fhir" />
import { acuteFeed } from '../../../subgraphs/acute/src/feed';
import { gpFeed } from '../../../subgraphs/gp/src/feed';
import { feedMapping, META, NHS } from '../../support/feedMapping';

/**
 * The catalogue's AllergyIntolerance mapping, as every slice that holds it uses it. Fixtures follow
 * FHIR R4 AllergyIntolerance, UKCore-AllergyIntolerance and the International Patient Summary's
 * absent-or-unknown codes (a negation is a statement, never an allergy: H75).
 */

const SNOMED = 'http://snomed.info/sct';
const CLINICAL = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical';
const VERIFICATION = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification';
const status = (system: string, code: string) => ({ coding: [{ system, code }] });

const allergy = (code: fhir4.CodeableConcept, extra: Partial<fhir4.AllergyIntolerance> = {}): fhir4.AllergyIntolerance => ({
  resourceType: 'AllergyIntolerance',
  id: 'ai-1',
  meta: META,
  clinicalStatus: status(CLINICAL, 'active'),
  verificationStatus: status(VERIFICATION, 'confirmed'),
  code,
  patient: NHS,
  recordedDate: '2024-02-01',
  ...extra,
});

const penicillin = { coding: [{ system: SNOMED, code: '91936005', display: 'Allergy to penicillin' }] };

describe.each([
  ['gp', feedMapping(gpFeed), { allergies: 'allergies', noKnownAllergies: 'noKnownAllergies' }],
  ['acute', feedMapping(acuteFeed), { allergies: 'hospitalAllergies', noKnownAllergies: 'hospitalNoKnownAllergies' }],
])('%s feed: AllergyIntolerance through the catalogue', (_name, { map }, panels) => {
  it('a real allergy goes to the allergy panel, current', () => {
    expect(map(allergy(penicillin))).toMatchObject({ panel: panels.allergies, fields: { code: { code: '91936005' }, current: true } });
  });

  it.each([
    ['716186003', 'No known allergy', 'all'],
    ['409137002', 'No known drug allergy', 'medication'],
    ['429625007', 'No known food allergy', 'food'],
    ['428607008', 'No known environmental allergy', 'environment'],
  ])('SNOMED CT %s (%s) is a statement of scope %s, never an allergy', (code, display, scope) => {
    const mapped = map(allergy({ coding: [{ system: SNOMED, code, display }] }))!;
    expect(mapped.panel).toBe(panels.noKnownAllergies);
    expect(mapped.fields).toMatchObject({ scope, current: true, clinicalStatus: 'active', verificationStatus: 'confirmed', recordedDate: '2024-02-01' });
  });

  it('the IPS absent-unknown code system counts too, matched on any coding', () => {
    const code = { coding: [{ system: 'http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips', code: 'no-known-medication-allergies' }, { system: 'http://read.info/readv2', code: '1151.' }] };
    expect(map(allergy(code))).toMatchObject({ panel: panels.noKnownAllergies, fields: { scope: 'medication' } });
  });

  it('text alone decides nothing: "No known allergies" as free text stays what the source coded', () => {
    expect(map(allergy({ text: 'No known allergies' }))!.panel).toBe(panels.allergies);
  });

  it('a refuted negation does not stand', () => {
    const mapped = map(allergy({ coding: [{ system: SNOMED, code: '716186003' }] }, { verificationStatus: status(VERIFICATION, 'refuted') }))!;
    expect(mapped.fields.current).toBe(false);
  });

  it.each([
    ['resolved', 'confirmed', false],
    ['inactive', 'confirmed', false],
    ['active', 'refuted', false],
    ['active', 'unconfirmed', true],
  ])('clinical %s, verification %s: current %s', (clinical, verification, current) => {
    const mapped = map(allergy(penicillin, { clinicalStatus: status(CLINICAL, clinical), verificationStatus: status(VERIFICATION, verification) }))!;
    expect(mapped.fields).toMatchObject({ clinicalStatus: clinical, verificationStatus: verification, current });
  });

  it('keeps when it resolved, from the HL7 abatement extension (IPS), in the form given', () => {
    const abated = allergy(penicillin, {
      clinicalStatus: status(CLINICAL, 'resolved'),
      extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/allergyintolerance-abatement', valueDateTime: '2023-05' }],
    });
    expect(map(abated)!.fields.abatement).toEqual({ start: '2023-05', end: null, age: null, text: null });
    const asText = allergy(penicillin, { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/allergyintolerance-abatement', valueString: 'outgrew it in childhood' }] });
    expect(map(asText)!.fields.abatement).toMatchObject({ text: 'outgrew it in childhood' });
    expect(map(allergy(penicillin))!.fields.abatement).toBeNull();
  });
});
