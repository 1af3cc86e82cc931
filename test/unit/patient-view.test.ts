import { lookSentence } from '../../subgraphs/audit/src/myRecordAccess';

describe('the patient\'s view in plain words', () => {
  const row = { organisation: 'Bury Central Medical Practice', role: 'Clinical Practitioner Access Role', looks: 1, whatWasSeen: ['Medications'], emergencyAccess: false };
  it('says who (organisation and role), how often, when and what', () => {
    expect(lookSentence({ ...row, firstLook: new Date('2026-11-03T10:00:00Z'), lastLook: new Date('2026-11-03T11:00:00Z') })).toBe(
      'Someone at Bury Central Medical Practice (Clinical Practitioner Access Role) looked at your record once on 3 November 2026: Medications.',
    );
    expect(lookSentence({ ...row, looks: 3, emergencyAccess: true, firstLook: new Date('2026-11-01T10:00:00Z'), lastLook: new Date('2026-11-03T11:00:00Z') })).toBe(
      'Someone at Bury Central Medical Practice (Clinical Practitioner Access Role) looked at your record 3 times between 1 November 2026 and 3 November 2026, including emergency access: Medications.',
    );
  });
});
