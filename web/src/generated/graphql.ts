/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** AllergyIntolerance.criticality: the potential for a serious reaction. */
export type AllergyCriticality =
  | 'high'
  | 'low'
  | 'unable_to_assess';

/** Appointment.status (FHIR R4). Entered-in-error appointments are never shown. */
export type AppointmentStatus =
  | 'arrived'
  | 'booked'
  | 'cancelled'
  | 'checked_in'
  | 'fulfilled'
  | 'noshow'
  | 'pending'
  | 'proposed'
  | 'waitlist';

export type BreakGlassReason =
  /** The patient is unconscious or otherwise unable to consent */
  | 'EMERGENCY_CARE'
  /** Anything else; the detail must say what */
  | 'OTHER'
  /** Care has started and the relationship has not reached the record yet */
  | 'RELATIONSHIP_NOT_YET_RECORDED'
  /** Immediate risk to the patient or to others */
  | 'RISK_OF_HARM';

/** Condition.clinicalStatus (FHIR R4). */
export type ConditionClinicalStatus =
  | 'active'
  | 'inactive'
  | 'recurrence'
  | 'relapse'
  | 'remission'
  | 'resolved';

/** The status of a letter or summary: DocumentReference.status (current, superseded) or, for a Composition, Composition.status (preliminary, final, amended). Entered-in-error documents are never shown. */
export type DocumentStatus =
  | 'amended'
  | 'current'
  | 'final'
  | 'preliminary'
  | 'superseded';

/** Encounter.status (FHIR R4). Entered-in-error encounters are never shown. */
export type EncounterStatus =
  | 'arrived'
  | 'cancelled'
  | 'finished'
  | 'in_progress'
  | 'onleave'
  | 'planned'
  | 'triaged'
  | 'unknown';

/** Immunization.status (FHIR R4). Entered-in-error items are never shown. */
export type ImmunizationStatus =
  | 'completed'
  | 'not_done';

/** MedicationStatement.status and MedicationRequest.status (FHIR R4). Entered-in-error items are never shown. */
export type MedicationStatus =
  | 'active'
  | 'cancelled'
  | 'completed'
  | 'draft'
  | 'intended'
  | 'not_taken'
  | 'on_hold'
  | 'stopped'
  | 'unknown';

/** Observation.status (FHIR R4). Entered-in-error results are never shown. */
export type ObservationStatus =
  | 'amended'
  | 'cancelled'
  | 'corrected'
  | 'final'
  | 'preliminary'
  | 'registered'
  | 'unknown';

export type AccessHistoryQueryVariables = Exact<{
  nhsNumber: string;
}>;


export type AccessHistoryQuery = { recordAccessSummary: Array<{ odsCode: string, jobRole: string | null, profile: string | null, firstAccess: string, lastAccess: string, requests: number, categories: Array<string>, breakGlass: boolean }> };

export type AllergiesQueryVariables = Exact<{
  nhsNumber: string;
}>;


export type AllergiesQuery = { patient: { nhsNumber: string, breakGlass: { reason: BreakGlassReason, expiresAt: string } | null, allergies: Array<{ id: string, reaction: string | null, criticality: AllergyCriticality | null, recordedDate: unknown, code: { display: string }, provenance: { organisationName: string } }> | null, gpSource: { organisations: Array<string>, lastUpdated: string | null, readAt: string } | null } | null };

export type CommunityQueryVariables = Exact<{
  nhsNumber: string;
}>;


export type CommunityQuery = { patient: { nhsNumber: string, breakGlass: { reason: BreakGlassReason, expiresAt: string } | null, communityEpisodes: Array<{ id: string, service: string, status: string, start: string, end: string | null, team: string | null, leadClinician: string | null, provenance: { organisationName: string } }> | null, communityVisits: Array<{ id: string, date: string, status: string, setting: string, description: string | null, clinician: string | null, provenance: { organisationName: string } }> | null, communityCarePlans: Array<{ id: string, title: string, status: string, description: string | null, start: string, end: string | null, provenance: { organisationName: string } }> | null, communitySource: { organisations: Array<string>, lastUpdated: string | null, readAt: string } | null } | null };

export type DemographicsQueryVariables = Exact<{
  nhsNumber: string;
}>;


