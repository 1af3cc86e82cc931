import { addressKey, alertThreshold, findingsForLook, nameKey, type PatientIdentity, type StaffIdentity } from '../../subgraphs/audit/src/monitoring/matching';

/** The automatic monitoring's rules: which looks become findings (issue 13.3). */

const patient: PatientIdentity = { nhsNumber: '9993133701', familyName: "O'Brien", address: { lines: ['12 Mill Lane', 'Ramsbottom'], postcode: 'BL0 9AA' } };
const staff = (over: Partial<StaffIdentity> = {}): StaffIdentity => ({ staffId: 's1', familyName: 'Rahman', nhsNumber: null, address: { lines: ['1 High St'], postcode: 'BL9 0AA' }, ...over });

describe('monitoring matching', () => {
  it('normalises names and addresses, and ignores names too short to mean anything', () => {
    expect(nameKey("O'Brien")).toBe('OBRIEN');
    expect(nameKey(' obrien ')).toBe('OBRIEN');
    expect(nameKey('Zoë')).toBe('ZOE');
    expect(nameKey('A')).toBeNull();
    expect(addressKey({ lines: ['12, Mill Lane'], postcode: 'bl09aa' })).toBe(addressKey(patient.address));
    expect(addressKey({ lines: [], postcode: 'BL0 9AA' })).toBeNull();
  });

  it('finds a shared family name from the user\'s sign-in, with or without a staff record', () => {
    expect(findingsForLook({ userFamilyName: 'OBRIEN', patient, staff: null })).toEqual(['SAME_SURNAME']);
    expect(findingsForLook({ userFamilyName: null, patient, staff: staff({ familyName: "O'Brien" }) })).toEqual(['SAME_SURNAME']);
    expect(findingsForLook({ userFamilyName: 'Rahman', patient, staff: staff({ familyName: "O'Brien" }) })).toEqual([]);
    expect(findingsForLook({ userFamilyName: 'Brien', patient, staff: null })).toEqual([]);
  });

  it('finds the same address only from the staff feed', () => {
    expect(findingsForLook({ userFamilyName: 'Rahman', patient, staff: staff({ address: { lines: ['12 mill lane'], postcode: 'BL0 9AA' } }) })).toEqual(['SAME_ADDRESS']);
    expect(findingsForLook({ userFamilyName: 'Rahman', patient, staff: staff({ address: { lines: ['14 Mill Lane'], postcode: 'BL0 9AA' } }) })).toEqual([]);
  });

  it('finds the own record by NHS number, and then nothing else', () => {
    expect(findingsForLook({ userFamilyName: "O'Brien", patient, staff: staff({ nhsNumber: '9993133701', address: patient.address }) })).toEqual(['OWN_RECORD']);
  });

  it('reads the alert threshold from configuration, with a sane default', () => {
    expect(alertThreshold(undefined)).toBe(2);
    expect(alertThreshold('3')).toBe(3);
    expect(alertThreshold('nonsense')).toBe(2);
  });
});
