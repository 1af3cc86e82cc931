import { categoriesLabel, nhsNumberLabel, organisationLabel, outcomeLabel, reasonLabel, roleLabel, userLabel, when } from '../../web/src/privacy/names';

/** The privacy console shows names beside codes, the same way in every section. */
describe('privacy console names', () => {
  it('puts the name first and the code in brackets, and says when a name is not known', () => {
    expect(userLabel({ id: 'demo-gp-aisha-rahman', name: 'Dr Aisha Rahman' })).toBe('Dr Aisha Rahman (uid demo-gp-aisha-rahman)');
    expect(userLabel({ id: 'x-1', name: null })).toBe('Name not recorded (uid x-1)');
    expect(organisationLabel('Bury Central Medical Practice', 'P83005')).toBe('Bury Central Medical Practice (P83005)');
    expect(organisationLabel(null, 'NPX01')).toBe('Organisation not in the register (NPX01)');
    expect(roleLabel('Clinical Practitioner Access Role', 'R8000')).toBe('Clinical Practitioner Access Role (R8000)');
    expect(categoriesLabel(['medications', 'mentalHealthRisk'], ['Medications', 'Mental health risk'])).toBe('Medications (medications), Mental health risk (mentalHealthRisk)');
    expect(categoriesLabel([], [])).toBe('Nothing shown');
    expect(categoriesLabel(['medications'], ['Medications'], ['Emergency summary', 'Medications'])).toBe('Medications (medications); in the panels Emergency summary, Medications');
    expect(reasonLabel('EMERGENCY_CARE')).toBe('Emergency care: the patient is unable to consent (EMERGENCY_CARE)');
    expect(outcomeLabel('NEEDS_FOLLOW_UP')).toBe('Needs follow-up');
  });

  it('shows NHS numbers in groups and times in England’s clock time', () => {
    expect(nhsNumberLabel('9993133701')).toBe('999 313 3701');
    expect(nhsNumberLabel(null)).toBe('No one patient');
    // 1 July is British Summer Time: 11:00 UTC is 12:00 in England.
    expect(when('2026-07-01T11:00:00Z')).toMatch(/1 Jul 2026, 12:00:00/);
    expect(when(null)).toBe('Not known');
  });
});
