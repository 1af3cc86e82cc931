/// <reference types="fhir" />
import { gpFeed } from '../../../subgraphs/gp/src/feed';
import { NotStored } from '../../../subgraphs/kit/src/ingest/feedProblem';
import { stillInForce } from '../../../subgraphs/kit/src/slice/catalogueLists';
import { feedMapping, META, NHS } from '../../support/feedMapping';

/**
 * The catalogue's Consent mapping: only an advance decision is held (FHIR R4 Consent, scope
 * consentscope `adr`, as R4's example "consent-example-adr"; category consentcategorycodes `acd` or
 * LOINC 42348-3). An advance decision to refuse cardiopulmonary resuscitation and ventilation. A
 * privacy consent (scope patient-privacy, category LOINC 59284-0) is not stored, with a reason.
 */

const SNOMED = 'http://snomed.info/sct';
const adrt: fhir4.Consent = {
  resourceType: 'Consent',
  id: 'adrt',
  meta: META,
  status: 'active',
  scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'adr', display: 'Advanced Care Directive' }] },
  category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentcategorycodes', code: 'acd', display: 'Advance Directive' }] }],
  patient: NHS,
  dateTime: '2025-06-02',
  performer: [{ display: 'The patient' }],
  organization: [{ display: 'Bury Central Medical Practice' }],
  sourceAttachment: { title: 'Advance decision to refuse treatment, signed and witnessed', url: 'https://docs.example.nhs.uk/adrt/123' },
  // ppc-1: a policy or policyRule; an advance decision to refuse treatment is made under the Mental Capacity Act 2005, s.24-26.
  policy: [{ uri: 'https://www.legislation.gov.uk/ukpga/2005/9/section/24' }],
  provision: {
    type: 'deny',
    period: { start: '2025-06-02' },
    code: [
      { coding: [{ system: SNOMED, code: '89666000', display: 'Cardiopulmonary resuscitation' }] },
      { coding: [{ system: SNOMED, code: '40617009', display: 'Artificial respiration' }] },
    ],
  },
};
const privacy: fhir4.Consent = {
  ...adrt,
  id: 'privacy',
  scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] },
  category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0', display: 'Patient Consent' }] }],
};

describe('gp feed: Consent through the catalogue (advance decisions only)', () => {
  const { map, problemOf } = feedMapping(gpFeed);

  it('an advance decision keeps its status, scope, category, when, what it refuses and the source document', () => {
    const mapped = map(adrt)!;
    expect(mapped.panel).toBe('advanceDecisions');
    expect(mapped.fields).toMatchObject({
      status: 'active',
      current: true,
      scope: { code: 'adr' },
      category: [{ code: 'acd' }],
      dateTime: '2025-06-02',
      provisionType: 'deny',
      provisionCodes: [{ code: '89666000' }, { code: '40617009' }],
      provisionPeriod: { start: '2025-06-02', end: null },
      source: 'Advance decision to refuse treatment, signed and witnessed',
      sourceUrl: 'https://docs.example.nhs.uk/adrt/123',
      performers: ['The patient'],
      organisation: 'Bury Central Medical Practice',
    });
  });

  it('the category alone (LOINC 42348-3 Advance directives) makes it an advance decision too', () => {
    const byLoinc = { ...adrt, scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'treatment' }] }, category: [{ coding: [{ system: 'http://loinc.org', code: '42348-3' }] }] };
    expect(map(byLoinc)!.panel).toBe('advanceDecisions');
  });

  it('a privacy consent (LOINC 59284-0 is every kind of consent) is not stored, with a reason; text decides nothing', () => {
    expect(() => map(privacy)).toThrow(NotStored);
    expect(() => map(privacy)).toThrow(/only a Consent that records an advance decision/);
    expect(() => map({ ...privacy, scope: { ...privacy.scope, text: 'Advance directive' } })).toThrow(NotStored);
  });

  it.each([
    ['active', true],
    ['draft', false],
    ['proposed', false],
    ['rejected', false],
    ['inactive', false],
  ])('H89: status %s is in force: %s', (status, current) => {
    expect(map({ ...adrt, status: status as fhir4.Consent['status'] })!.fields.current).toBe(current);
  });

  it('H89: an active decision whose provision period has ended is not in force, at ingest and again at read', () => {
    expect(map({ ...adrt, provision: { ...adrt.provision, period: { start: '2020-01-01', end: '2024-12-31' } } })!.fields.current).toBe(false);
    const stored = { ...map({ ...adrt, provision: { ...adrt.provision, period: { start: '2025-06-02', end: '2031-06-01' } } })!.fields, id: 'x', provenance: {} } as never;
    expect(stillInForce(stored, '2031-06-01', Date.parse('2031-06-01T12:00:00Z')).current).toBe(true);
    expect(stillInForce(stored, '2031-06-01', Date.parse('2031-06-02T00:00:00Z')).current).toBe(false);
  });

  it('a status or provision type outside its value set is refused naming the path', () => {
    expect(problemOf({ ...adrt, status: 'signed' as never }).path).toBe('Consent.status');
    expect(problemOf({ ...adrt, provision: { type: 'maybe' as never } }).path).toBe('Consent.provision.type');
  });
});