export type DemographicsQuery = { patient: { nhsNumber: string, birthDate: string | null, gender: string | null, phone: string | null, breakGlass: { reason: BreakGlassReason, expiresAt: string } | null, name: { text: string } | null, deceased: { at: unknown } | null, address: { lines: Array<string>, city: string | null, postcode: string | null, use: string | null } | null, communication: { interpreterRequired: boolean | null, languages: Array<{ preferred: boolean | null, language: { display: string }, modes: Array<{ display: string }> }> } | null, contacts: Array<{ name: string | null, nextOfKin: boolean, emergencyContact: boolean, current: boolean, relationship: Array<{ display: string }>, telecom: Array<{ system: string, value: string, current: boolean }> }> | null, registeredPractice: { odsCode: string, name: string } | null, careRelationships: Array<{ kind: string, from: string, until: string | null, organisation: { odsCode: string, name: string } }> | null, careCoordinator: { id: string, name: string, team: string | null, phone: string | null, since: string, provenance: { organisationName: string } } | null, allocatedWorker: { id: string, name: string, role: string | null, team: string | null, phone: string | null, since: string, provenance: { organisationName: string } } | null, mentalHealthSource: { organisations: Array<string>, lastUpdated: string | null, readAt: string } | null, socialCareSource: { organisations: Array<string>, lastUpdated: string | null, readAt: string } | null } | null };

export type DocumentsQueryVariables = Exact<{
  nhsNumber: string;
}>;


export type DocumentsQuery = { patient: { nhsNumber: string, breakGlass: { reason: BreakGlassReason, expiresAt: string } | null, dischargeSummaries: Array<{ id: string, title: string, date: unknown, status: DocumentStatus, current: boolean, summary: string | null, author: string | null, type: { display: string }, sections: Array<{ title: string | null, text: string | null, tables: Array<{ rows: Array<{ cells: Array<string> }> }> }>, attachments: Array<{ title: string, contentType: string | null, url: string | null, inline: boolean }>, provenance: { organisationName: string } }> | null, acuteSource: { organisations: Array<string>, lastUpdated: string | null, readAt: string } | null } | null };

export type EmergencySummaryQueryVariables = Exact<{
  nhsNumber: string;
}>;


export type EmergencySummaryQuery = { patient: { nhsNumber: string, breakGlass: { reason: BreakGlassReason, expiresAt: string } | null, allergies: Array<{ id: string, reaction: string | null, criticality: AllergyCriticality | null, recordedDate: unknown, code: { display: string }, provenance: { organisationName: string } }> | null, medications: Array<{ id: string, dosage: string | null, status: MedicationStatus, current: boolean, startDate: unknown, medication: { display: string }, provenance: { organisationName: string } }> | null, safeguardingAlert: { id: string, description: string, category: string | null, status: string, provenance: { organisationName: string } } | null, crisisPlan: { id: string, title: string, status: string, created: string, summary: string | null, whatHelps: string | null, contacts: string | null, provenance: { organisationName: string } } | null, admissions: Array<{ id: string, status: EncounterStatus, admitted: unknown, discharged: unknown, ward: string | null, reason: { display: string } | null, provenance: { organisationName: string } }> | null, gpSource: { organisations: Array<string>, lastUpdated: string | null, readAt: string } | null, acuteSource: { organisations: Array<string>, lastUpdated: string | null, readAt: string } | null, mentalHealthSource: { organisations: Array<string>, lastUpdated: string | null, readAt: string } | null, socialCareSource: { organisations: Array<string>, lastUpdated: string | null, readAt: string } | null } | null };

export type EncountersQueryVariables = Exact<{
  nhsNumber: string;
}>;


export type EncountersQuery = { patient: { nhsNumber: string, breakGlass: { reason: BreakGlassReason, expiresAt: string } | null, consultations: Array<{ id: string, date: unknown, clinician: string | null, type: { display: string }, reason: { display: string } | null, provenance: { organisationName: string } }> | null, admissions: Array<{ id: string, status: EncounterStatus, admitted: unknown, discharged: unknown, ward: string | null, reason: { display: string } | null, specialty: { display: string } | null, provenance: { organisationName: string } }> | null, aeAttendances: Array<{ id: string, status: EncounterStatus, arrival: unknown, departure: unknown, outcome: string | null, reason: { display: string } | null, provenance: { organisationName: string } }> | null, otherEncounters: Array<{ id: string, status: EncounterStatus, start: unknown, end: unknown, class: { code: string, display: string } | null, specialty: { display: string } | null, locations: Array<{ location: string | null }>, provenance: { organisationName: string } }> | null, outpatientAppointments: Array<{ id: string, status: AppointmentStatus, start: unknown, clinic: string | null, specialty: { display: string } | null, provenance: { organisationName: string } }> | null, gpSource: { organisations: Array<string>, lastUpdated: string | null, readAt: string } | null, acuteSource: { organisations: Array<string>, lastUpdated: string | null, readAt: string } | null } | null };

