import { conceptsOf, optionalCodingOf, textOf, type ConceptValue } from './fhirValues';

/**
 * Who the patient is and how to reach them, read from a FHIR R4 / UK Core Patient as the source
 * means it: the current home address by `use` and `period` (never simply the first listed), phone
 * numbers by `use` and `rank`, communication needs (languages, interpreter), next of kin and
 * emergency contacts (`Patient.contact`), death (`deceased[x]`) and a restricted record
 * (`meta.security`). Pure: the feed stores what
 * this returns.
 */

export interface AddressValue {
  lines: string[];
  city: string | null;
  district: string | null;
  postcode: string | null;
  use: string | null;
  type: string | null;
  periodStart: string | null;
  periodEnd: string | null;
}

export interface ContactPointValue {
  system: string;
  value: string;
  use: string | null;
  rank: number | null;
  periodStart: string | null;
  periodEnd: string | null;
}

export interface CommunicationLanguageValue {
  language: ConceptValue;
  preferred: boolean | null;
  modes: ConceptValue[];
  proficiency: ConceptValue | null;
}

export interface CommunicationNeedsValue {
  languages: CommunicationLanguageValue[];
  /** null when the source did not say. */
  interpreterRequired: boolean | null;
}

export interface PatientContactValue {
  relationship: ConceptValue[];
  nextOfKin: boolean;
  emergencyContact: boolean;
  name: string | null;
  telecom: ContactPointValue[];
  address: AddressValue | null;
  periodStart: string | null;
  periodEnd: string | null;
}

/** What is current is decided when the record is read, not when it was fed: periods end. */
export type Dated<T> = T & { current: boolean };

export interface DeceasedValue {
  /** The date or date-time of death, at the source's precision; null when only "deceased" is known. */
  at: string | null;
}

const NHS_COMMUNICATION = 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSCommunication';
const INTERPRETER_REQUIRED = 'http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired';
const CONTACT_ROLE = 'http://terminology.hl7.org/CodeSystem/v2-0131';
const ROLE_CODE = 'http://terminology.hl7.org/CodeSystem/v3-RoleCode';

/** The earliest and latest day a date of any FHIR precision can mean ("2019" runs to 2019-12-31). */
const firstDay = (date: string) => (date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date.slice(0, 10));
const lastDay = (date: string) => (date.length === 4 ? `${date}-12-31` : date.length === 7 ? `${date}-31` : date.slice(0, 10));

function inPeriod(period: { periodStart: string | null; periodEnd: string | null }, now: Date): boolean {
  const today = now.toISOString().slice(0, 10);
  if (period.periodStart && firstDay(period.periodStart) > today) return false;
  if (period.periodEnd && lastDay(period.periodEnd) < today) return false;
  return true;
}

const periodOf = (period: fhir4.Period | undefined) => ({ periodStart: period?.start ?? null, periodEnd: period?.end ?? null });

export function addressOf(address: fhir4.Address): AddressValue {
  return {
    lines: (address.line ?? []).map((l) => textOf(l, 200)).filter((l): l is string => !!l),
    city: textOf(address.city, 200),
    district: textOf(address.district, 200),
    postcode: textOf(address.postalCode, 20),
    use: address.use ?? null,
    type: address.type ?? null,
    ...periodOf(address.period),
  };
}

const dated = <T extends { periodStart: string | null; periodEnd: string | null; use?: string | null }>(value: T, now: Date): Dated<T> => ({
  ...value,
  current: value.use !== 'old' && inPeriod(value, now),
});

// Which current address is "the" address: home first; a postal-only address last.
const ADDRESS_USE_ORDER = ['home', null, 'temp', 'work', 'billing'];
const addressRank = (a: Dated<AddressValue>) => (a.current ? 0 : 100) + (ADDRESS_USE_ORDER.indexOf(a.use) + 1 || 50) + (a.type === 'postal' ? 10 : 0);

/** Every address as of now, the current home address first (in the source's order otherwise). */
export function addressesAsOf(addresses: AddressValue[], now: Date): Array<Dated<AddressValue>> {
  return addresses.map((a, i) => ({ a: dated(a, now), i })).sort((x, y) => addressRank(x.a) - addressRank(y.a) || x.i - y.i).map(({ a }) => a);
}

/** The address to show and to trace by: the best current one, or none (never an ended or old one). */
export function currentAddressOf(addresses: AddressValue[], now: Date): AddressValue | null {
  return addressesAsOf(addresses, now).find((a) => a.current) ?? null;
}

export function contactPointsOf(telecom: fhir4.ContactPoint[] | undefined): ContactPointValue[] {
  return (telecom ?? [])
    .filter((t) => t.value && t.system)
    .map((t) => ({ system: t.system!, value: textOf(t.value, 200)!, use: t.use ?? null, rank: t.rank ?? null, ...periodOf(t.period) }));
}

export function contactPointsAsOf(telecom: ContactPointValue[], now: Date): Array<Dated<ContactPointValue>> {
  return telecom.map((t) => dated(t, now));
}

// A clinician calling the patient: the source's preferred rank first, then mobile, home, work, temporary.
const PHONE_USE_ORDER = ['mobile', 'home', 'work', 'temp', null];
const phoneRank = (t: Dated<ContactPointValue>) => (t.rank ?? 1000) * 10 + (PHONE_USE_ORDER.indexOf(t.use) + 1 || 9);

/** The phone number to call now. */
export function phoneOf(telecom: ContactPointValue[], now: Date): string | null {
  const phones = contactPointsAsOf(telecom, now).filter((t) => t.current && (t.system === 'phone' || t.system === 'sms'));
  return [...phones].sort((a, b) => phoneRank(a) - phoneRank(b))[0]?.value ?? null;
}

