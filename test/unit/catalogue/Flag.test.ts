/// <reference types="fhir" />
import { loadPolicy, profileMaySee } from '../../../schema/src/policy';
import { acuteFeed } from '../../../subgraphs/acute/src/feed';
import { gpFeed } from '../../../subgraphs/gp/src/feed';
import { mentalHealthFeed } from '../../../subgraphs/mental-health/src/feed';
import { socialCareFeed } from '../../../subgraphs/social-care/src/feed';
import { feedMapping, META, NHS } from '../../support/feedMapping';

/**
 * The catalogue's Flag mapping (FHIR R4 Flag, UKCore-Flag) through the GP's and the hospital's
 * feeds. Where an alert lands is decided by its codes (schema/clinical-codes.yaml): a child
 * protection (CP-IS) flag and a SNOMED CT "Vulnerable adult" flag are safeguarding and must land in
 * a field classified `safeguarding` (sensitive), never among the general alerts a student or a
 * social worker without that category is shown (H90); an "At risk for suicide" flag is a
 * mental-health risk (H91); a hearing-impairment flag is a general alert. The mental health trust's and
 * the council's feeds file a risk-coded flag as a risk alert too (H173, H174): the trust's no longer as a
 * risk summary, the council's no longer among its general alerts.
 */

const SNOMED = 'http://snomed.info/sct';
const FLAG_CATEGORY = 'http://terminology.hl7.org/CodeSystem/flag-category';
const cpis: fhir4.Flag = {
  resourceType: 'Flag',
  id: 'cpis',
  meta: META,
  status: 'active',
  subject: NHS,
  category: [{ coding: [{ system: 'https://fhir.nhs.uk/England/CodeSystem/PatientFlagCategory', code: 'CP-IS', display: 'Child Protection - Information Sharing Flag' }] }],
  code: { coding: [{ system: SNOMED, code: '224353004', display: 'Child protection finding' }], text: 'Child protection plan in place' },
  period: { start: '2026-09-01' },
  author: { reference: 'Organization/trust' },
};
const vulnerableAdult: fhir4.Flag = {
  ...cpis,
  id: 'vulnerable',
  category: [{ coding: [{ system: FLAG_CATEGORY, code: 'safety', display: 'Safety' }] }],
  code: { coding: [{ system: SNOMED, code: '417430008', display: 'Vulnerable adult' }] },
};
const suicideRisk: fhir4.Flag = {
  ...cpis,
  id: 'suicide-risk',
  category: [{ coding: [{ system: FLAG_CATEGORY, code: 'clinical', display: 'Clinical' }] }],
  code: { coding: [{ system: SNOMED, code: '225444004', display: 'At risk for suicide' }] },
};
const hearing: fhir4.Flag = {
  ...cpis,
  id: 'hearing',
  category: [{ coding: [{ system: FLAG_CATEGORY, code: 'clinical', display: 'Clinical' }] }],
  code: { coding: [{ system: SNOMED, code: '15188001', display: 'Hearing loss' }], text: 'Profoundly deaf: uses BSL, book an interpreter' },
  author: { display: 'Dr A Patel' },
};
const trust: fhir4.Organization = { resourceType: 'Organization', id: 'trust', name: 'Fairfield General Hospital' };
const bundle = [{ resource: trust as fhir4.FhirResource }];
const policy = loadPolicy();
const fieldCategory = (field: string) => (policy.fields.Patient as Record<string, string>)[field];