export type ImmunisationsQueryVariables = Exact<{
  nhsNumber: string;
}>;


export type ImmunisationsQuery = { patient: { nhsNumber: string, breakGlass: { reason: BreakGlassReason, expiresAt: string } | null, immunisations: Array<{ id: string, date: unknown, status: ImmunizationStatus, vaccine: { display: string }, provenance: { organisationName: string } }> | null, gpSource: { organisations: Array<string>, lastUpdated: string | null, readAt: string } | null } | null };

export type MedicationsQueryVariables = Exact<{
  nhsNumber: string;
}>;


export type MedicationsQuery = { patient: { nhsNumber: string, breakGlass: { reason: BreakGlassReason, expiresAt: string } | null, medications: Array<{ id: string, dosage: string | null, status: MedicationStatus, current: boolean, startDate: unknown, endDate: unknown, medication: { display: string }, provenance: { organisationName: string } }> | null, gpSource: { organisations: Array<string>, lastUpdated: string | null, readAt: string } | null } | null };

export type MentalHealthQueryVariables = Exact<{
  nhsNumber: string;
}>;


export type MentalHealthQuery = { patient: { nhsNumber: string, breakGlass: { reason: BreakGlassReason, expiresAt: string } | null, careCoordinator: { id: string, name: string, team: string | null, phone: string | null, since: string, provenance: { organisationName: string } } | null, careProgrammeStatus: { id: string, status: string, since: string, provenance: { organisationName: string } } | null, crisisPlan: { id: string, title: string, status: string, created: string, summary: string | null, triggers: string | null, earlyWarningSigns: string | null, whatHelps: string | null, contacts: string | null, provenance: { organisationName: string } } | null, mentalHealthEpisodes: Array<{ id: string, status: string, start: string, end: string | null, team: string | null, service: string | null, provenance: { organisationName: string } }> | null, riskSummary: { id: string, status: string, date: string, summary: string, level: string | null, provenance: { organisationName: string } } | null, mentalHealthSource: { organisations: Array<string>, lastUpdated: string | null, readAt: string } | null } | null };

export type ProblemsQueryVariables = Exact<{
  nhsNumber: string;
}>;


export type ProblemsQuery = { patient: { nhsNumber: string, breakGlass: { reason: BreakGlassReason, expiresAt: string } | null, problems: Array<{ id: string, clinicalStatus: ConditionClinicalStatus | null, onsetDate: unknown, code: { display: string }, provenance: { organisationName: string } }> | null, gpSource: { organisations: Array<string>, lastUpdated: string | null, readAt: string } | null } | null };

export type ResultsQueryVariables = Exact<{
  nhsNumber: string;
}>;


export type ResultsQuery = { patient: { nhsNumber: string, breakGlass: { reason: BreakGlassReason, expiresAt: string } | null, testResults: Array<{ id: string, reportName: string | null, value: string | null, unit: string | null, referenceRange: string | null, abnormal: boolean | null, status: ObservationStatus, current: boolean, effectiveDate: unknown, issued: unknown, memberIds: Array<string>, code: { display: string }, dataAbsentReason: { display: string, text: string | null } | null, components: Array<{ code: { display: string, text: string | null }, value: { text: string } | null, dataAbsentReason: { display: string } | null }>, provenance: { organisationName: string } }> | null, acuteSource: { organisations: Array<string>, lastUpdated: string | null, readAt: string } | null } | null };

export type SocialCareQueryVariables = Exact<{
  nhsNumber: string;
}>;


export type SocialCareQuery = { patient: { nhsNumber: string, breakGlass: { reason: BreakGlassReason, expiresAt: string } | null, allocatedWorker: { id: string, name: string, role: string | null, team: string | null, phone: string | null, since: string, provenance: { organisationName: string } } | null, carePackages: Array<{ id: string, service: string, description: string | null, hoursPerWeek: number | null, status: string, start: string, end: string | null, provenance: { organisationName: string } }> | null, socialCareAssessments: Array<{ id: string, type: string, status: string, date: string, outcome: string | null, provenance: { organisationName: string } }> | null, carers: Array<{ id: string, name: string, phone: string | null, active: boolean, relationship: { display: string } | null, provenance: { organisationName: string } }> | null, safeguardingAlert: { id: string, description: string, category: string | null, status: string, provenance: { organisationName: string } } | null, socialCareSource: { organisations: Array<string>, lastUpdated: string | null, readAt: string } | null } | null };

