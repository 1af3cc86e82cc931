import {
  addressesAsOf,
  addressOf,
  communicationOf,
  contactPointsOf,
  contactsAsOf,
  contactsOf,
  currentAddressOf,
  deceasedOf,
  phoneOf,
  restrictedOf,
  storedAddresses,
  storedTelecom,
} from '../../subgraphs/kit/src/ingest/patientDemographics';

/**
 * A UK Core Patient read as FHIR R4 means it (issue 11.4, Patient): written from the Patient
 * resource definition and the UK Core Patient profile, not from our generator.
 */
const NOW = new Date('2026-12-02T10:00:00Z');

const patient: fhir4.Patient = {
  resourceType: 'Patient',
  address: [
    { use: 'old', line: ['1 Former Street'], city: 'Bury', postalCode: 'BL9 0AA' },
    { use: 'home', type: 'both', line: ['12 Moved Out Road'], city: 'Bury', postalCode: 'BL9 0AB', period: { start: '2010-01-01', end: '2025-06-30' } },
    { use: 'work', line: ['Bury Town Hall'], city: 'Bury', postalCode: 'BL9 0SW' },
    { use: 'home', type: 'both', line: ['3 Current Close'], city: 'Bury', district: 'Greater Manchester', postalCode: 'BL9 9XY', period: { start: '2025-07-01' } },
    { use: 'home', line: ['9 Next Month Lane'], city: 'Bury', postalCode: 'BL8 1ZZ', period: { start: '2027-01' } },
  ],
  telecom: [
    { system: 'phone', value: '0161 496 0000', use: 'home', rank: 2 },
    { system: 'phone', value: '07700 900001', use: 'mobile', rank: 1 },
    { system: 'phone', value: '07700 900999', use: 'old' },
    { system: 'email', value: 'margaret@example.org', use: 'home' },
  ],
  extension: [
    {
      url: 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSCommunication',
      extension: [
        { url: 'language', valueCodeableConcept: { coding: [{ system: 'https://fhir.hl7.org.uk/CodeSystem/UKCore-HumanLanguage', code: 'pl', display: 'Polish' }] } },
        { url: 'preferred', valueBoolean: true },
        { url: 'modeOfCommunication', valueCodeableConcept: { coding: [{ system: 'https://fhir.hl7.org.uk/CodeSystem/UKCore-LanguageAbilityMode', code: 'ESP', display: 'Expressed spoken' }] } },
        { url: 'interpreterRequired', valueBoolean: true },
      ],
    },
  ],
  communication: [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'en-GB', display: 'English (United Kingdom)' }] }, preferred: false }],
  contact: [
    {
      relationship: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0131', code: 'C', display: 'Emergency Contact' }] }],
      name: { given: ['Former'], family: 'Neighbour' },
      period: { start: '2015-01-01', end: '2020-01-01' },
    },
    {
      relationship: [
        { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0131', code: 'N', display: 'Next-of-Kin' }] },
        { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'DAU', display: 'daughter' }] },
      ],
      name: { given: ['Susan'], family: 'Kenyon' },
      telecom: [{ system: 'phone', value: '07700 900214', use: 'mobile' }],
    },
  ],
};

describe('the current address', () => {
  const addresses = (patient.address ?? []).map(addressOf);

  it('is the home address in its period today, not the first listed, an old one, an ended one or a future one', () => {
    expect(currentAddressOf(addresses, NOW)).toMatchObject({ lines: ['3 Current Close'], postcode: 'BL9 9XY', district: 'Greater Manchester', use: 'home' });
  });

  it('lists every address, current ones first (home before work), each saying whether it is current', () => {
    const listed = addressesAsOf(addresses, NOW);
    expect(listed.map((a) => [a.lines[0], a.current])).toEqual([
      ['3 Current Close', true],
      ['Bury Town Hall', true],
      ['12 Moved Out Road', false],
      ['9 Next Month Lane', false],
      ['1 Former Street', false],
    ]);
  });

  it('moves with time: the future address becomes current when its period starts', () => {
    expect(currentAddressOf(addresses, new Date('2027-01-15T00:00:00Z'))?.lines).toEqual(['3 Current Close']);
    const moved = addresses.map((a) => (a.lines[0] === '3 Current Close' ? { ...a, periodEnd: '2026-12' } : a));
    expect(currentAddressOf(moved, new Date('2027-01-15T00:00:00Z'))?.lines).toEqual(['9 Next Month Lane']);
  });

  it('is none when no address is current (never an ended one)', () => {
    expect(currentAddressOf([addressOf({ use: 'home', line: ['Gone'], period: { end: '2020' } })], NOW)).toBeNull();
  });
});