describe.each([
  ['acute', feedMapping(acuteFeed), { general: 'hospitalAlerts', generalCategory: 'alerts', safeguarding: 'hospitalSafeguardingAlerts', risk: 'hospitalRiskAlerts' }],
  ['gp', feedMapping(gpFeed), { general: 'alerts', generalCategory: 'alerts', safeguarding: 'gpSafeguardingAlerts', risk: 'gpRiskAlerts' }],
  // The trust's other alerts are mental health care, the council's social care: each organisation's general alerts keep their category.
  ['mental-health', feedMapping(mentalHealthFeed), { general: 'mentalHealthAlerts', generalCategory: 'mentalHealthCare', safeguarding: 'mentalHealthSafeguardingAlerts', risk: 'mentalHealthRiskAlerts' }],
  ['social-care', feedMapping(socialCareFeed), { general: 'socialCareAlerts', generalCategory: 'socialCare', safeguarding: 'safeguardingAlerts', risk: 'socialCareRiskAlerts' }],
])('%s feed: Flag through the catalogue', (_name, { map, problemOf }, panels) => {
  it('a general alert keeps its code, text, categories, period and author, in force', () => {
    const mapped = map(hearing, bundle)!;
    expect(mapped.panel).toBe(panels.general);
    expect(mapped.fields).toEqual({
      code: expect.objectContaining({ code: '15188001', text: 'Profoundly deaf: uses BSL, book an interpreter' }),
      description: 'Profoundly deaf: uses BSL, book an interpreter',
      categories: [expect.objectContaining({ code: 'clinical' })],
      status: 'active',
      current: true,
      start: '2026-09-01',
      end: null,
      author: 'Dr A Patel',
    });
  });

  it.each([
    ['a CP-IS flag (by its category)', cpis],
    ['a SNOMED CT vulnerable adult flag (by its code)', vulnerableAdult],
  ])('%s is safeguarding: its field is classified safeguarding, sensitive, and never the general alerts (H90)', (_case, flag) => {
    const mapped = map(flag, bundle)!;
    expect(mapped.panel).toBe(panels.safeguarding);
    expect(mapped.panel).not.toBe(panels.general);
    expect(fieldCategory(mapped.panel)).toBe('safeguarding');
    expect(policy.categories.safeguarding.sensitive).toBe(true);
    expect(mapped.fields).toMatchObject({ author: 'Fairfield General Hospital', current: true });
  });

  it('a role that sees general alerts but not safeguarding (a student) never gets a safeguarding flag in the general list', () => {
    expect(fieldCategory(panels.general)).toBe(panels.generalCategory);
    expect(policy.categories[panels.generalCategory].sensitive).toBeFalsy();
    expect(profileMaySee(policy, 'clinicalStudent', 'alerts')).toBe(true);
    expect(profileMaySee(policy, 'clinicalStudent', 'safeguarding')).toBe(false);
    expect(profileMaySee(policy, 'administrative', 'safeguarding')).toBe(false);
    for (const flag of [cpis, vulnerableAdult, suicideRisk]) expect(map(flag, bundle)!.panel).not.toBe(panels.general);
  });

  it('an at-risk-for-suicide flag is a mental-health risk alert, in a field classified mentalHealthRisk, never a general alert (H91, H173, H174)', () => {
    const mapped = map(suicideRisk, bundle)!;
    expect(mapped.panel).toBe(panels.risk);
    expect(mapped.panel).not.toBe(panels.general);
    expect(fieldCategory(mapped.panel)).toBe('mentalHealthRisk');
    expect(policy.categories.mentalHealthRisk.sensitive).toBe(true);
    // The catalogue's Alert, as every source's risk alert: what combinedRiskAlerts merges by code and period.
    expect(mapped.fields).toEqual({
      code: expect.objectContaining({ system: SNOMED, code: '225444004', display: 'At risk for suicide' }),
      description: 'At risk for suicide',
      categories: [expect.objectContaining({ code: 'clinical' })],
      status: 'active',
      current: true,
      start: '2026-09-01',
      end: null,
      author: 'Fairfield General Hospital',
    });
  });

  it('the general alerts are not mental-health risk, so a role that sees them without that category (a student, a social worker) is never given a risk flag', () => {
    expect(panels.generalCategory).not.toBe('mentalHealthRisk');
    expect(profileMaySee(policy, 'socialCare', panels.generalCategory === 'socialCare' ? 'socialCare' : 'alerts')).toBe(true);
    expect(profileMaySee(policy, 'socialCare', 'mentalHealthRisk')).toBe(false);
    expect(map(suicideRisk, bundle)!.panel).not.toBe(panels.general);
  });

  it('words decide nothing: "safeguarding" in the text of an uncoded flag is a general alert (the code lists decide)', () => {
    expect(map({ ...hearing, code: { text: 'Safeguarding concern' } }, bundle)!.panel).toBe(panels.general);
  });

  it('inactive, or active with a period that has ended, is not in force', () => {
    expect(map({ ...cpis, status: 'inactive' }, bundle)!.fields.current).toBe(false);
    expect(map({ ...cpis, period: { start: '2020-01-01', end: '2021-01-01' } }, bundle)!.fields.current).toBe(false);
  });

  it('refuses a status outside flag-status and a flag with no code, naming the path', () => {
    expect(problemOf({ ...cpis, status: 'open' as never }, bundle).path).toBe('Flag.status');
    expect(problemOf({ ...cpis, code: undefined as never }, bundle).path).toBe('Flag.code');
  });
});