export type MyAccessQueryVariables = Exact<{ [key: string]: never; }>;


export type MyAccessQuery = { myAccess: { jobRole: string, odsCode: string, profile: string, profileLabel: string, breakGlassAllowed: boolean, traceAllowed: boolean, recordAccessAllowed: boolean, panels: Array<{ name: string, label: string, categories: Array<string>, restricted: Array<string> }> } };

export type TraceQueryVariables = Exact<{
  familyName: string;
  birthDate: string;
  postcode?: string | null | undefined;
}>;


export type TraceQuery = { patientSearch: Array<{ nhsNumber: string, birthDate: string, gender: string | null, postcode: string | null, name: { text: string }, registeredPractice: { name: string } | null }> };

export type DeclareBreakGlassMutationVariables = Exact<{
  nhsNumber: string;
  reason: BreakGlassReason;
  detail: string;
}>;


export type DeclareBreakGlassMutation = { declareBreakGlass: { id: string, reason: BreakGlassReason, expiresAt: string } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const AccessHistoryDocument = new TypedDocumentString(`
    query AccessHistory($nhsNumber: String!) {
  recordAccessSummary(nhsNumber: $nhsNumber) {
    odsCode
    jobRole
    profile
    firstAccess
    lastAccess
    requests
    categories
    breakGlass
  }
}
    `) as unknown as TypedDocumentString<AccessHistoryQuery, AccessHistoryQueryVariables>;
export const AllergiesDocument = new TypedDocumentString(`
    query Allergies($nhsNumber: String!) {
  patient(nhsNumber: $nhsNumber) {
    nhsNumber
    breakGlass {
      reason
      expiresAt
    }
    allergies {
      id
      code {
        display
      }
      reaction
      criticality
      recordedDate
      provenance {
        organisationName
      }
    }
    gpSource {
      organisations
      lastUpdated
      readAt
    }
  }
}
    `) as unknown as TypedDocumentString<AllergiesQuery, AllergiesQueryVariables>;
export const CommunityDocument = new TypedDocumentString(`
    query Community($nhsNumber: String!) {
  patient(nhsNumber: $nhsNumber) {
    nhsNumber
    breakGlass {
      reason
      expiresAt
    }
    communityEpisodes {
      id
      service
      status
      start
      end
      team
      leadClinician
      provenance {
        organisationName
      }
    }
    communityVisits {
      id
      date
      status
      setting
      description
      clinician
      provenance {
        organisationName
      }
    }
    communityCarePlans {
      id
      title
      status
      description
      start
      end
      provenance {
        organisationName
      }
    }
    communitySource {
      organisations
      lastUpdated
      readAt
    }
  }
}
    `) as unknown as TypedDocumentString<CommunityQuery, CommunityQueryVariables>;
export const DemographicsDocument = new TypedDocumentString(`
    query Demographics($nhsNumber: String!) {
  patient(nhsNumber: $nhsNumber) {
    nhsNumber
    breakGlass {
      reason
      expiresAt
    }
    name {
      text
    }
    birthDate
    gender
    deceased {
      at
    }
    address {
      lines
      city
      postcode
      use
    }
    phone
    communication {
      interpreterRequired
      languages {
        language {
          display
        }
        preferred
        modes {
          display
        }
      }
    }
    contacts {
      name
      nextOfKin
      emergencyContact
      current
      relationship {
        display
      }
      telecom {
        system
        value
        current
      }
    }
    registeredPractice {
      odsCode
      name
    }
    careRelationships {
      organisation {
        odsCode
        name
      }
      kind
      from
      until
    }
    careCoordinator {
      id
      name
      team
      phone
      since
      provenance {
        organisationName
      }
    }
    allocatedWorker {
      id
      name
      role
      team
      phone
      since
      provenance {
        organisationName
      }
    }
    mentalHealthSource {
      organisations
      lastUpdated
      readAt
    }
    socialCareSource {
      organisations
      lastUpdated
      readAt
    }
  }
}
    `) as unknown as TypedDocumentString<DemographicsQuery, DemographicsQueryVariables>;
export const DocumentsDocument = new TypedDocumentString(`
    query Documents($nhsNumber: String!) {
  patient(nhsNumber: $nhsNumber) {
    nhsNumber
    breakGlass {
      reason
      expiresAt
    }
    dischargeSummaries {
      id
      title
      type {
        display
      }
      date
      status
      current
      summary
      author
      sections {
        title
        text
        tables {
          rows {
            cells
          }
        }
      }
      attachments {
        title
        contentType
        url
        inline
      }
      provenance {
        organisationName
      }
    }
    acuteSource {
      organisations
      lastUpdated
      readAt
    }
  }
}
    `) as unknown as TypedDocumentString<DocumentsQuery, DocumentsQueryVariables>;
export const EmergencySummaryDocument = new TypedDocumentString(`
    query EmergencySummary($nhsNumber: String!) {
  patient(nhsNumber: $nhsNumber) {
    nhsNumber
    breakGlass {
      reason
      expiresAt
    }
    allergies {
      id
      code {
        display
      }
      reaction
      criticality
      recordedDate
      provenance {
        organisationName
      }
    }
    medications {
      id
      medication {
        display
      }
      dosage
      status
      current
      startDate
      provenance {
        organisationName
      }
    }
    safeguardingAlert {
      id
      description
      category
      status
      provenance {
        organisationName
      }
    }
    crisisPlan {
      id
      title
      status
      created
      summary
      whatHelps
      contacts
      provenance {
        organisationName
      }
    }
    admissions {
      id
      status
      admitted
      discharged
      reason {
        display
      }
      ward
      provenance {
        organisationName
      }
    }
    gpSource {
      organisations
      lastUpdated
      readAt
    }
    acuteSource {
      organisations
      lastUpdated
      readAt
    }
    mentalHealthSource {
      organisations
      lastUpdated
      readAt
    }
    socialCareSource {
      organisations
      lastUpdated
      readAt
    }
  }
}
    `) as unknown as TypedDocumentString<EmergencySummaryQuery, EmergencySummaryQueryVariables>;
export const EncountersDocument = new TypedDocumentString(`
    query Encounters($nhsNumber: String!) {
  patient(nhsNumber: $nhsNumber) {
    nhsNumber
    breakGlass {
      reason
      expiresAt
    }
    consultations {
      id
      type {
        display
      }
      reason {
        display
      }
      date
      clinician
      provenance {
        organisationName
      }
    }
    admissions {
      id
      status
      admitted
      discharged
      reason {
        display
      }
      specialty {
        display
      }
      ward
      provenance {
        organisationName
      }
    }
    aeAttendances {
      id
      status
      arrival
      departure
      reason {
        display
      }
      outcome
      provenance {
        organisationName
      }
    }
    otherEncounters {
      id
      status
      class {
        code
        display
      }
      start
      end
      specialty {
        display
      }
      locations {
        location
      }
      provenance {
        organisationName
      }
    }
    outpatientAppointments {
      id
      status
      start
      specialty {
        display
      }
      clinic
      provenance {
        organisationName
      }
    }
    gpSource {
      organisations
      lastUpdated
      readAt
    }
    acuteSource {
      organisations
      lastUpdated
      readAt
    }
  }
}
    `) as unknown as TypedDocumentString<EncountersQuery, EncountersQueryVariables>;
export const ImmunisationsDocument = new TypedDocumentString(`
    query Immunisations($nhsNumber: String!) {
  patient(nhsNumber: $nhsNumber) {
    nhsNumber
    breakGlass {
      reason
      expiresAt
    }
    immunisations {
      id
      vaccine {
        display
      }
      date
      status
      provenance {
        organisationName
      }
    }
    gpSource {
      organisations
      lastUpdated
      readAt
    }
  }
}
    `) as unknown as TypedDocumentString<ImmunisationsQuery, ImmunisationsQueryVariables>;
export const MedicationsDocument = new TypedDocumentString(`
    query Medications($nhsNumber: String!) {
  patient(nhsNumber: $nhsNumber) {
    nhsNumber
    breakGlass {
      reason
      expiresAt
    }
    medications {
      id
      medication {
        display
      }
      dosage
      status
      current
      startDate
      endDate
      provenance {
        organisationName
      }
    }
    gpSource {
      organisations
      lastUpdated
      readAt
    }
  }
}
    `) as unknown as TypedDocumentString<MedicationsQuery, MedicationsQueryVariables>;
export const MentalHealthDocument = new TypedDocumentString(`
    query MentalHealth($nhsNumber: String!) {
  patient(nhsNumber: $nhsNumber) {
    nhsNumber
    breakGlass {
      reason
      expiresAt
    }
    careCoordinator {
      id
      name
      team
      phone
      since
      provenance {
        organisationName
      }
    }
    careProgrammeStatus {
      id
      status
      since
      provenance {
        organisationName
      }
    }
    crisisPlan {
      id
      title
      status
      created
      summary
      triggers
      earlyWarningSigns
      whatHelps
      contacts
      provenance {
        organisationName
      }
    }
    mentalHealthEpisodes {
      id
      status
      start
      end
      team
      service
      provenance {
        organisationName
      }
    }
    riskSummary {
      id
      status
      date
      summary
      level
      provenance {
        organisationName
      }
    }
    mentalHealthSource {
      organisations
      lastUpdated
      readAt
    }
  }
}
    `) as unknown as TypedDocumentString<MentalHealthQuery, MentalHealthQueryVariables>;
export const ProblemsDocument = new TypedDocumentString(`
    query Problems($nhsNumber: String!) {
  patient(nhsNumber: $nhsNumber) {
    nhsNumber
    breakGlass {
      reason
      expiresAt
    }
    problems {
      id
      code {
        display
      }
      clinicalStatus
      onsetDate
      provenance {
        organisationName
      }
    }
    gpSource {
      organisations
      lastUpdated
      readAt
    }
  }
}
    `) as unknown as TypedDocumentString<ProblemsQuery, ProblemsQueryVariables>;
export const ResultsDocument = new TypedDocumentString(`
    query Results($nhsNumber: String!) {
  patient(nhsNumber: $nhsNumber) {
    nhsNumber
    breakGlass {
      reason
      expiresAt
    }
    testResults {
      id
      code {
        display
      }
      reportName
      value
      unit
      referenceRange
      abnormal
      status
      current
      effectiveDate
      issued
      dataAbsentReason {
        display
        text
      }
      components {
        code {
          display
          text
        }
        value {
          text
        }
        dataAbsentReason {
          display
        }
      }
      memberIds
      provenance {
        organisationName
      }
    }
    acuteSource {
      organisations
      lastUpdated
      readAt
    }
  }
}
    `) as unknown as TypedDocumentString<ResultsQuery, ResultsQueryVariables>;
export const SocialCareDocument = new TypedDocumentString(`
    query SocialCare($nhsNumber: String!) {
  patient(nhsNumber: $nhsNumber) {
    nhsNumber
    breakGlass {
      reason
      expiresAt
    }
    allocatedWorker {
      id
      name
      role
      team
      phone
      since
      provenance {
        organisationName
      }
    }
    carePackages {
      id
      service
      description
      hoursPerWeek
      status
      start
      end
      provenance {
        organisationName
      }
    }
    socialCareAssessments {
      id
      type
      status
      date
      outcome
      provenance {
        organisationName
      }
    }
    carers {
      id
      name
      relationship {
        display
      }
      phone
      active
      provenance {
        organisationName
      }
    }
    safeguardingAlert {
      id
      description
      category
      status
      provenance {
        organisationName
      }
    }
    socialCareSource {
      organisations
      lastUpdated
      readAt
    }
  }
}
    `) as unknown as TypedDocumentString<SocialCareQuery, SocialCareQueryVariables>;
export const MyAccessDocument = new TypedDocumentString(`
    query MyAccess {
  myAccess {
    jobRole
    odsCode
    profile
    profileLabel
    breakGlassAllowed
    traceAllowed
    recordAccessAllowed
    panels {
      name
      label
      categories
      restricted
    }
  }
}
    `) as unknown as TypedDocumentString<MyAccessQuery, MyAccessQueryVariables>;
export const TraceDocument = new TypedDocumentString(`
    query Trace($familyName: String!, $birthDate: String!, $postcode: String) {
  patientSearch(
    familyName: $familyName
    birthDate: $birthDate
    postcode: $postcode
  ) {
    nhsNumber
    name {
      text
    }
    birthDate
    gender
    postcode
    registeredPractice {
      name
    }
  }
}
    `) as unknown as TypedDocumentString<TraceQuery, TraceQueryVariables>;
export const DeclareBreakGlassDocument = new TypedDocumentString(`
    mutation DeclareBreakGlass($nhsNumber: String!, $reason: BreakGlassReason!, $detail: String!) {
  declareBreakGlass(nhsNumber: $nhsNumber, reason: $reason, detail: $detail) {
    id
    reason
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<DeclareBreakGlassMutation, DeclareBreakGlassMutationVariables>;