describe('phone numbers', () => {
  it('the number to call is the preferred rank, then mobile before home; old ones are never it', () => {
    expect(phoneOf(contactPointsOf(patient.telecom), NOW)).toBe('07700 900001');
    expect(phoneOf(contactPointsOf([{ system: 'phone', value: '0161 1', use: 'home' }, { system: 'phone', value: '07700 2', use: 'mobile' }]), NOW)).toBe('07700 2');
    expect(phoneOf(contactPointsOf([{ system: 'phone', value: '07700 3', use: 'old' }, { system: 'phone', value: '07700 4', period: { end: '2021-01-01' } }]), NOW)).toBeNull();
  });

  it('keeps every contact point with its system and use', () => {
    expect(contactPointsOf(patient.telecom).map((t) => `${t.system}:${t.use}`)).toEqual(['phone:home', 'phone:mobile', 'phone:old', 'email:home']);
  });
});

describe('communication needs', () => {
  it('reads the UK Core NHSCommunication extension and Patient.communication: languages, preference, mode, interpreter', () => {
    const needs = communicationOf(patient)!;
    expect(needs.interpreterRequired).toBe(true);
    expect(needs.languages.map((l) => [l.language.code, l.preferred])).toEqual([
      ['en-GB', false],
      ['pl', true],
    ]);
    expect(needs.languages[1].modes.map((m) => m.display)).toEqual(['Expressed spoken']);
  });

  it('reads the core interpreterRequired extension, and says nothing when the source said nothing', () => {
    expect(communicationOf({ resourceType: 'Patient', extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired', valueBoolean: false }] })).toEqual({ languages: [], interpreterRequired: false });
    expect(communicationOf({ resourceType: 'Patient' })).toBeNull();
  });
});

describe('next of kin and emergency contacts', () => {
  it('keeps every relationship, marks next of kin and emergency contacts by their v2-0131 codes, current ones first', () => {
    const contacts = contactsAsOf(contactsOf(patient.contact), NOW);
    expect(contacts.map((c) => [c.name, c.nextOfKin, c.emergencyContact, c.current])).toEqual([
      ['Susan Kenyon', true, false, true],
      ['Former Neighbour', false, true, false],
    ]);
    expect(contacts[0].relationship.map((r) => r.display)).toEqual(['Next-of-Kin', 'daughter']);
    expect(contacts[0].telecom[0].value).toBe('07700 900214');
  });
});

describe('death', () => {
  it('is recorded from deceasedDateTime at its precision, or deceasedBoolean true; false or absent is alive', () => {
    expect(deceasedOf({ resourceType: 'Patient', deceasedDateTime: '2026-11-30T23:10:00+00:00' })).toEqual({ at: '2026-11-30T23:10:00+00:00' });
    expect(deceasedOf({ resourceType: 'Patient', deceasedDateTime: '2026-11' })).toEqual({ at: '2026-11' });
    expect(deceasedOf({ resourceType: 'Patient', deceasedBoolean: true })).toEqual({ at: null });
    expect(deceasedOf({ resourceType: 'Patient', deceasedBoolean: false })).toBeNull();
    expect(deceasedOf({ resourceType: 'Patient' })).toBeNull();
  });
});

describe('a restricted record (PDS sensitive flag)', () => {
  const CONFIDENTIALITY = 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality';
  it('is Patient.meta.security R or V from v3-Confidentiality; U, N, another system, or none is not restricted', () => {
    expect(restrictedOf({ resourceType: 'Patient', meta: { security: [{ system: CONFIDENTIALITY, code: 'R', display: 'restricted' }] } })).toBe(true);
    expect(restrictedOf({ resourceType: 'Patient', meta: { security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'PROCESSINLINELABEL' }, { system: CONFIDENTIALITY, code: 'V' }] } })).toBe(true);
    expect(restrictedOf({ resourceType: 'Patient', meta: { security: [{ system: CONFIDENTIALITY, code: 'U', display: 'unrestricted' }] } })).toBe(false);
    expect(restrictedOf({ resourceType: 'Patient', meta: { security: [{ system: CONFIDENTIALITY, code: 'N' }] } })).toBe(false);
    expect(restrictedOf({ resourceType: 'Patient', meta: { security: [{ system: 'http://example.org/other', code: 'R' }] } })).toBe(false);
    expect(restrictedOf({ resourceType: 'Patient', meta: { versionId: '1' } })).toBe(false);
    expect(restrictedOf({ resourceType: 'Patient' })).toBe(false);
  });
});

it('reads a record fed before addresses and phones were kept whole', () => {
  const legacy = { address: { lines: ['1 Old Way'], city: 'Bury', postcode: 'BL9 1AA' }, phone: '0161 496 0123' };
  expect(currentAddressOf(storedAddresses(legacy), NOW)?.postcode).toBe('BL9 1AA');
  expect(phoneOf(storedTelecom(legacy), NOW)).toBe('0161 496 0123');
});