const subExtension = (extension: fhir4.Extension, url: string) => extension.extension?.find((e) => e.url === url);

/** Languages from Patient.communication and the UK Core NHSCommunication extension; interpreter from either. */
export function communicationOf(patient: fhir4.Patient): CommunicationNeedsValue | null {
  const languages: CommunicationLanguageValue[] = (patient.communication ?? []).map((c, i) => ({
    language: optionalCodingOf(c.language, `Patient.communication[${i}].language`)!,
    preferred: c.preferred ?? null,
    modes: [],
    proficiency: null,
  }));
  let interpreterRequired: boolean | null = null;
  for (const [i, extension] of (patient.extension ?? []).entries()) {
    const path = `Patient.extension[${i}]`;
    if (extension.url === INTERPRETER_REQUIRED && typeof extension.valueBoolean === 'boolean') interpreterRequired = interpreterRequired === true || extension.valueBoolean;
    if (extension.url !== NHS_COMMUNICATION) continue;
    const language = optionalCodingOf(subExtension(extension, 'language')?.valueCodeableConcept, `${path}.language`);
    if (language) {
      languages.push({
        language,
        preferred: subExtension(extension, 'preferred')?.valueBoolean ?? null,
        modes: (extension.extension ?? []).filter((e) => e.url === 'modeOfCommunication').flatMap((e, j) => conceptsOf(e.valueCodeableConcept ? [e.valueCodeableConcept] : [], `${path}.modeOfCommunication[${j}]`)),
        proficiency: optionalCodingOf(subExtension(extension, 'communicationProficiency')?.valueCodeableConcept, `${path}.communicationProficiency`),
      });
    }
    const interpreter = subExtension(extension, 'interpreterRequired')?.valueBoolean;
    if (typeof interpreter === 'boolean') interpreterRequired = interpreterRequired === true || interpreter;
  }
  return languages.length || interpreterRequired !== null ? { languages, interpreterRequired } : null;
}

const nameText = (name: fhir4.HumanName | undefined) => textOf(name?.text ?? [...(name?.prefix ?? []), ...(name?.given ?? []), name?.family].filter(Boolean).join(' '), 200);

/**
 * Whether a relationship (Patient.contact.relationship, RelatedPerson.relationship) makes the person
 * next of kin or an emergency contact, by its codes: HL7 v2-0131 N / C, or v3 RoleCode NOK / ECON
 * (both in UK Core's PersonRelationshipType).
 */
export function contactRolesOf(relationship: ConceptValue[]): { nextOfKin: boolean; emergencyContact: boolean } {
  const coded = (system: string, code: string) => relationship.some((r) => r.coding.some((coding) => coding.system === system && coding.code === code));
  return { nextOfKin: coded(CONTACT_ROLE, 'N') || coded(ROLE_CODE, 'NOK'), emergencyContact: coded(CONTACT_ROLE, 'C') || coded(ROLE_CODE, 'ECON') };
}

/** Next of kin and emergency contacts, with every relationship the source coded. */
export function contactsOf(contacts: fhir4.PatientContact[] | undefined): PatientContactValue[] {
  return (contacts ?? []).map((c, i) => {
    const relationship = conceptsOf(c.relationship, `Patient.contact[${i}].relationship`);
    return {
      relationship,
      ...contactRolesOf(relationship),
      name: nameText(c.name),
      telecom: contactPointsOf(c.telecom),
      address: c.address ? addressOf(c.address) : null,
      ...periodOf(c.period),
    };
  });
}

/** Contacts as of now: current ones first. */
export function contactsAsOf(contacts: PatientContactValue[], now: Date): Array<Dated<PatientContactValue>> {
  const all = contacts.map((c) => ({ ...c, current: inPeriod(c, now) }));
  return [...all.filter((c) => c.current), ...all.filter((c) => !c.current)];
}

/** deceasedBoolean true or a deceasedDateTime: the patient has died. */
export function deceasedOf(patient: fhir4.Patient): DeceasedValue | null {
  if (patient.deceasedDateTime) return { at: patient.deceasedDateTime };
  return patient.deceasedBoolean === true ? { at: null } : null;
}

/** A record's addresses and phones, including one fed before they were kept whole (a single address and phone). */
export function storedAddresses(record: { addresses?: AddressValue[]; address?: { lines: string[]; city: string | null; postcode: string | null } | null }): AddressValue[] {
  if (record.addresses?.length) return record.addresses;
  return record.address ? [{ ...record.address, district: null, use: null, type: null, periodStart: null, periodEnd: null }] : [];
}

export function storedTelecom(record: { telecom?: ContactPointValue[]; phone?: string | null }): ContactPointValue[] {
  if (record.telecom?.length) return record.telecom;
  return record.phone ? [{ system: 'phone', value: record.phone, use: null, rank: null, periodStart: null, periodEnd: null }] : [];
}

const CONFIDENTIALITY = 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality';

/**
 * The demographics source marks the record restricted: `Patient.meta.security` holds `R`
 * (restricted) or `V` (very restricted) from v3-Confidentiality, as the Personal Demographics
 * Service does for a patient whose record carries its sensitive ("S") flag. The record then shows
 * nobody where the patient lives or how to reach them (address, phone, email, contacts), as PDS
 * itself withholds them, and its banner says the record is restricted.
 */
export function restrictedOf(patient: fhir4.Patient): boolean {
  return (patient.meta?.security ?? []).some((label) => label.system === CONFIDENTIALITY && (label.code === 'R' || label.code === 'V'));
}
