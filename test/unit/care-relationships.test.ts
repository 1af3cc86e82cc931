import { loadOrganisationKinds, parseOrganisationKinds } from '@shareforyou/schema';
import { relationshipSpan, ruleForEvent } from '../../subgraphs/registry/src/careRelationships';

/** Which events form care relationships, and for how long (schema/organisation-kinds.yaml). */

const DAY = 86_400_000;
const LAST_UPDATED = '2026-11-02T09:00:00Z';
const days = (from: string, to: Date | null) => (to === null ? null : Math.round((to.getTime() - Date.parse(from)) / DAY));

function span(kind: string, resource: fhir4.Resource) {
  return relationshipSpan(ruleForEvent(kind, resource as never), resource, LAST_UPDATED);
}

const encounter = (code: string, start: string, end?: string): fhir4.Encounter => ({
  resourceType: 'Encounter', status: end ? 'finished' : 'in-progress', class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code }, period: { start, ...(end ? { end } : {}) },
});

describe('hospital encounters', () => {
  it('an admission stays open while the patient is in, then lasts the follow-up days after discharge', () => {
    const kinds = loadOrganisationKinds();
    const followUp = kinds['acute-trust'].relationships.find((r) => r.relationship === 'admission')!.followUpDays;
    expect(span('acute-trust', encounter('IMP', '2026-10-01T10:00:00Z'))).toEqual({ relationship: 'admission', from: new Date('2026-10-01T10:00:00Z'), until: null });
    const discharged = span('acute-trust', encounter('IMP', '2026-10-01T10:00:00Z', '2026-10-05T12:00:00Z'));
    expect(days('2026-10-05T12:00:00Z', discharged.until)).toBe(followUp);
    expect(followUp).toBeGreaterThan(0);
  });

  it('every inpatient class in the table counts as an admission (ACUTE and NONAC as well as IMP)', () => {
    for (const code of ['IMP', 'ACUTE', 'NONAC']) expect(span('acute-trust', encounter(code, '2026-10-01T10:00:00Z')).relationship).toBe('admission');
  });

  it('an A&E attendance ends after its follow-up days even when the source never closes it', () => {
    const open = span('acute-trust', encounter('EMER', '2026-10-01T22:00:00Z'));
    expect(open.relationship).toBe('attendance');
    expect(days('2026-10-01T22:00:00Z', open.until)).toBe(28);
  });

  it('a class the kind does not count is refused, naming the classes that do', () => {
    expect(() => span('acute-trust', encounter('AMB', '2026-10-01T10:00:00Z'))).toThrow(/AMB forms no care relationship.*IMP, ACUTE, NONAC, EMER/);
  });

  it('an organisation kind that forms no relationship by Encounter is refused', () => {
    expect(() => span('mental-health-trust', encounter('IMP', '2026-10-01T10:00:00Z'))).toThrow(/forms no care relationship by Encounter/);
  });
});

describe('outpatient bookings and episodes', () => {
  const appointment = (status: fhir4.Appointment['status']): fhir4.Appointment => ({ resourceType: 'Appointment', status, start: '2026-11-18T10:30:00Z', created: '2026-10-06', participant: [] });

  it('a booking lasts from when it was made until the follow-up days after the appointment', () => {
    const booked = span('acute-trust', appointment('booked'));
    expect(booked.from).toEqual(new Date('2026-10-06'));
    expect(days('2026-11-18T10:30:00Z', booked.until)).toBe(28);
  });

  it('a cancelled booking or a no-show ends when the source said so', () => {
    for (const status of ['cancelled', 'noshow'] as const) expect(span('acute-trust', appointment(status)).until).toEqual(new Date(LAST_UPDATED));
  });

  it('an open episode stays open; a finished one ends at its end', () => {
    const episode = (status: fhir4.EpisodeOfCare['status'], end?: string): fhir4.EpisodeOfCare => ({ resourceType: 'EpisodeOfCare', status, patient: { reference: 'Patient/p' }, period: { start: '2026-01-01', ...(end ? { end } : {}) } });
    expect(span('community-provider', episode('active')).until).toBeNull();
    expect(span('local-authority', episode('finished', '2026-06-30')).until).toEqual(new Date('2026-06-30'));
    expect(span('mental-health-trust', episode('cancelled')).until).toEqual(new Date(LAST_UPDATED));
    expect(span('local-authority', episode('active')).relationship).toBe('open-case');
  });
});

describe('the table of organisation kinds', () => {
  const valid = 'hospice:\n  label: Hospice\n  subgraph: null\n  relationships: []\n';

  it('loads the committed table', () => {
    expect(Object.keys(loadOrganisationKinds())).toEqual(expect.arrayContaining(['gp-practice', 'acute-trust', 'local-authority']));
  });

  it('accepts a new kind and refuses a table with a mistake, naming it', () => {
    expect(parseOrganisationKinds(valid)).toHaveProperty('hospice');
    expect(() => parseOrganisationKinds(valid.replace('subgraph: null', 'subgraph: hospice'))).toThrow(/hospice: subgraph must be null or one of/);
    const encounterWithoutClasses = 'trust:\n  label: T\n  subgraph: acute\n  relationships:\n    - { event: Encounter, relationship: admission, followUpDays: 28 }\n';
    expect(() => parseOrganisationKinds(encounterWithoutClasses)).toThrow(/lists the encounterClasses/);
    const classTwice = 'trust:\n  label: T\n  subgraph: acute\n  relationships:\n    - { event: Encounter, encounterClasses: [IMP], relationship: a, followUpDays: 1 }\n    - { event: Encounter, encounterClasses: [IMP], relationship: b, followUpDays: 1 }\n';
    expect(() => parseOrganisationKinds(classTwice)).toThrow(/IMP is already in another rule/);
    const negative = 'trust:\n  label: T\n  subgraph: acute\n  relationships:\n    - { event: Appointment, relationship: a, followUpDays: -1 }\n';
    expect(() => parseOrganisationKinds(negative)).toThrow(/followUpDays must be a whole number/);
  });
});
