/// <reference types="fhir" />
/**
 * Small FHIR building blocks shared by the slice builders: references by identifier, codings,
 * deterministic ids and meta, and the Bundle wrapper.
 *
 * Bundles are of type `collection` (not `transaction`): a feed is a snapshot of what one source
 * holds about one patient, and ingestion upserts each entry by (organisation, resource id,
 * meta.versionId). Every entry has a fullUrl under a per-organisation base, so relative references
 * such as "Observation/<id>" resolve within the bundle.
 */

import { deterministicUuid, hashString } from './prng';
import { MINUTE, REFERENCE_INSTANT, isoDateTime, toMinute } from './clock';
import { organisationName } from './places';
import { SYSTEMS, type Concept } from './terminology';

const FULL_URL_BASE = 'https://synthetic.shareforyou.example/fhir';

/** Numeric kinds, part of every id, so ids of one organisation never collide. */
const Kind = {
  patient: 1,
  medication: 2,
  allergy: 3,
  condition: 4,
  immunization: 5,
  consultation: 6,
  attendance: 7,
  admission: 8,
  appointment: 9,
  dischargeSummary: 10,
  observation: 11,
  report: 12,
  mentalHealthEpisode: 13,
  crisisPlan: 14,
  riskAssessment: 15,
  communityEpisode: 16,
  homeVisit: 17,
  communityCarePlan: 18,
  socialCareEpisode: 19,
  carePackage: 20,
  assessment: 21,
  carer: 22,
  safeguardingFlag: 23,
  alertFlag: 24,
  riskFlag: 25,
  observationPanel: 26,
  medicationRequest: 27,
  medicationAdministration: 28,
  medicationDispense: 29,
  noKnownAllergies: 30,
  procedure: 31,
  referral: 32,
  familyHistory: 33,
  gpCarePlan: 34,
  device: 35,
  deviceUseStatement: 36,
  advanceDecision: 37,
  nilKnownList: 38,
  bundle: 64,
} as const;
export type KindName = keyof typeof Kind;

export type PatientReference = fhir4.Reference & { identifier: fhir4.Identifier };

function patientReference(nhsNumber: string): PatientReference {
  return { identifier: { system: SYSTEMS.nhsNumber, value: nhsNumber } };
}

export function organisationReference(odsCode: string): fhir4.Reference {
  return { identifier: { system: SYSTEMS.ods, value: odsCode }, display: organisationName(odsCode) };
}

export function coding(system: string, concept: Concept): fhir4.Coding {
  return { system, code: concept.code, display: concept.display };
}

export function snomed(concept: Concept, text?: string): fhir4.CodeableConcept {
  return text ? { coding: [coding(SYSTEMS.snomed, concept)], text } : { coding: [coding(SYSTEMS.snomed, concept)] };
}

const RESTRICTED: fhir4.Coding = { system: SYSTEMS.confidentiality, code: 'R', display: 'restricted' };

/** Ids, meta and references for the resources one organisation holds about one patient. */
export class SliceFactory {
  private readonly counters = new Map<number, number>();

  constructor(
    readonly odsCode: string,
    readonly index: number,
    readonly nhsNumber: string,
  ) {}

  /** The next id of a kind: stable for the same plan, unique within this organisation. */
  nextId(kind: KindName): string {
    const k = Kind[kind];
    const ordinal = this.counters.get(k) ?? 0;
    this.counters.set(k, ordinal + 1);
    return deterministicUuid(`${this.odsCode}|${kind}`, this.index, k, ordinal);
  }

  /**
   * meta for a resource last changed at source around `changedAt`: a deterministic few minutes to
   * a day and a half later (derived from the id), never after the reference instant.
   */
  meta(id: string, changedAt: number, sensitive = false): fhir4.Meta {
    const offset = (hashString(id) % 2160) + 5;
    const when = Math.min(REFERENCE_INSTANT, toMinute(changedAt + offset * MINUTE));
    const meta: fhir4.Meta = { versionId: '1', lastUpdated: isoDateTime(when) };
    if (sensitive) meta.security = [RESTRICTED];
    return meta;
  }

  /**
   * meta for a later version of a resource first sent with `meta(id, ...)`: the same offset from
   * its change, so a later change is always a later lastUpdated (never after the reference instant).
   */
  laterVersion(id: string, changedAt: number, versionId: string): fhir4.Meta {
    return { ...this.meta(id, changedAt), versionId };
  }

  get patient(): PatientReference {
    return patientReference(this.nhsNumber);
  }

  get organisation(): fhir4.Reference {
    return organisationReference(this.odsCode);
  }
}

/** A `collection` Bundle holding one organisation's resources about one patient. */
export function collectionBundle(odsCode: string, index: number, stream: number, resources: fhir4.FhirResource[]): fhir4.Bundle {
  return {
    resourceType: 'Bundle',
    id: deterministicUuid(`${odsCode}|bundle`, index, Kind.bundle, stream),
    meta: { versionId: '1', lastUpdated: isoDateTime(REFERENCE_INSTANT) },
    type: 'collection',
    timestamp: isoDateTime(REFERENCE_INSTANT),
    entry: resources.map((resource) => ({
      fullUrl: `${FULL_URL_BASE}/${odsCode}/${resource.resourceType}/${resource.id}`,
      resource,
    })),
  };
}

/**
 * The NHS number a resource is about: Patient.identifier, or the identifier of its
 * subject / patient reference (Appointment: the Patient participant). Exported for consumers.
 */
export function nhsNumberOf(resource: fhir4.FhirResource): string | undefined {
  const fromReference = (ref: fhir4.Reference | undefined): string | undefined =>
    ref?.identifier?.system === SYSTEMS.nhsNumber ? ref.identifier.value : undefined;
  switch (resource.resourceType) {
    case 'Patient':
      return resource.identifier?.find((i) => i.system === SYSTEMS.nhsNumber)?.value;
    case 'Appointment':
      return resource.participant.map((p) => fromReference(p.actor)).find((v) => v !== undefined);
    case 'AllergyIntolerance':
    case 'Immunization':
    case 'EpisodeOfCare':
    case 'RelatedPerson':
    case 'FamilyMemberHistory':
    case 'Consent':
    case 'Device':
      return fromReference(resource.patient);
    default: {
      const withSubject = resource as { subject?: fhir4.Reference };
      return fromReference(withSubject.subject);
    }
  }
}
