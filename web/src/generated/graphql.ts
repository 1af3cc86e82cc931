/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Filters for the access log; every one optional, all given ones must match. */
export type AccessLogFilter = {
  /** true: only looks under break-glass; false: only looks without */
  breakGlass?: boolean | null | undefined;
  /** true: only events with a refusal; false: only events without */
  denied?: boolean | null | undefined;
  /** ISO 8601, inclusive */
  from?: string | null | undefined;
  /** true: also the gateway's own calls (the organisation status check), left out by default */
  includeInternal?: boolean | null | undefined;
  /** Only events about this patient (NHS number, ten digits) */
  nhsNumber?: string | null | undefined;
  /** ODS code of the user's organisation */
  odsCode?: string | null | undefined;
  /** Part of the organisation's name in the register, any case (e.g. bury central) */
  organisationName?: string | null | undefined;
  /** ISO 8601, exclusive */
  to?: string | null | undefined;
  /** Only events by this user (the identity provider's subject, AuditUser.id) */
  userId?: string | null | undefined;
  /** Part of the user's name, any case (e.g. rahman) */
  userName?: string | null | undefined;
};

/** Where an alert's delivery to the webhook stands. */
export type AlertDeliveryState =
  /** No webhook is configured (ALERT_WEBHOOK_URL): shown in the console only */
  | 'CONSOLE_ONLY'
  /** The webhook accepted it */
  | 'DELIVERED'
  /** Waiting for the webhook to accept it (retried with backoff) */
  | 'PENDING';

/** What raised a privacy alert. */
export type AlertKind =
  /** A user declared emergency (break-glass) access to a patient */
  | 'BREAK_GLASS'
  /** The monitoring sweep found a finding at or over the alert threshold */
  | 'MONITORING_FINDING'
  /** Refusals for one user or one client address passed the gateway's spike threshold (GATEWAY_REFUSAL_SPIKE_THRESHOLD in GATEWAY_REFUSAL_SPIKE_WINDOW_SECONDS): token guessing, a script, or a broken client */
  | 'REFUSAL_SPIKE';

/** AllergyIntolerance.clinicalStatus (FHIR R4). */
export type AllergyClinicalStatus =
  /** The allergy or intolerance is current */
  | 'active'
  /** The patient is no longer at risk of a reaction: moved out of current into history */
  | 'inactive'
  /** Reassessed by testing or re-exposure and no longer present: moved into history */
  | 'resolved';

/** AllergyIntolerance.criticality: the potential for a serious reaction. */
export type AllergyCriticality =
  /** The worst result of a future exposure is judged life-threatening or likely to cause organ failure */
  | 'high'
  /** The worst result of a future exposure is not judged life-threatening or likely to cause organ failure */
  | 'low'
  /** The worst result of a future exposure could not be assessed (FHIR unable-to-assess) */
  | 'unable_to_assess';

/** AllergyIntolerance.verificationStatus (FHIR R4). Entered-in-error items are never shown. */
export type AllergyVerificationStatus =
  /** Confirmed by the clinician or by a test */
  | 'confirmed'
  /** Ruled out: never shown as a current allergy */
  | 'refuted'
  /** Suspected, not yet confirmed: shown as such */
  | 'unconfirmed';

/** Appointment.status (FHIR R4). Entered-in-error appointments are never shown. */
export type AppointmentStatus =
  /** The patient has arrived */
  | 'arrived'
  /** Booked: every participant has accepted */
  | 'booked'
  /** The appointment was cancelled */
  | 'cancelled'
  /** The patient has checked in (FHIR checked-in) */
  | 'checked_in'
  /** The appointment took place (attended) */
  | 'fulfilled'
  /** The patient did not attend (DNA) */
  | 'noshow'
  /** Awaiting confirmation by some participants */
  | 'pending'
  /** Proposed, no times agreed yet */
  | 'proposed'
  /** On a waiting list, not yet booked */
  | 'waitlist';

/** Procedure.status (FHIR R4 event-status). Entered-in-error assessments are never shown. */
export type AssessmentStatus =
  /** Done */
  | 'completed'
  /** Under way (FHIR in-progress) */
  | 'in_progress'
  /** Not done (FHIR not-done) */
  | 'not_done'
  /** Paused (FHIR on-hold) */
  | 'on_hold'
  /** Being prepared */
  | 'preparation'
  /** Stopped before it was finished */
  | 'stopped'
  /** The source does not know */
  | 'unknown';

/** Where a verification job stands. */
export type AuditVerificationJobState =
  /** Finished: the result is there */
  | 'DONE'
  /** Stopped with an error (said in error) */
  | 'FAILED'
  /** The audit service stopped during the run (no progress for 30 s): start another */
  | 'INTERRUPTED'
  /** Running now (its progress moves) */
  | 'RUNNING';

/** Why a user declared emergency (break-glass) access. */
export type BreakGlassReason =
  /** The patient is unconscious or otherwise unable to consent */
  | 'EMERGENCY_CARE'
  /** Anything else; the detail must say what */
  | 'OTHER'
  /** Care has started and the relationship has not reached the record yet */
  | 'RELATIONSHIP_NOT_YET_RECORDED'
  /** Immediate risk to the patient or to others */
  | 'RISK_OF_HARM';

/** A privacy officer's verdict on a break-glass declaration or a monitoring finding. */
export type BreakGlassReviewOutcome =
  /** The emergency access was justified */
  | 'APPROPRIATE'
  /** The access was not justified: take it up under the organisation's information governance policy */
  | 'INAPPROPRIATE'
  /** More information is needed; the declaration stays in the queue */
  | 'NEEDS_FOLLOW_UP';

/** CarePlan.activity.detail.status (FHIR R4 care-plan-activity-status). */
export type CarePlanActivityStatus =
  /** Will not be done */
  | 'cancelled'
  /** Done */
  | 'completed'
  /** Recorded by mistake (FHIR entered-in-error) */
  | 'entered_in_error'
  /** Being done now (FHIR in-progress) */
  | 'in_progress'
  /** Not started yet (FHIR not-started) */
  | 'not_started'
  /** Paused for now (FHIR on-hold) */
  | 'on_hold'
  /** Scheduled */
  | 'scheduled'
  /** Stopped before it was done */
  | 'stopped'
  /** The source does not know */
  | 'unknown';

/** FHIR R4 request-status, as CarePlan.status carries it (and a care package's ServiceRequest.status or CarePlan.status). Entered-in-error plans and packages are never shown. */
export type CarePlanStatus =
  /** In force: current */
  | 'active'
  /** Finished with */
  | 'completed'
  /** Being written, not yet in force */
  | 'draft'
  /** Suspended for now: still current (FHIR on-hold) */
  | 'on_hold'
  /** Withdrawn before it was completed */
  | 'revoked'
  /** The source does not know the plan's status */
  | 'unknown';

/** What kind of encounter, by where it came from. */
export type CombinedEncounterKind =
  /** A hospital admission: an inpatient spell */
  | 'admission'
  /** A community services visit or contact */
  | 'communityVisit'
  /** A GP consultation (the practice's Encounter) */
  | 'consultation'
  /** An A&E attendance */
  | 'emergency'
  /** Another hospital encounter (outpatient, virtual, ...) */
  | 'hospital'
  /** A mental health trust's contact that is not an inpatient stay (clinic, home, virtual); its stays are admissions */
  | 'mentalHealthContact'
  /** A council social care visit, review or other contact */
  | 'socialCareContact';

/** Condition.clinicalStatus (FHIR R4). */
export type ConditionClinicalStatus =
  /** Current: the patient has it now */
  | 'active'
  /** No longer symptoms or evidence of it: moved out of current into history */
  | 'inactive'
  /** Has come back after having resolved (current) */
  | 'recurrence'
  /** Has got worse again after remission (current) */
  | 'relapse'
  /** No symptoms now, but a risk they return: moved into history */
  | 'remission'
  /** Resolved: moved into history */
  | 'resolved';

/** Condition.verificationStatus (FHIR R4). Entered-in-error items are never shown. */
export type ConditionVerificationStatus =
  /** Confirmed by sufficient evidence */
  | 'confirmed'
  /** One of several possible diagnoses under consideration: shown as such */
  | 'differential'
  /** A working diagnosis, tentative: shown as such */
  | 'provisional'
  /** Ruled out: never shown as a current problem */
  | 'refuted'
  /** Not yet confirmed: shown as such */
  | 'unconfirmed';

/** Consent.provision.type: what the decision does to the actions it names. */
export type ConsentProvisionType =
  /** Refuses the actions (an advance decision to refuse treatment) */
  | 'deny'
  /** Permits the actions */
  | 'permit';

/** Consent.status (FHIR R4 consent-state-codes). Entered-in-error decisions are never shown. */
export type ConsentStatus =
  /** In force */
  | 'active'
  /** Being written, not yet in force */
  | 'draft'
  /** No longer in force */
  | 'inactive'
  /** Offered, not yet agreed */
  | 'proposed'
  /** Refused or cancelled before it came into force */
  | 'rejected';

/** DeviceUseStatement.status (FHIR R4 device-statement-status). Entered-in-error statements are never shown. */
export type DeviceUseStatus =
  /** In use */
  | 'active'
  /** No longer in use: finished */
  | 'completed'
  /** Planned, not yet in use */
  | 'intended'
  /** Use paused; the device is still the patient's (FHIR on-hold) */
  | 'on_hold'
  /** No longer in use: stopped */
  | 'stopped';

/** DiagnosticReport.status (FHIR R4). Entered-in-error reports are never shown. */
export type DiagnosticReportStatus =
  /** Changed after it was final */
  | 'amended'
  /** Added to after it was final */
  | 'appended'
  /** Not done or cancelled */
  | 'cancelled'
  /** Corrected after it was final */
  | 'corrected'
  /** The report is complete and verified */
  | 'final'
  /** Some results are available, not all */
  | 'partial'
  /** Early results, to be confirmed */
  | 'preliminary'
  /** Registered, no results yet */
  | 'registered'
  /** The source cannot say which status applies */
  | 'unknown';

/** The status of a letter or summary: DocumentReference.status (current, superseded) or, for a Composition, Composition.status (preliminary, final, amended). Entered-in-error documents are never shown. */
export type DocumentStatus =
  /** Changed after it was final (Composition) */
  | 'amended'
  /** The current version of the document (DocumentReference) */
  | 'current'
  /** Complete and verified (Composition) */
  | 'final'
  /** A draft, not yet final (Composition) */
  | 'preliminary'
  /** Replaced by a newer document (DocumentReference) */
  | 'superseded';

/** Encounter.status (FHIR R4). Entered-in-error encounters are never shown. */
export type EncounterStatus =
  /** The patient has arrived */
  | 'arrived'
  /** The encounter ended before it began */
  | 'cancelled'
  /** The encounter has ended */
  | 'finished'
  /** The encounter has begun and the patient is present (FHIR in-progress) */
  | 'in_progress'
  /** The patient is on leave from the encounter, e.g. home for the weekend */
  | 'onleave'
  /** The encounter is planned, not yet begun */
  | 'planned'
  /** The patient has been assessed for priority (triage) */
  | 'triaged'
  /** The source cannot say which status applies */
  | 'unknown';

/** EpisodeOfCare.status (FHIR R4 episode-of-care-status). Entered-in-error episodes are never shown. */
export type EpisodeOfCareStatus =
  /** The patient is in this care now: current */
  | 'active'
  /** The episode was cancelled before care began */
  | 'cancelled'
  /** The episode is closed */
  | 'finished'
  /** Care is paused for now and expected to resume: still current */
  | 'onhold'
  /** Planned: the patient is not yet in this care */
  | 'planned'
  /** On the waiting list */
  | 'waitlist';

/** FamilyMemberHistory.status (FHIR R4 history-status). Entered-in-error entries are never shown. */
export type FamilyHistoryStatus =
  /** All of the relative's relevant history is recorded */
  | 'completed'
  /** The relative's health is not known (FHIR health-unknown) */
  | 'health_unknown'
  /** Some of the relative's history is known, not all */
  | 'partial';

/** Flag.status (FHIR R4 flag-status). Entered-in-error flags are never shown. */
export type FlagStatus =
  /** The alert is in force */
  | 'active'
  /** The alert is no longer in force */
  | 'inactive';

/** Immunization.status (FHIR R4). Entered-in-error items are never shown. */
export type ImmunizationStatus =
  /** The vaccine was given */
  | 'completed'
  /** Not given; statusReason says why (FHIR not-done) */
  | 'not_done';

/** MedicationAdministration.status (FHIR R4 medication-admin-status). Entered-in-error administrations are never shown. */
export type MedicationAdministrationStatus =
  /** Given */
  | 'completed'
  /** Started and not yet finished (e.g. an infusion running) */
  | 'in_progress'
  /** Not given: see statusReasons for why */
  | 'not_done'
  /** Halted for now, expected to continue */
  | 'on_hold'
  /** Halted for good before all of it was given */
  | 'stopped'
  /** The source does not know */
  | 'unknown';

/** MedicationDispense.status (FHIR R4 medicationdispense-status). Entered-in-error dispenses are never shown. */
export type MedicationDispenseStatus =
  /** Ended before anything was supplied */
  | 'cancelled'
  /** Handed over: the medicine was supplied */
  | 'completed'
  /** Declined and not performed */
  | 'declined'
  /** Ready for collection, not yet handed over */
  | 'in_progress'
  /** Halted for now, expected to continue */
  | 'on_hold'
  /** Being prepared */
  | 'preparation'
  /** Halted for good before everything was supplied */
  | 'stopped'
  /** The source does not know */
  | 'unknown';

/** Which FHIR resource a medication came as. */
export type MedicationRecordKind =
  /** MedicationRequest: a prescription or order (acute or repeat) */
  | 'request'
  /** MedicationStatement: the medicine the patient is (or was) taking, as recorded */
  | 'statement';

/** MedicationStatement.status and MedicationRequest.status (FHIR R4). Entered-in-error items are never shown. */
export type MedicationStatus =
  /** Being taken, or the prescription is in force: current */
  | 'active'
  /** Request: withdrawn before any of it was issued or taken */
  | 'cancelled'
  /** The course is finished, or the prescription fully issued */
  | 'completed'
  /** Request: not yet authorised */
  | 'draft'
  /** Statement: the patient is expected to start taking it */
  | 'intended'
  /** Statement: the patient is not taking it (FHIR not-taken) */
  | 'not_taken'
  /** Suspended for now, expected to resume: still current (FHIR on-hold) */
  | 'on_hold'
  /** Stopped before the course was finished (a statement) or the prescription withdrawn */
  | 'stopped'
  /** The source does not know the current status */
  | 'unknown';

/** What the monitoring sweep matched between a member of staff and a patient. */
export type MonitoringFindingKind =
  /** The member of staff looked at their own record (the staff feed gives their NHS number) */
  | 'OWN_RECORD'
  /** The member of staff lives at the patient's address (staff feed address against the patient index) */
  | 'SAME_ADDRESS'
  /** The member of staff shares the patient's family name (their sign-in against the patient index) */
  | 'SAME_SURNAME';

/** Observation.status (FHIR R4). Entered-in-error results are never shown. */
export type ObservationStatus =
  /** Changed after it was final */
  | 'amended'
  /** Not done or cancelled: there is no result */
  | 'cancelled'
  /** Corrected after it was final */
  | 'corrected'
  /** The result is complete and verified */
  | 'final'
  /** An early result, to be confirmed */
  | 'preliminary'
  /** Registered, no result yet */
  | 'registered'
  /** The source cannot say which status applies */
  | 'unknown';

/** Procedure.status (FHIR R4 event-status). Entered-in-error procedures are never shown. */
export type ProcedureStatus =
  /** Done */
  | 'completed'
  /** Under way now (FHIR in-progress) */
  | 'in_progress'
  /** Not done; statusReason says why (FHIR not-done) */
  | 'not_done'
  /** Paused, expected to resume (FHIR on-hold) */
  | 'on_hold'
  /** Being prepared for */
  | 'preparation'
  /** Stopped before it was finished */
  | 'stopped'
  /** The source does not know */
  | 'unknown';

/** ServiceRequest.priority (FHIR R4 request-priority). */
export type ReferralPriority =
  /** As soon as possible: higher than urgent */
  | 'asap'
  /** Routine */
  | 'routine'
  /** Immediately: the highest priority (an emergency) */
  | 'stat'
  /** Urgent */
  | 'urgent';

/** ServiceRequest.status (FHIR R4 request-status) of a referral. Entered-in-error referrals are never shown. */
export type ReferralStatus =
  /** Open: the referral stands */
  | 'active'
  /** Done: the patient was seen or the referral closed */
  | 'completed'
  /** Being written, not yet sent */
  | 'draft'
  /** Paused for now: still open (FHIR on-hold) */
  | 'on_hold'
  /** Withdrawn */
  | 'revoked'
  /** The source does not know the referral's status */
  | 'unknown';

/** ServiceRequest.intent (FHIR R4 request-intent). */
export type RequestIntent =
  /** A directive from a policy or protocol */
  | 'directive'
  /** The performer's own order fulfilling a request (FHIR filler-order) */
  | 'filler_order'
  /** One occurrence of a repeating order (FHIR instance-order) */
  | 'instance_order'
  /** One of several alternatives */
  | 'option'
  /** A request or demand that it be done */
  | 'order'
  /** The order as first made (FHIR original-order) */
  | 'original_order'
  /** An intention: what the requester means to do */
  | 'plan'
  /** A suggestion, not yet agreed */
  | 'proposal'
  /** An order raised automatically by another (FHIR reflex-order) */
  | 'reflex_order';

/** What a risk summary came as. */
export type RiskSummaryKind =
  /** A RiskAssessment */
  | 'assessment'
  /** No longer served: a Flag coded as a mental-health risk is a risk alert (mentalHealthRiskAlerts), never a risk summary */
  | 'flag';

/** The status of a risk summary: RiskAssessment.status (observation-status) or Flag.status (flag-status). */
export type RiskSummaryStatus =
  /** Flag: in force */
  | 'active'
  /** Assessment: amended after it was final */
  | 'amended'
  /** Assessment: cancelled; no longer stands */
  | 'cancelled'
  /** Assessment: corrected after it was final */
  | 'corrected'
  /** Assessment: final */
  | 'final'
  /** Flag: no longer in force */
  | 'inactive'
  /** Assessment: preliminary */
  | 'preliminary'
  /** Assessment: registered, no result yet */
  | 'registered'
  /** Assessment: the source does not know its status */
  | 'unknown';

/** How a member of staff is linked to a patient, as the privacy office recorded it. */
export type StaffPatientRelation =
  /** The patient is a relative (e.g. shares the staff member's surname and address) */
  | 'FAMILY'
  /** The patient lives at or near the staff member's address */
  | 'NEIGHBOUR'
  /** The member of staff is the patient */
  | 'SELF';

export type AccessHistoryQueryVariables = Exact<{
  nhsNumber: string;
}>;


export type AccessHistoryQuery = { recordAccessSummary: Array<{ odsCode: string, jobRole: string | null, profile: string | null, firstAccess: string, lastAccess: string, requests: number, categories: Array<string>, breakGlass: boolean }> };

export type AdvanceDecisionsQueryVariables = Exact<{
  nhsNumber: string;
}>;


export type AdvanceDecisionsQuery = { patient: { nhsNumber: string, breakGlass: { reason: BreakGlassReason, expiresAt: string } | null, advanceDecisions: Array<{ source: string | null, performers: Array<string>, id: string, status: ConsentStatus, current: boolean, dateTime: unknown, provisionType: ConsentProvisionType | null, scope: { display: string, text: string | null }, category: Array<{ display: string, text: string | null }>, provisionCodes: Array<{ display: string, text: string | null }>, provenance: { organisationName: string, lastUpdated: unknown } }> | null, hospitalAdvanceDecisions: Array<{ source: string | null, performers: Array<string>, id: string, status: ConsentStatus, current: boolean, dateTime: unknown, provisionType: ConsentProvisionType | null, scope: { display: string, text: string | null }, category: Array<{ display: string, text: string | null }>, provisionCodes: Array<{ display: string, text: string | null }>, provenance: { organisationName: string, lastUpdated: unknown } }> | null, mentalHealthAdvanceDecisions: Array<{ source: string | null, performers: Array<string>, id: string, status: ConsentStatus, current: boolean, dateTime: unknown, provisionType: ConsentProvisionType | null, scope: { display: string, text: string | null }, category: Array<{ display: string, text: string | null }>, provisionCodes: Array<{ display: string, text: string | null }>, provenance: { organisationName: string, lastUpdated: unknown } }> | null, communityAdvanceDecisions: Array<{ source: string | null, performers: Array<string>, id: string, status: ConsentStatus, current: boolean, dateTime: unknown, provisionType: ConsentProvisionType | null, scope: { display: string, text: string | null }, category: Array<{ display: string, text: string | null }>, provisionCodes: Array<{ display: string, text: string | null }>, provenance: { organisationName: string, lastUpdated: unknown } }> | null, socialCareAdvanceDecisions: Array<{ source: string | null, performers: Array<string>, id: string, status: ConsentStatus, current: boolean, dateTime: unknown, provisionType: ConsentProvisionType | null, scope: { display: string, text: string | null }, category: Array<{ display: string, text: string | null }>, provisionCodes: Array<{ display: string, text: string | null }>, provenance: { organisationName: string, lastUpdated: unknown } }> | null, gpSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, acuteSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, mentalHealthSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, communitySource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, socialCareSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null } | null };

export type AlertsQueryVariables = Exact<{
  nhsNumber: string;
}>;


export type AlertsQuery = { patient: { nhsNumber: string, breakGlass: { reason: BreakGlassReason, expiresAt: string } | null, alerts: Array<{ id: string, description: string, status: FlagStatus, current: boolean, start: unknown, end: unknown, author: string | null, code: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } }> | null, gpSafeguardingAlerts: Array<{ id: string, description: string, status: FlagStatus, current: boolean, start: unknown, end: unknown, author: string | null, code: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } }> | null, gpRiskAlerts: Array<{ id: string, description: string, status: FlagStatus, current: boolean, start: unknown, end: unknown, author: string | null, code: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } }> | null, hospitalAlerts: Array<{ id: string, description: string, status: FlagStatus, current: boolean, start: unknown, end: unknown, author: string | null, code: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } }> | null, hospitalSafeguardingAlerts: Array<{ id: string, description: string, status: FlagStatus, current: boolean, start: unknown, end: unknown, author: string | null, code: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } }> | null, hospitalRiskAlerts: Array<{ id: string, description: string, status: FlagStatus, current: boolean, start: unknown, end: unknown, author: string | null, code: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } }> | null, communityAlerts: Array<{ id: string, description: string, status: FlagStatus, current: boolean, start: unknown, end: unknown, author: string | null, code: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } }> | null, communitySafeguardingAlerts: Array<{ id: string, description: string, status: FlagStatus, current: boolean, start: unknown, end: unknown, author: string | null, code: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } }> | null, communityRiskAlerts: Array<{ id: string, description: string, status: FlagStatus, current: boolean, start: unknown, end: unknown, author: string | null, code: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } }> | null, gpSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, acuteSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, communitySource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null } | null };

export type AllergiesQueryVariables = Exact<{
  nhsNumber: string;
}>;


export type AllergiesQuery = { patient: { nhsNumber: string, breakGlass: { reason: BreakGlassReason, expiresAt: string } | null, allergies: Array<{ id: string, clinicalStatus: AllergyClinicalStatus | null, verificationStatus: AllergyVerificationStatus | null, current: boolean, reaction: string | null, criticality: AllergyCriticality | null, recordedDate: unknown, code: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } }> | null, noKnownAllergies: Array<{ id: string, scope: string, current: boolean, clinicalStatus: AllergyClinicalStatus | null, verificationStatus: AllergyVerificationStatus | null, recordedDate: unknown, code: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } }> | null, hospitalAllergies: Array<{ id: string, clinicalStatus: AllergyClinicalStatus | null, verificationStatus: AllergyVerificationStatus | null, current: boolean, reaction: string | null, criticality: AllergyCriticality | null, recordedDate: unknown, code: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } }> | null, hospitalNoKnownAllergies: Array<{ id: string, scope: string, current: boolean, clinicalStatus: AllergyClinicalStatus | null, verificationStatus: AllergyVerificationStatus | null, recordedDate: unknown, code: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } }> | null, mentalHealthAllergies: Array<{ id: string, clinicalStatus: AllergyClinicalStatus | null, verificationStatus: AllergyVerificationStatus | null, current: boolean, reaction: string | null, criticality: AllergyCriticality | null, recordedDate: unknown, code: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } }> | null, mentalHealthNoKnownAllergies: Array<{ id: string, scope: string, current: boolean, clinicalStatus: AllergyClinicalStatus | null, verificationStatus: AllergyVerificationStatus | null, recordedDate: unknown, code: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } }> | null, communityAllergies: Array<{ id: string, clinicalStatus: AllergyClinicalStatus | null, verificationStatus: AllergyVerificationStatus | null, current: boolean, reaction: string | null, criticality: AllergyCriticality | null, recordedDate: unknown, code: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } }> | null, communityNoKnownAllergies: Array<{ id: string, scope: string, current: boolean, clinicalStatus: AllergyClinicalStatus | null, verificationStatus: AllergyVerificationStatus | null, recordedDate: unknown, code: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } }> | null, socialCareAllergies: Array<{ id: string, clinicalStatus: AllergyClinicalStatus | null, verificationStatus: AllergyVerificationStatus | null, current: boolean, reaction: string | null, criticality: AllergyCriticality | null, recordedDate: unknown, code: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } }> | null, socialCareNoKnownAllergies: Array<{ id: string, scope: string, current: boolean, clinicalStatus: AllergyClinicalStatus | null, verificationStatus: AllergyVerificationStatus | null, recordedDate: unknown, code: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } }> | null, gpSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, acuteSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, mentalHealthSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, communitySource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, socialCareSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null } | null };

export type CombinedAlertsQueryVariables = Exact<{
  nhsNumber: string;
}>;


export type CombinedAlertsQuery = { patient: { nhsNumber: string, breakGlass: { reason: BreakGlassReason, expiresAt: string } | null, combinedAlerts: { items: Array<{ id: string, current: boolean, disagreement: string | null, code: { display: string, text: string | null } | null, sources: Array<{ id: string, description: string, status: FlagStatus, current: boolean, start: unknown, end: unknown, author: string | null, code: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } }> }>, notRead: Array<{ source: string, field: string, reason: string }> } | null, combinedSafeguardingAlerts: { items: Array<{ id: string, current: boolean, disagreement: string | null, code: { display: string, text: string | null } | null, sources: Array<{ id: string, description: string, status: FlagStatus, current: boolean, start: unknown, end: unknown, author: string | null, code: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } }> }>, notRead: Array<{ source: string, field: string, reason: string }> } | null, combinedRiskAlerts: { items: Array<{ id: string, current: boolean, disagreement: string | null, code: { display: string, text: string | null } | null, sources: Array<{ id: string, description: string, status: FlagStatus, current: boolean, start: unknown, end: unknown, author: string | null, code: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } }> }>, notRead: Array<{ source: string, field: string, reason: string }> } | null, gpSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, acuteSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, mentalHealthSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, communitySource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, socialCareSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null } | null };

export type CombinedAllergiesQueryVariables = Exact<{
  nhsNumber: string;
}>;


export type CombinedAllergiesQuery = { patient: { nhsNumber: string, breakGlass: { reason: BreakGlassReason, expiresAt: string } | null, combinedAllergies: { conflicts: Array<string>, items: Array<{ id: string, current: boolean, criticality: AllergyCriticality | null, disagreement: string | null, code: { display: string, text: string | null }, sources: Array<{ id: string, clinicalStatus: AllergyClinicalStatus | null, verificationStatus: AllergyVerificationStatus | null, current: boolean, reaction: string | null, criticality: AllergyCriticality | null, recordedDate: unknown, code: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } }> }>, noKnownAllergies: Array<{ id: string, scope: string, current: boolean, clinicalStatus: AllergyClinicalStatus | null, verificationStatus: AllergyVerificationStatus | null, recordedDate: unknown, code: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } }>, notRead: Array<{ source: string, field: string, reason: string }> } | null, gpSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, acuteSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, mentalHealthSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, communitySource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, socialCareSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null } | null };

export type CombinedAppointmentsQueryVariables = Exact<{
  nhsNumber: string;
}>;


export type CombinedAppointmentsQuery = { patient: { nhsNumber: string, breakGlass: { reason: BreakGlassReason, expiresAt: string } | null, combinedAppointments: { items: Array<{ id: string, start: unknown, current: boolean, sources: Array<{ id: string, status: AppointmentStatus, current: boolean, start: unknown, end: unknown, clinic: string | null, site: string | null, clinician: string | null, description: string | null, specialty: { display: string, text: string | null } | null, serviceTypes: Array<{ display: string, text: string | null }>, appointmentType: { display: string, text: string | null } | null, cancellationReason: { display: string, text: string | null } | null, provenance: { organisationName: string, lastUpdated: unknown } }> }>, notRead: Array<{ source: string, field: string, reason: string }> } | null, gpSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, acuteSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, mentalHealthSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, communitySource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, socialCareSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null } | null };

export type CombinedCarePlansQueryVariables = Exact<{
  nhsNumber: string;
}>;


export type CombinedCarePlansQuery = { patient: { nhsNumber: string, breakGlass: { reason: BreakGlassReason, expiresAt: string } | null, combinedCarePlans: { items: Array<{ id: string, title: string | null, current: boolean, disagreement: string | null, sources: Array<{ id: string, title: string | null, description: string | null, status: CarePlanStatus, current: boolean, start: unknown, end: unknown, author: string | null, provenance: { organisationName: string, lastUpdated: unknown } }> }>, notRead: Array<{ source: string, field: string, reason: string }> } | null, gpSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, acuteSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, mentalHealthSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, communitySource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null } | null };

export type CombinedDocumentsQueryVariables = Exact<{
  nhsNumber: string;
}>;


export type CombinedDocumentsQuery = { patient: { nhsNumber: string, breakGlass: { reason: BreakGlassReason, expiresAt: string } | null, combinedDocuments: { items: Array<{ id: string, title: string | null, current: boolean, sources: Array<{ id: string, title: string, date: unknown, status: DocumentStatus, current: boolean, summary: string | null, author: string | null, custodian: string | null, type: { display: string, text: string | null }, attachments: Array<{ title: string, contentType: string | null, url: string | null, inline: boolean }>, provenance: { organisationName: string, lastUpdated: unknown } }> }>, notRead: Array<{ source: string, field: string, reason: string }> } | null, gpSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, acuteSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, mentalHealthSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, communitySource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, socialCareSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null } | null };

export type CombinedEncountersQueryVariables = Exact<{
  nhsNumber: string;
}>;


export type CombinedEncountersQuery = { patient: { nhsNumber: string, breakGlass: { reason: BreakGlassReason, expiresAt: string } | null, combinedEncounters: { items: Array<{ id: string, kind: CombinedEncounterKind, description: string, status: EncounterStatus | null, current: boolean, start: unknown, end: unknown, place: string | null, clinician: string | null, reasons: Array<{ display: string, text: string | null }>, provenance: { organisationName: string, lastUpdated: unknown } }>, notRead: Array<{ source: string, field: string, reason: string }> } | null, gpSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, acuteSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, mentalHealthSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, communitySource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, socialCareSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null } | null };

export type CombinedFamilyHistoryQueryVariables = Exact<{
  nhsNumber: string;
}>;


export type CombinedFamilyHistoryQuery = { patient: { nhsNumber: string, breakGlass: { reason: BreakGlassReason, expiresAt: string } | null, combinedFamilyHistory: { items: Array<{ id: string, current: boolean, disagreement: string | null, relationship: { display: string, text: string | null } | null, sources: Array<{ id: string, name: string | null, status: FamilyHistoryStatus, deceased: boolean | null, recordedDate: unknown, relationship: { display: string, text: string | null }, conditions: Array<{ contributedToDeath: boolean | null, code: { display: string, text: string | null }, outcome: { display: string, text: string | null } | null, onset: { start: unknown, age: string | null, text: string | null } | null }>, provenance: { organisationName: string, lastUpdated: unknown } }> }>, notRead: Array<{ source: string, field: string, reason: string }> } | null, combinedMedicalDevices: { items: Array<{ id: string, current: boolean, disagreement: string | null, device: { display: string, text: string | null } | null, sources: Array<{ id: string, deviceName: string | null, status: DeviceUseStatus, current: boolean, timingText: string | null, recordedOn: unknown, device: { display: string, text: string | null }, timing: { start: unknown, end: unknown } | null, provenance: { organisationName: string, lastUpdated: unknown } }> }>, notRead: Array<{ source: string, field: string, reason: string }> } | null, combinedAdvanceDirectives: { items: Array<{ id: string, current: boolean, disagreement: string | null, scope: { display: string, text: string | null } | null, sources: Array<{ id: string, status: ConsentStatus, current: boolean, dateTime: unknown, provisionType: ConsentProvisionType | null, scope: { display: string, text: string | null }, category: Array<{ display: string, text: string | null }>, provisionCodes: Array<{ display: string, text: string | null }>, provenance: { organisationName: string, lastUpdated: unknown } }> }>, notRead: Array<{ source: string, field: string, reason: string }> } | null, gpSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, acuteSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, mentalHealthSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, communitySource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, socialCareSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null } | null };

export type CombinedImmunisationsQueryVariables = Exact<{
  nhsNumber: string;
}>;


export type CombinedImmunisationsQuery = { patient: { nhsNumber: string, breakGlass: { reason: BreakGlassReason, expiresAt: string } | null, combinedImmunisations: { items: Array<{ id: string, current: boolean, disagreement: string | null, vaccine: { display: string, text: string | null }, sources: Array<{ id: string, date: unknown, status: ImmunizationStatus, doseNumber: string | null, vaccine: { display: string, text: string | null }, occurrence: { start: unknown, text: string | null }, statusReason: { display: string, text: string | null } | null, provenance: { organisationName: string, lastUpdated: unknown } }> }>, notRead: Array<{ source: string, field: string, reason: string }> } | null, gpSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, acuteSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, mentalHealthSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, communitySource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, socialCareSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null } | null };

export type CombinedMedicationAdministrationsQueryVariables = Exact<{
  nhsNumber: string;
}>;


export type CombinedMedicationAdministrationsQuery = { patient: { nhsNumber: string, breakGlass: { reason: BreakGlassReason, expiresAt: string } | null, combinedMedicationAdministrations: { items: Array<{ id: string, current: boolean, medication: { display: string, text: string | null }, sources: Array<{ id: string, status: MedicationAdministrationStatus, given: boolean, notGiven: boolean, effective: unknown, effectiveEnd: unknown, medication: { display: string, text: string | null }, statusReasons: Array<{ display: string, text: string | null }>, dosage: { text: string | null, rate: string | null, dose: { value: number, unit: string | null } | null, route: { display: string, text: string | null } | null } | null, performers: Array<{ actor: string | null }>, provenance: { organisationName: string, lastUpdated: unknown } }> }>, notRead: Array<{ source: string, field: string, reason: string }> } | null, gpSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, acuteSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, mentalHealthSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, communitySource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, socialCareSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null } | null };

export type CombinedMedicationsQueryVariables = Exact<{
  nhsNumber: string;
}>;


export type CombinedMedicationsQuery = { patient: { nhsNumber: string, breakGlass: { reason: BreakGlassReason, expiresAt: string } | null, combinedMedications: { conflicts: Array<string>, items: Array<{ id: string, current: boolean, disagreement: string | null, medication: { display: string, text: string | null }, sources: Array<{ id: string, kind: MedicationRecordKind, dosage: string | null, status: MedicationStatus, current: boolean, startDate: unknown, endDate: unknown, sameMedicineAs: Array<string>, courseDisagreement: string | null, medication: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } }> }>, noCurrentMedications: Array<{ id: string, title: string | null, current: boolean, recordedDate: unknown, list: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } }>, notRead: Array<{ source: string, field: string, reason: string }> } | null, gpSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, acuteSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, mentalHealthSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, communitySource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, socialCareSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null } | null };

export type CombinedProblemsQueryVariables = Exact<{
  nhsNumber: string;
}>;


export type CombinedProblemsQuery = { patient: { nhsNumber: string, breakGlass: { reason: BreakGlassReason, expiresAt: string } | null, combinedProblems: { conflicts: Array<string>, items: Array<{ id: string, current: boolean, disagreement: string | null, code: { display: string, text: string | null }, sources: Array<{ id: string, clinicalStatus: ConditionClinicalStatus | null, verificationStatus: ConditionVerificationStatus | null, current: boolean, onsetDate: unknown, recordedDate: unknown, code: { display: string, text: string | null }, abatement: { start: unknown, age: string | null, text: string | null } | null, provenance: { organisationName: string, lastUpdated: unknown } }> }>, noKnownProblems: Array<{ id: string, title: string | null, current: boolean, recordedDate: unknown, list: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } }>, notRead: Array<{ source: string, field: string, reason: string }> } | null, gpSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, acuteSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, mentalHealthSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, communitySource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, socialCareSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null } | null };

export type CombinedProceduresQueryVariables = Exact<{
  nhsNumber: string;
}>;


export type CombinedProceduresQuery = { patient: { nhsNumber: string, breakGlass: { reason: BreakGlassReason, expiresAt: string } | null, combinedProcedures: { items: Array<{ id: string, current: boolean, disagreement: string | null, code: { display: string, text: string | null }, sources: Array<{ id: string, status: ProcedureStatus, current: boolean, performedDate: unknown, location: string | null, code: { display: string, text: string | null }, statusReason: { display: string } | null, bodySite: Array<{ display: string }>, provenance: { organisationName: string, lastUpdated: unknown } }> }>, notRead: Array<{ source: string, field: string, reason: string }> } | null, gpSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, acuteSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, mentalHealthSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, communitySource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null } | null };

export type CombinedReferralsQueryVariables = Exact<{
  nhsNumber: string;
}>;


export type CombinedReferralsQuery = { patient: { nhsNumber: string, breakGlass: { reason: BreakGlassReason, expiresAt: string } | null, combinedReferrals: { items: Array<{ id: string, current: boolean, disagreement: string | null, code: { display: string, text: string | null } | null, sources: Array<{ id: string, status: ReferralStatus, current: boolean, intent: RequestIntent, priority: ReferralPriority | null, authoredOn: unknown, requester: string | null, performers: Array<string>, code: { display: string, text: string | null } | null, provenance: { organisationName: string, lastUpdated: unknown } }> }>, notRead: Array<{ source: string, field: string, reason: string }> } | null, gpSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, acuteSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, mentalHealthSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, communitySource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null } | null };

export type CombinedResultsQueryVariables = Exact<{
  nhsNumber: string;
}>;


export type CombinedResultsQuery = { patient: { nhsNumber: string, breakGlass: { reason: BreakGlassReason, expiresAt: string } | null, combinedResults: { items: Array<{ id: string, current: boolean, disagreement: string | null, code: { display: string, text: string | null }, sources: Array<{ id: string, value: string | null, unit: string | null, status: ObservationStatus, current: boolean, category: string | null, effectiveDate: unknown, issued: unknown, codeIsFinding: boolean, referenceRange: string | null, abnormal: boolean | null, memberIds: Array<string>, code: { display: string, text: string | null, coding: Array<{ system: string, code: string, display: string }> }, interpretation: { code: string, display: string } | null, dataAbsentReason: { display: string, text: string | null } | null, components: Array<{ code: { display: string, text: string | null }, value: { text: string } | null, dataAbsentReason: { display: string } | null }>, provenance: { organisationName: string, lastUpdated: unknown } }> }>, notRead: Array<{ source: string, field: string, reason: string }> } | null, gpSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, acuteSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, mentalHealthSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, communitySource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, socialCareSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null } | null };

export type CombinedSocialHistoryQueryVariables = Exact<{
  nhsNumber: string;
}>;


export type CombinedSocialHistoryQuery = { patient: { nhsNumber: string, breakGlass: { reason: BreakGlassReason, expiresAt: string } | null, combinedSocialHistory: { items: Array<{ id: string, current: boolean, disagreement: string | null, code: { display: string, text: string | null }, sources: Array<{ id: string, value: string | null, unit: string | null, status: ObservationStatus, current: boolean, category: string | null, effectiveDate: unknown, issued: unknown, codeIsFinding: boolean, memberIds: Array<string>, code: { display: string, text: string | null, coding: Array<{ system: string, code: string, display: string }> }, dataAbsentReason: { display: string, text: string | null } | null, components: Array<{ code: { display: string, text: string | null }, value: { text: string } | null, dataAbsentReason: { display: string } | null }>, provenance: { organisationName: string, lastUpdated: unknown } }> }>, notRead: Array<{ source: string, field: string, reason: string }> } | null, gpSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, acuteSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, mentalHealthSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, communitySource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, socialCareSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null } | null };

export type NotReadPartsFragment = { source: string, field: string, reason: string };

export type AllergyPartsFragment = { id: string, clinicalStatus: AllergyClinicalStatus | null, verificationStatus: AllergyVerificationStatus | null, current: boolean, reaction: string | null, criticality: AllergyCriticality | null, recordedDate: unknown, code: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } };

export type NoKnownAllergiesPartsFragment = { id: string, scope: string, current: boolean, clinicalStatus: AllergyClinicalStatus | null, verificationStatus: AllergyVerificationStatus | null, recordedDate: unknown, code: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } };

export type NoKnownProblemsPartsFragment = { id: string, title: string | null, current: boolean, recordedDate: unknown, list: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } };

export type NoCurrentMedicationsPartsFragment = { id: string, title: string | null, current: boolean, recordedDate: unknown, list: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } };

export type ProblemPartsFragment = { id: string, clinicalStatus: ConditionClinicalStatus | null, verificationStatus: ConditionVerificationStatus | null, current: boolean, onsetDate: unknown, recordedDate: unknown, code: { display: string, text: string | null }, abatement: { start: unknown, age: string | null, text: string | null } | null, provenance: { organisationName: string, lastUpdated: unknown } };

export type MedicationPartsFragment = { id: string, kind: MedicationRecordKind, dosage: string | null, status: MedicationStatus, current: boolean, startDate: unknown, endDate: unknown, sameMedicineAs: Array<string>, courseDisagreement: string | null, medication: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } };

export type ProcedurePartsFragment = { id: string, status: ProcedureStatus, current: boolean, performedDate: unknown, location: string | null, code: { display: string, text: string | null }, statusReason: { display: string } | null, bodySite: Array<{ display: string }>, provenance: { organisationName: string, lastUpdated: unknown } };

export type ResultPartsFragment = { id: string, reportName: string | null, value: string | null, unit: string | null, referenceRange: string | null, abnormal: boolean | null, status: ObservationStatus, current: boolean, category: string | null, effectiveDate: unknown, issued: unknown, codeIsFinding: boolean, memberIds: Array<string>, code: { display: string, text: string | null }, dataAbsentReason: { display: string, text: string | null } | null, components: Array<{ code: { display: string, text: string | null }, value: { text: string } | null, dataAbsentReason: { display: string } | null }>, provenance: { organisationName: string, lastUpdated: unknown } };

export type ImmunisationPartsFragment = { id: string, date: unknown, status: ImmunizationStatus, doseNumber: string | null, vaccine: { display: string, text: string | null }, occurrence: { start: unknown, text: string | null }, statusReason: { display: string, text: string | null } | null, provenance: { organisationName: string, lastUpdated: unknown } };

export type ReferralPartsFragment = { id: string, status: ReferralStatus, current: boolean, intent: RequestIntent, priority: ReferralPriority | null, authoredOn: unknown, requester: string | null, performers: Array<string>, code: { display: string, text: string | null } | null, provenance: { organisationName: string, lastUpdated: unknown } };

export type CarePlanPartsFragment = { id: string, title: string | null, description: string | null, status: CarePlanStatus, current: boolean, start: unknown, end: unknown, author: string | null, provenance: { organisationName: string, lastUpdated: unknown } };

export type AlertPartsFragment = { id: string, description: string, status: FlagStatus, current: boolean, start: unknown, end: unknown, author: string | null, code: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } };

export type MedicalDevicePartsFragment = { id: string, deviceName: string | null, status: DeviceUseStatus, current: boolean, timingText: string | null, recordedOn: unknown, device: { display: string, text: string | null }, timing: { start: unknown, end: unknown } | null, provenance: { organisationName: string, lastUpdated: unknown } };

export type AdvanceDecisionPartsFragment = { id: string, status: ConsentStatus, current: boolean, dateTime: unknown, provisionType: ConsentProvisionType | null, scope: { display: string, text: string | null }, category: Array<{ display: string, text: string | null }>, provisionCodes: Array<{ display: string, text: string | null }>, provenance: { organisationName: string, lastUpdated: unknown } };

export type AdministrationPartsFragment = { id: string, status: MedicationAdministrationStatus, given: boolean, notGiven: boolean, effective: unknown, effectiveEnd: unknown, medication: { display: string, text: string | null }, statusReasons: Array<{ display: string, text: string | null }>, dosage: { text: string | null, rate: string | null, dose: { value: number, unit: string | null } | null, route: { display: string, text: string | null } | null } | null, performers: Array<{ actor: string | null }>, provenance: { organisationName: string, lastUpdated: unknown } };

export type AppointmentPartsFragment = { id: string, status: AppointmentStatus, current: boolean, start: unknown, end: unknown, clinic: string | null, site: string | null, clinician: string | null, description: string | null, specialty: { display: string, text: string | null } | null, serviceTypes: Array<{ display: string, text: string | null }>, appointmentType: { display: string, text: string | null } | null, cancellationReason: { display: string, text: string | null } | null, provenance: { organisationName: string, lastUpdated: unknown } };

export type DocumentPartsFragment = { id: string, title: string, date: unknown, status: DocumentStatus, current: boolean, summary: string | null, author: string | null, custodian: string | null, type: { display: string, text: string | null }, attachments: Array<{ title: string, contentType: string | null, url: string | null, inline: boolean }>, provenance: { organisationName: string, lastUpdated: unknown } };

export type CombinedTestReportsQueryVariables = Exact<{
  nhsNumber: string;
}>;


export type CombinedTestReportsQuery = { patient: { nhsNumber: string, breakGlass: { reason: BreakGlassReason, expiresAt: string } | null, combinedTestReports: { items: Array<{ id: string, name: string, current: boolean, disagreement: string | null, sources: Array<{ id: string, name: string, status: DiagnosticReportStatus, current: boolean, effectiveDate: unknown, issued: unknown, conclusion: string | null, performer: Array<string>, resultIds: Array<string>, code: { display: string, text: string | null, coding: Array<{ system: string, code: string, display: string }> }, results: Array<{ id: string, value: string | null, unit: string | null, abnormal: boolean | null, codeIsFinding: boolean, code: { display: string, text: string | null }, interpretation: { code: string, display: string } | null, dataAbsentReason: { display: string, text: string | null } | null, components: Array<{ value: { text: string } | null }> }>, provenance: { organisationName: string, lastUpdated: unknown } }> }>, notRead: Array<{ source: string, field: string, reason: string }> } | null, gpSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, acuteSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null } | null };

export type CombinedVitalSignsQueryVariables = Exact<{
  nhsNumber: string;
}>;


export type CombinedVitalSignsQuery = { patient: { nhsNumber: string, breakGlass: { reason: BreakGlassReason, expiresAt: string } | null, combinedVitalSigns: { items: Array<{ id: string, current: boolean, disagreement: string | null, code: { display: string, text: string | null }, sources: Array<{ id: string, value: string | null, unit: string | null, status: ObservationStatus, current: boolean, category: string | null, effectiveDate: unknown, issued: unknown, codeIsFinding: boolean, referenceRange: string | null, abnormal: boolean | null, memberIds: Array<string>, code: { display: string, text: string | null, coding: Array<{ system: string, code: string, display: string }> }, interpretation: { code: string, display: string } | null, dataAbsentReason: { display: string, text: string | null } | null, components: Array<{ code: { display: string, text: string | null }, value: { text: string } | null, dataAbsentReason: { display: string } | null }>, provenance: { organisationName: string, lastUpdated: unknown } }> }>, notRead: Array<{ source: string, field: string, reason: string }> } | null, gpSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, acuteSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, mentalHealthSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, communitySource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, socialCareSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null } | null };

export type CommunityQueryVariables = Exact<{
  nhsNumber: string;
}>;


export type CommunityQuery = { patient: { nhsNumber: string, breakGlass: { reason: BreakGlassReason, expiresAt: string } | null, communityEpisodes: Array<{ id: string, service: string | null, status: EpisodeOfCareStatus, current: boolean, start: unknown, end: unknown, team: string | null, teams: Array<string>, leadClinician: string | null, referralReason: string | null, diagnoses: Array<{ rank: number | null, condition: { display: string, text: string | null } | null }>, referrals: Array<{ description: string | null, requester: string | null, authoredOn: unknown }>, provenance: { organisationName: string } }> | null, communityVisits: Array<{ id: string, date: unknown, end: unknown, status: EncounterStatus, current: boolean, setting: string | null, description: string | null, clinician: string | null, location: string | null, reasons: Array<{ display: string, text: string | null }>, provenance: { organisationName: string } }> | null, communityCarePlans: Array<{ id: string, title: string | null, status: CarePlanStatus, current: boolean, description: string | null, start: unknown, end: unknown, author: string | null, categories: Array<{ text: string | null, display: string }>, activities: Array<{ description: string | null, status: CarePlanActivityStatus | null, scheduled: string | null }>, provenance: { organisationName: string } }> | null, communitySource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null } | null };

export type DemographicsQueryVariables = Exact<{
  nhsNumber: string;
}>;


export type DemographicsQuery = { patient: { nhsNumber: string, birthDate: unknown, gender: string | null, restricted: boolean, phone: string | null, breakGlass: { reason: BreakGlassReason, expiresAt: string } | null, name: { text: string } | null, deceased: { at: unknown } | null, address: { lines: Array<string>, city: string | null, postcode: string | null, use: string | null } | null, communication: { interpreterRequired: boolean | null, languages: Array<{ preferred: boolean | null, language: { display: string }, modes: Array<{ display: string }> }> } | null, contacts: Array<{ name: string | null, nextOfKin: boolean, emergencyContact: boolean, current: boolean, relationship: Array<{ display: string }>, telecom: Array<{ system: string, value: string, current: boolean }> }> | null, registeredPractice: { odsCode: string, name: string } | null, careRelationships: Array<{ kind: string, from: string, until: string | null, organisation: { odsCode: string, name: string } }> | null, gpRelatedPeople: Array<{ id: string, name: string, phone: string | null, current: boolean, relationships: Array<{ display: string, text: string | null }> | null, provenance: { organisationName: string } }> | null, hospitalRelatedPeople: Array<{ id: string, name: string, phone: string | null, current: boolean, relationships: Array<{ display: string, text: string | null }> | null, provenance: { organisationName: string } }> | null, mentalHealthRelatedPeople: Array<{ id: string, name: string, phone: string | null, current: boolean, relationships: Array<{ display: string, text: string | null }> | null, provenance: { organisationName: string } }> | null, communityRelatedPeople: Array<{ id: string, name: string, phone: string | null, current: boolean, relationships: Array<{ display: string, text: string | null }> | null, provenance: { organisationName: string } }> | null, careCoordinator: { id: string, name: string, team: string | null, phone: string | null, since: unknown, provenance: { organisationName: string } } | null, allocatedWorker: { id: string, name: string, role: string | null, team: string | null, phone: string | null, since: unknown, provenance: { organisationName: string } } | null, gpSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, acuteSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, mentalHealthSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, communitySource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, socialCareSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null } | null };

export type NextOfKinPartsFragment = { id: string, name: string, phone: string | null, current: boolean, relationships: Array<{ display: string, text: string | null }> | null, provenance: { organisationName: string } };

export type DocumentsQueryVariables = Exact<{
  nhsNumber: string;
}>;


export type DocumentsQuery = { patient: { nhsNumber: string, breakGlass: { reason: BreakGlassReason, expiresAt: string } | null, dischargeSummaries: Array<{ id: string, title: string, date: unknown, status: DocumentStatus, current: boolean, summary: string | null, author: string | null, type: { display: string }, sections: Array<{ title: string | null, text: string | null, tables: Array<{ rows: Array<{ cells: Array<string> }> }> }>, attachments: Array<{ title: string, contentType: string | null, url: string | null, inline: boolean }>, provenance: { organisationName: string } }> | null, gpDocuments: Array<{ id: string, title: string, date: unknown, status: DocumentStatus, current: boolean, summary: string | null, author: string | null, custodian: string | null, type: { display: string, text: string | null }, attachments: Array<{ title: string, contentType: string | null, url: string | null, inline: boolean }>, provenance: { organisationName: string, lastUpdated: unknown } }> | null, mentalHealthDocuments: Array<{ id: string, title: string, date: unknown, status: DocumentStatus, current: boolean, summary: string | null, author: string | null, custodian: string | null, type: { display: string, text: string | null }, attachments: Array<{ title: string, contentType: string | null, url: string | null, inline: boolean }>, provenance: { organisationName: string, lastUpdated: unknown } }> | null, communityDocuments: Array<{ id: string, title: string, date: unknown, status: DocumentStatus, current: boolean, summary: string | null, author: string | null, custodian: string | null, type: { display: string, text: string | null }, attachments: Array<{ title: string, contentType: string | null, url: string | null, inline: boolean }>, provenance: { organisationName: string, lastUpdated: unknown } }> | null, socialCareDocuments: Array<{ id: string, title: string, date: unknown, status: DocumentStatus, current: boolean, summary: string | null, author: string | null, custodian: string | null, type: { display: string, text: string | null }, attachments: Array<{ title: string, contentType: string | null, url: string | null, inline: boolean }>, provenance: { organisationName: string, lastUpdated: unknown } }> | null, gpSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, acuteSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, mentalHealthSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, communitySource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, socialCareSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null } | null };

export type EmergencySummaryQueryVariables = Exact<{
  nhsNumber: string;
}>;


export type EmergencySummaryQuery = { patient: { nhsNumber: string, breakGlass: { reason: BreakGlassReason, expiresAt: string } | null, combinedAllergies: { conflicts: Array<string>, items: Array<{ id: string, current: boolean, criticality: AllergyCriticality | null, disagreement: string | null, code: { display: string, text: string | null }, sources: Array<{ id: string, clinicalStatus: AllergyClinicalStatus | null, verificationStatus: AllergyVerificationStatus | null, current: boolean, reaction: string | null, criticality: AllergyCriticality | null, recordedDate: unknown, code: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } }> }>, notRead: Array<{ source: string, field: string, reason: string }> } | null, combinedMedications: { conflicts: Array<string>, items: Array<{ id: string, current: boolean, disagreement: string | null, medication: { display: string, text: string | null }, sources: Array<{ id: string, kind: MedicationRecordKind, dosage: string | null, status: MedicationStatus, current: boolean, startDate: unknown, endDate: unknown, sameMedicineAs: Array<string>, courseDisagreement: string | null, medication: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } }> }>, notRead: Array<{ source: string, field: string, reason: string }> } | null, combinedAlerts: { items: Array<{ id: string, current: boolean, disagreement: string | null, code: { display: string, text: string | null } | null, sources: Array<{ id: string, description: string, status: FlagStatus, current: boolean, start: unknown, end: unknown, author: string | null, code: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } }> }>, notRead: Array<{ source: string, field: string, reason: string }> } | null, combinedAdvanceDirectives: { items: Array<{ id: string, current: boolean, disagreement: string | null, scope: { display: string, text: string | null } | null, sources: Array<{ id: string, status: ConsentStatus, current: boolean, dateTime: unknown, provisionType: ConsentProvisionType | null, scope: { display: string, text: string | null }, category: Array<{ display: string, text: string | null }>, provisionCodes: Array<{ display: string, text: string | null }>, provenance: { organisationName: string, lastUpdated: unknown } }> }>, notRead: Array<{ source: string, field: string, reason: string }> } | null, combinedSafeguardingAlerts: { items: Array<{ id: string, current: boolean, disagreement: string | null, code: { display: string, text: string | null } | null, sources: Array<{ id: string, description: string, status: FlagStatus, current: boolean, start: unknown, end: unknown, author: string | null, code: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } }> }>, notRead: Array<{ source: string, field: string, reason: string }> } | null, combinedRiskAlerts: { items: Array<{ id: string, current: boolean, disagreement: string | null, code: { display: string, text: string | null } | null, sources: Array<{ id: string, description: string, status: FlagStatus, current: boolean, start: unknown, end: unknown, author: string | null, code: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } }> }>, notRead: Array<{ source: string, field: string, reason: string }> } | null, riskSummary: { id: string, kind: RiskSummaryKind, status: RiskSummaryStatus, current: boolean, date: unknown, end: unknown, summary: string, level: string | null, riskOf: string | null, mitigation: string | null, assessedBy: string | null, provenance: { organisationName: string } } | null, crisisPlan: { id: string, title: string, status: CarePlanStatus, current: boolean, created: unknown, summary: string | null, whatHelps: string | null, contacts: string | null, provenance: { organisationName: string } } | null, admissions: Array<{ id: string, status: EncounterStatus, admitted: unknown, discharged: unknown, ward: string | null, reason: { display: string } | null, provenance: { organisationName: string } }> | null, gpSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, acuteSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, mentalHealthSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, communitySource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, socialCareSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null } | null };

export type EncountersQueryVariables = Exact<{
  nhsNumber: string;
}>;


export type EncountersQuery = { patient: { nhsNumber: string, breakGlass: { reason: BreakGlassReason, expiresAt: string } | null, consultations: Array<{ id: string, date: unknown, clinician: string | null, type: { display: string }, reason: { display: string } | null, provenance: { organisationName: string } }> | null, admissions: Array<{ id: string, status: EncounterStatus, admitted: unknown, discharged: unknown, ward: string | null, reason: { display: string } | null, specialty: { display: string } | null, provenance: { organisationName: string } }> | null, aeAttendances: Array<{ id: string, status: EncounterStatus, arrival: unknown, departure: unknown, outcome: string | null, reason: { display: string } | null, provenance: { organisationName: string } }> | null, otherEncounters: Array<{ id: string, status: EncounterStatus, start: unknown, end: unknown, class: { code: string, display: string } | null, specialty: { display: string } | null, locations: Array<{ location: string | null }>, provenance: { organisationName: string } }> | null, mentalHealthAdmissions: Array<{ id: string, status: EncounterStatus, admitted: unknown, discharged: unknown, ward: string | null, reason: { display: string } | null, specialty: { display: string } | null, provenance: { organisationName: string } }> | null, mentalHealthContacts: Array<{ id: string, status: EncounterStatus, start: unknown, end: unknown, class: { code: string, display: string } | null, specialty: { display: string } | null, locations: Array<{ location: string | null }>, provenance: { organisationName: string } }> | null, outpatientAppointments: Array<{ id: string, status: AppointmentStatus, start: unknown, clinic: string | null, specialty: { display: string } | null, provenance: { organisationName: string } }> | null, socialCareContacts: Array<{ id: string, status: EncounterStatus, start: unknown, end: unknown, class: { code: string, display: string } | null, specialty: { display: string } | null, locations: Array<{ location: string | null }>, provenance: { organisationName: string } }> | null, socialCareAppointments: Array<{ id: string, status: AppointmentStatus, start: unknown, description: string | null, clinician: string | null, provenance: { organisationName: string } }> | null, gpAppointments: Array<{ id: string, status: AppointmentStatus, current: boolean, start: unknown, end: unknown, clinic: string | null, site: string | null, clinician: string | null, description: string | null, specialty: { display: string, text: string | null } | null, serviceTypes: Array<{ display: string, text: string | null }>, appointmentType: { display: string, text: string | null } | null, cancellationReason: { display: string, text: string | null } | null, provenance: { organisationName: string, lastUpdated: unknown } }> | null, mentalHealthAppointments: Array<{ id: string, status: AppointmentStatus, current: boolean, start: unknown, end: unknown, clinic: string | null, site: string | null, clinician: string | null, description: string | null, specialty: { display: string, text: string | null } | null, serviceTypes: Array<{ display: string, text: string | null }>, appointmentType: { display: string, text: string | null } | null, cancellationReason: { display: string, text: string | null } | null, provenance: { organisationName: string, lastUpdated: unknown } }> | null, communityAppointments: Array<{ id: string, status: AppointmentStatus, current: boolean, start: unknown, end: unknown, clinic: string | null, site: string | null, clinician: string | null, description: string | null, specialty: { display: string, text: string | null } | null, serviceTypes: Array<{ display: string, text: string | null }>, appointmentType: { display: string, text: string | null } | null, cancellationReason: { display: string, text: string | null } | null, provenance: { organisationName: string, lastUpdated: unknown } }> | null, referrals: Array<{ id: string, status: ReferralStatus, current: boolean, intent: RequestIntent, priority: ReferralPriority | null, authoredOn: unknown, requester: string | null, performers: Array<string>, code: { display: string, text: string | null } | null, provenance: { organisationName: string, lastUpdated: unknown } }> | null, hospitalReferrals: Array<{ id: string, status: ReferralStatus, current: boolean, intent: RequestIntent, priority: ReferralPriority | null, authoredOn: unknown, requester: string | null, performers: Array<string>, code: { display: string, text: string | null } | null, provenance: { organisationName: string, lastUpdated: unknown } }> | null, communityReferrals: Array<{ id: string, status: ReferralStatus, current: boolean, intent: RequestIntent, priority: ReferralPriority | null, authoredOn: unknown, requester: string | null, performers: Array<string>, code: { display: string, text: string | null } | null, provenance: { organisationName: string, lastUpdated: unknown } }> | null, carePlans: Array<{ id: string, title: string | null, description: string | null, status: CarePlanStatus, current: boolean, start: unknown, end: unknown, author: string | null, provenance: { organisationName: string, lastUpdated: unknown } }> | null, hospitalCarePlans: Array<{ id: string, title: string | null, description: string | null, status: CarePlanStatus, current: boolean, start: unknown, end: unknown, author: string | null, provenance: { organisationName: string, lastUpdated: unknown } }> | null, gpSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, acuteSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, mentalHealthSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, communitySource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, socialCareSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null } | null };

export type ImmunisationsQueryVariables = Exact<{
  nhsNumber: string;
}>;


export type ImmunisationsQuery = { patient: { nhsNumber: string, breakGlass: { reason: BreakGlassReason, expiresAt: string } | null, immunisations: Array<{ id: string, date: unknown, status: ImmunizationStatus, vaccine: { display: string }, provenance: { organisationName: string } }> | null, hospitalImmunisations: Array<{ id: string, date: unknown, status: ImmunizationStatus, vaccine: { display: string }, provenance: { organisationName: string } }> | null, mentalHealthImmunisations: Array<{ id: string, date: unknown, status: ImmunizationStatus, vaccine: { display: string }, provenance: { organisationName: string } }> | null, communityImmunisations: Array<{ id: string, date: unknown, status: ImmunizationStatus, vaccine: { display: string }, provenance: { organisationName: string } }> | null, socialCareImmunisations: Array<{ id: string, date: unknown, status: ImmunizationStatus, vaccine: { display: string }, provenance: { organisationName: string } }> | null, gpSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, acuteSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, mentalHealthSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, communitySource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, socialCareSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null } | null };

export type MedicationsQueryVariables = Exact<{
  nhsNumber: string;
}>;


export type MedicationsQuery = { patient: { nhsNumber: string, breakGlass: { reason: BreakGlassReason, expiresAt: string } | null, medications: Array<{ id: string, kind: MedicationRecordKind, dosage: string | null, status: MedicationStatus, current: boolean, startDate: unknown, endDate: unknown, sameMedicineAs: Array<string>, courseDisagreement: string | null, medication: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } }> | null, hospitalPrescriptions: Array<{ id: string, kind: MedicationRecordKind, dosage: string | null, status: MedicationStatus, current: boolean, startDate: unknown, endDate: unknown, sameMedicineAs: Array<string>, courseDisagreement: string | null, medication: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } }> | null, mentalHealthMedications: Array<{ id: string, kind: MedicationRecordKind, dosage: string | null, status: MedicationStatus, current: boolean, startDate: unknown, endDate: unknown, sameMedicineAs: Array<string>, courseDisagreement: string | null, medication: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } }> | null, communityMedications: Array<{ id: string, kind: MedicationRecordKind, dosage: string | null, status: MedicationStatus, current: boolean, startDate: unknown, endDate: unknown, sameMedicineAs: Array<string>, courseDisagreement: string | null, medication: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } }> | null, socialCareMedications: Array<{ id: string, kind: MedicationRecordKind, dosage: string | null, status: MedicationStatus, current: boolean, startDate: unknown, endDate: unknown, sameMedicineAs: Array<string>, courseDisagreement: string | null, medication: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } }> | null, medicationDispenses: Array<{ id: string, status: MedicationDispenseStatus, supplied: boolean, current: boolean, whenPrepared: unknown, whenHandedOver: unknown, medication: { display: string }, statusReason: { display: string } | null, quantity: { value: number, unit: string | null } | null, dosageInstructions: Array<{ text: string | null, dose: string | null, timing: string | null }>, provenance: { organisationName: string } }> | null, gpMedicationDispenses: Array<{ id: string, status: MedicationDispenseStatus, supplied: boolean, current: boolean, whenPrepared: unknown, whenHandedOver: unknown, medication: { display: string }, statusReason: { display: string } | null, quantity: { value: number, unit: string | null } | null, dosageInstructions: Array<{ text: string | null, dose: string | null, timing: string | null }>, provenance: { organisationName: string } }> | null, medicationAdministrations: Array<{ id: string, status: MedicationAdministrationStatus, given: boolean, notGiven: boolean, effective: unknown, effectiveEnd: unknown, medication: { display: string }, statusReasons: Array<{ display: string }>, dosage: { text: string | null, rate: string | null, dose: { value: number, unit: string | null } | null, route: { display: string } | null } | null, provenance: { organisationName: string } }> | null, communityMedicationAdministrations: Array<{ id: string, status: MedicationAdministrationStatus, given: boolean, notGiven: boolean, effective: unknown, effectiveEnd: unknown, medication: { display: string }, statusReasons: Array<{ display: string }>, dosage: { text: string | null, rate: string | null, dose: { value: number, unit: string | null } | null, route: { display: string } | null } | null, provenance: { organisationName: string } }> | null, socialCareMedicationAdministrations: Array<{ id: string, status: MedicationAdministrationStatus, given: boolean, notGiven: boolean, effective: unknown, effectiveEnd: unknown, medication: { display: string }, statusReasons: Array<{ display: string }>, dosage: { text: string | null, rate: string | null, dose: { value: number, unit: string | null } | null, route: { display: string } | null } | null, provenance: { organisationName: string } }> | null, gpMedicationAdministrations: Array<{ id: string, status: MedicationAdministrationStatus, given: boolean, notGiven: boolean, effective: unknown, effectiveEnd: unknown, medication: { display: string, text: string | null }, statusReasons: Array<{ display: string, text: string | null }>, dosage: { text: string | null, rate: string | null, dose: { value: number, unit: string | null } | null, route: { display: string, text: string | null } | null } | null, performers: Array<{ actor: string | null }>, provenance: { organisationName: string, lastUpdated: unknown } }> | null, mentalHealthMedicationAdministrations: Array<{ id: string, status: MedicationAdministrationStatus, given: boolean, notGiven: boolean, effective: unknown, effectiveEnd: unknown, medication: { display: string, text: string | null }, statusReasons: Array<{ display: string, text: string | null }>, dosage: { text: string | null, rate: string | null, dose: { value: number, unit: string | null } | null, route: { display: string, text: string | null } | null } | null, performers: Array<{ actor: string | null }>, provenance: { organisationName: string, lastUpdated: unknown } }> | null, noCurrentMedications: Array<{ id: string, title: string | null, current: boolean, recordedDate: unknown, list: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } }> | null, hospitalNoCurrentMedications: Array<{ id: string, title: string | null, current: boolean, recordedDate: unknown, list: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } }> | null, mentalHealthNoCurrentMedications: Array<{ id: string, title: string | null, current: boolean, recordedDate: unknown, list: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } }> | null, communityNoCurrentMedications: Array<{ id: string, title: string | null, current: boolean, recordedDate: unknown, list: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } }> | null, socialCareNoCurrentMedications: Array<{ id: string, title: string | null, current: boolean, recordedDate: unknown, list: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } }> | null, gpSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, acuteSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, mentalHealthSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, communitySource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, socialCareSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null } | null };

export type DispensePartsFragment = { id: string, status: MedicationDispenseStatus, supplied: boolean, current: boolean, whenPrepared: unknown, whenHandedOver: unknown, medication: { display: string }, statusReason: { display: string } | null, quantity: { value: number, unit: string | null } | null, dosageInstructions: Array<{ text: string | null, dose: string | null, timing: string | null }>, provenance: { organisationName: string } };

export type MentalHealthQueryVariables = Exact<{
  nhsNumber: string;
}>;


export type MentalHealthQuery = { patient: { nhsNumber: string, breakGlass: { reason: BreakGlassReason, expiresAt: string } | null, careCoordinator: { id: string, name: string, team: string | null, phone: string | null, since: unknown, provenance: { organisationName: string } } | null, careProgrammeStatus: { id: string, status: string, since: unknown, provenance: { organisationName: string } } | null, crisisPlans: Array<{ id: string, title: string, status: CarePlanStatus, current: boolean, created: unknown, summary: string | null, triggers: string | null, earlyWarningSigns: string | null, whatHelps: string | null, contacts: string | null, provenance: { organisationName: string } }> | null, mentalHealthCarePlans: Array<{ id: string, title: string | null, status: CarePlanStatus, current: boolean, created: unknown, description: string | null, categories: Array<{ display: string }>, provenance: { organisationName: string } }> | null, mentalHealthReferrals: Array<{ id: string, status: ReferralStatus, current: boolean, priority: ReferralPriority | null, authoredOn: unknown, requester: string | null, code: { display: string } | null, provenance: { organisationName: string } }> | null, mentalHealthEpisodes: Array<{ id: string, status: EpisodeOfCareStatus, current: boolean, start: unknown, end: unknown, team: string | null, service: string | null, provenance: { organisationName: string } }> | null, riskSummaries: Array<{ id: string, kind: RiskSummaryKind, status: RiskSummaryStatus, current: boolean, date: unknown, summary: string, level: string | null, riskOf: string | null, provenance: { organisationName: string } }> | null, mentalHealthRiskAlerts: Array<{ id: string, description: string, status: FlagStatus, current: boolean, start: unknown, end: unknown, provenance: { organisationName: string } }> | null, mentalHealthSafeguardingAlerts: Array<{ id: string, description: string, status: FlagStatus, current: boolean, start: unknown, end: unknown, provenance: { organisationName: string } }> | null, mentalHealthAlerts: Array<{ id: string, description: string, status: FlagStatus, current: boolean, start: unknown, end: unknown, provenance: { organisationName: string } }> | null, mentalHealthSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null } | null };

export type ProblemsQueryVariables = Exact<{
  nhsNumber: string;
}>;


export type ProblemsQuery = { patient: { nhsNumber: string, breakGlass: { reason: BreakGlassReason, expiresAt: string } | null, problems: Array<{ id: string, clinicalStatus: ConditionClinicalStatus | null, verificationStatus: ConditionVerificationStatus | null, current: boolean, onsetDate: unknown, recordedDate: unknown, code: { display: string, text: string | null }, abatement: { start: unknown, age: string | null, text: string | null } | null, provenance: { organisationName: string, lastUpdated: unknown } }> | null, hospitalDiagnoses: Array<{ id: string, clinicalStatus: ConditionClinicalStatus | null, verificationStatus: ConditionVerificationStatus | null, current: boolean, onsetDate: unknown, recordedDate: unknown, code: { display: string, text: string | null }, abatement: { start: unknown, age: string | null, text: string | null } | null, provenance: { organisationName: string, lastUpdated: unknown } }> | null, mentalHealthDiagnoses: Array<{ id: string, clinicalStatus: ConditionClinicalStatus | null, verificationStatus: ConditionVerificationStatus | null, current: boolean, onsetDate: unknown, recordedDate: unknown, code: { display: string, text: string | null }, abatement: { start: unknown, age: string | null, text: string | null } | null, provenance: { organisationName: string, lastUpdated: unknown } }> | null, communityDiagnoses: Array<{ id: string, clinicalStatus: ConditionClinicalStatus | null, verificationStatus: ConditionVerificationStatus | null, current: boolean, onsetDate: unknown, recordedDate: unknown, code: { display: string, text: string | null }, abatement: { start: unknown, age: string | null, text: string | null } | null, provenance: { organisationName: string, lastUpdated: unknown } }> | null, socialCareDiagnoses: Array<{ id: string, clinicalStatus: ConditionClinicalStatus | null, verificationStatus: ConditionVerificationStatus | null, current: boolean, onsetDate: unknown, recordedDate: unknown, code: { display: string, text: string | null }, abatement: { start: unknown, age: string | null, text: string | null } | null, provenance: { organisationName: string, lastUpdated: unknown } }> | null, noKnownProblems: Array<{ id: string, title: string | null, current: boolean, recordedDate: unknown, list: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } }> | null, hospitalNoKnownProblems: Array<{ id: string, title: string | null, current: boolean, recordedDate: unknown, list: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } }> | null, mentalHealthNoKnownProblems: Array<{ id: string, title: string | null, current: boolean, recordedDate: unknown, list: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } }> | null, communityNoKnownProblems: Array<{ id: string, title: string | null, current: boolean, recordedDate: unknown, list: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } }> | null, socialCareNoKnownProblems: Array<{ id: string, title: string | null, current: boolean, recordedDate: unknown, list: { display: string, text: string | null }, provenance: { organisationName: string, lastUpdated: unknown } }> | null, familyHistory: Array<{ id: string, name: string | null, status: FamilyHistoryStatus, recordedDate: unknown, relationship: { display: string, text: string | null }, conditions: Array<{ contributedToDeath: boolean | null, code: { display: string, text: string | null }, outcome: { display: string, text: string | null } | null, onset: { start: unknown, age: string | null, text: string | null } | null }>, provenance: { organisationName: string, lastUpdated: unknown } }> | null, hospitalFamilyHistory: Array<{ id: string, name: string | null, status: FamilyHistoryStatus, recordedDate: unknown, relationship: { display: string, text: string | null }, conditions: Array<{ contributedToDeath: boolean | null, code: { display: string, text: string | null }, outcome: { display: string, text: string | null } | null, onset: { start: unknown, age: string | null, text: string | null } | null }>, provenance: { organisationName: string, lastUpdated: unknown } }> | null, mentalHealthFamilyHistory: Array<{ id: string, name: string | null, status: FamilyHistoryStatus, recordedDate: unknown, relationship: { display: string, text: string | null }, conditions: Array<{ contributedToDeath: boolean | null, code: { display: string, text: string | null }, outcome: { display: string, text: string | null } | null, onset: { start: unknown, age: string | null, text: string | null } | null }>, provenance: { organisationName: string, lastUpdated: unknown } }> | null, communityFamilyHistory: Array<{ id: string, name: string | null, status: FamilyHistoryStatus, recordedDate: unknown, relationship: { display: string, text: string | null }, conditions: Array<{ contributedToDeath: boolean | null, code: { display: string, text: string | null }, outcome: { display: string, text: string | null } | null, onset: { start: unknown, age: string | null, text: string | null } | null }>, provenance: { organisationName: string, lastUpdated: unknown } }> | null, medicalDevices: Array<{ id: string, deviceName: string | null, status: DeviceUseStatus, current: boolean, timingText: string | null, recordedOn: unknown, device: { display: string, text: string | null }, timing: { start: unknown, end: unknown } | null, provenance: { organisationName: string, lastUpdated: unknown } }> | null, hospitalMedicalDevices: Array<{ id: string, deviceName: string | null, status: DeviceUseStatus, current: boolean, timingText: string | null, recordedOn: unknown, device: { display: string, text: string | null }, timing: { start: unknown, end: unknown } | null, provenance: { organisationName: string, lastUpdated: unknown } }> | null, mentalHealthMedicalDevices: Array<{ id: string, deviceName: string | null, status: DeviceUseStatus, current: boolean, timingText: string | null, recordedOn: unknown, device: { display: string, text: string | null }, timing: { start: unknown, end: unknown } | null, provenance: { organisationName: string, lastUpdated: unknown } }> | null, communityMedicalDevices: Array<{ id: string, deviceName: string | null, status: DeviceUseStatus, current: boolean, timingText: string | null, recordedOn: unknown, device: { display: string, text: string | null }, timing: { start: unknown, end: unknown } | null, provenance: { organisationName: string, lastUpdated: unknown } }> | null, socialCareEquipment: Array<{ id: string, deviceName: string | null, status: DeviceUseStatus, current: boolean, timingText: string | null, recordedOn: unknown, device: { display: string, text: string | null }, timing: { start: unknown, end: unknown } | null, provenance: { organisationName: string, lastUpdated: unknown } }> | null, gpSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, acuteSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, mentalHealthSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, communitySource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, socialCareSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null } | null };

export type ProceduresQueryVariables = Exact<{
  nhsNumber: string;
}>;


export type ProceduresQuery = { patient: { nhsNumber: string, breakGlass: { reason: BreakGlassReason, expiresAt: string } | null, procedures: Array<{ id: string, status: ProcedureStatus, current: boolean, performedDate: unknown, location: string | null, code: { display: string, text: string | null }, statusReason: { display: string } | null, bodySite: Array<{ display: string }>, provenance: { organisationName: string, lastUpdated: unknown } }> | null, hospitalProcedures: Array<{ id: string, status: ProcedureStatus, current: boolean, performedDate: unknown, location: string | null, code: { display: string, text: string | null }, statusReason: { display: string } | null, bodySite: Array<{ display: string }>, provenance: { organisationName: string, lastUpdated: unknown } }> | null, mentalHealthProcedures: Array<{ id: string, status: ProcedureStatus, current: boolean, performedDate: unknown, location: string | null, code: { display: string, text: string | null }, statusReason: { display: string } | null, bodySite: Array<{ display: string }>, provenance: { organisationName: string, lastUpdated: unknown } }> | null, communityProcedures: Array<{ id: string, status: ProcedureStatus, current: boolean, performedDate: unknown, location: string | null, code: { display: string, text: string | null }, statusReason: { display: string } | null, bodySite: Array<{ display: string }>, provenance: { organisationName: string, lastUpdated: unknown } }> | null, gpSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, acuteSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, mentalHealthSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, communitySource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null } | null };

export type ResultsQueryVariables = Exact<{
  nhsNumber: string;
}>;


export type ResultsQuery = { patient: { nhsNumber: string, breakGlass: { reason: BreakGlassReason, expiresAt: string } | null, observations: Array<{ id: string, reportName: string | null, value: string | null, unit: string | null, referenceRange: string | null, abnormal: boolean | null, status: ObservationStatus, current: boolean, category: string | null, effectiveDate: unknown, issued: unknown, codeIsFinding: boolean, memberIds: Array<string>, code: { display: string, text: string | null }, dataAbsentReason: { display: string, text: string | null } | null, components: Array<{ code: { display: string, text: string | null }, value: { text: string } | null, dataAbsentReason: { display: string } | null }>, provenance: { organisationName: string, lastUpdated: unknown } }> | null, testResults: Array<{ id: string, reportName: string | null, value: string | null, unit: string | null, referenceRange: string | null, abnormal: boolean | null, status: ObservationStatus, current: boolean, category: string | null, effectiveDate: unknown, issued: unknown, codeIsFinding: boolean, memberIds: Array<string>, interpretation: { code: string, display: string } | null, code: { display: string, text: string | null }, dataAbsentReason: { display: string, text: string | null } | null, components: Array<{ code: { display: string, text: string | null }, value: { text: string } | null, dataAbsentReason: { display: string } | null }>, provenance: { organisationName: string, lastUpdated: unknown } }> | null, mentalHealthObservations: Array<{ id: string, reportName: string | null, value: string | null, unit: string | null, referenceRange: string | null, abnormal: boolean | null, status: ObservationStatus, current: boolean, category: string | null, effectiveDate: unknown, issued: unknown, codeIsFinding: boolean, memberIds: Array<string>, code: { display: string, text: string | null }, dataAbsentReason: { display: string, text: string | null } | null, components: Array<{ code: { display: string, text: string | null }, value: { text: string } | null, dataAbsentReason: { display: string } | null }>, provenance: { organisationName: string, lastUpdated: unknown } }> | null, communityObservations: Array<{ id: string, reportName: string | null, value: string | null, unit: string | null, referenceRange: string | null, abnormal: boolean | null, status: ObservationStatus, current: boolean, category: string | null, effectiveDate: unknown, issued: unknown, codeIsFinding: boolean, memberIds: Array<string>, code: { display: string, text: string | null }, dataAbsentReason: { display: string, text: string | null } | null, components: Array<{ code: { display: string, text: string | null }, value: { text: string } | null, dataAbsentReason: { display: string } | null }>, provenance: { organisationName: string, lastUpdated: unknown } }> | null, socialCareObservations: Array<{ id: string, reportName: string | null, value: string | null, unit: string | null, referenceRange: string | null, abnormal: boolean | null, status: ObservationStatus, current: boolean, category: string | null, effectiveDate: unknown, issued: unknown, codeIsFinding: boolean, memberIds: Array<string>, code: { display: string, text: string | null }, dataAbsentReason: { display: string, text: string | null } | null, components: Array<{ code: { display: string, text: string | null }, value: { text: string } | null, dataAbsentReason: { display: string } | null }>, provenance: { organisationName: string, lastUpdated: unknown } }> | null, gpTestReports: Array<{ id: string, name: string, status: DiagnosticReportStatus, current: boolean, issued: unknown, effectiveDate: unknown, conclusion: string | null, performer: Array<string>, resultIds: Array<string>, results: Array<{ id: string, value: string | null, unit: string | null, abnormal: boolean | null, codeIsFinding: boolean, memberIds: Array<string>, code: { display: string, text: string | null }, interpretation: { code: string, display: string } | null, dataAbsentReason: { display: string, text: string | null } | null, components: Array<{ code: { display: string, text: string | null }, value: { text: string } | null, dataAbsentReason: { display: string } | null }> }>, provenance: { organisationName: string, lastUpdated: unknown } }> | null, testReports: Array<{ id: string, name: string, status: DiagnosticReportStatus, current: boolean, issued: unknown, effectiveDate: unknown, conclusion: string | null, performer: Array<string>, resultIds: Array<string>, results: Array<{ id: string, value: string | null, unit: string | null, abnormal: boolean | null, codeIsFinding: boolean, memberIds: Array<string>, code: { display: string, text: string | null }, interpretation: { code: string, display: string } | null, dataAbsentReason: { display: string, text: string | null } | null, components: Array<{ code: { display: string, text: string | null }, value: { text: string } | null, dataAbsentReason: { display: string } | null }> }>, provenance: { organisationName: string, lastUpdated: unknown } }> | null, gpSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, acuteSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, mentalHealthSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, communitySource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null, socialCareSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null } | null };

export type ReportPartsFragment = { id: string, name: string, status: DiagnosticReportStatus, current: boolean, issued: unknown, effectiveDate: unknown, conclusion: string | null, performer: Array<string>, resultIds: Array<string>, results: Array<{ id: string, value: string | null, unit: string | null, abnormal: boolean | null, codeIsFinding: boolean, memberIds: Array<string>, code: { display: string, text: string | null }, interpretation: { code: string, display: string } | null, dataAbsentReason: { display: string, text: string | null } | null, components: Array<{ code: { display: string, text: string | null }, value: { text: string } | null, dataAbsentReason: { display: string } | null }> }>, provenance: { organisationName: string, lastUpdated: unknown } };

export type SocialCareQueryVariables = Exact<{
  nhsNumber: string;
}>;


export type SocialCareQuery = { patient: { nhsNumber: string, breakGlass: { reason: BreakGlassReason, expiresAt: string } | null, allocatedWorker: { id: string, name: string, role: string | null, team: string | null, phone: string | null, since: unknown, provenance: { organisationName: string } } | null, safeguardingAlerts: Array<{ id: string, description: string, status: FlagStatus, current: boolean, start: unknown, end: unknown, provenance: { organisationName: string } }> | null, socialCareRiskAlerts: Array<{ id: string, description: string, status: FlagStatus, current: boolean, start: unknown, end: unknown, provenance: { organisationName: string } }> | null, socialCareAlerts: Array<{ id: string, description: string, status: FlagStatus, current: boolean, start: unknown, end: unknown, provenance: { organisationName: string } }> | null, socialCareCases: Array<{ id: string, caseType: string | null, status: EpisodeOfCareStatus, current: boolean, start: unknown, end: unknown, team: string | null, worker: string | null, provenance: { organisationName: string } }> | null, carePackages: Array<{ id: string, service: string, description: string | null, hoursPerWeek: number | null, status: CarePlanStatus, current: boolean, start: unknown, end: unknown, provenance: { organisationName: string } }> | null, socialCareAssessments: Array<{ id: string, type: string, status: AssessmentStatus, date: unknown, outcome: string | null, provenance: { organisationName: string } }> | null, carers: Array<{ id: string, name: string, phone: string | null, active: boolean, relationship: { display: string } | null, provenance: { organisationName: string } }> | null, socialCareSource: { organisationNames: Array<string>, lastUpdated: unknown, readAt: unknown } | null } | null };

export type ConsoleUserFragment = { id: string, name: string | null, odsCode: string, organisationName: string | null, jobRole: string | null, roleName: string | null, profile: string | null, profileName: string | null };

export type ConsoleBreakGlassRowFragment = { breakGlassId: string, nhsNumber: string, reason: string, detail: string, declaredAt: string | null, expiresAt: string | null, firstAccess: string, lastAccess: string, accesses: number, categories: Array<string>, categoryNames: Array<string>, panelNames: Array<string>, user: { id: string, name: string | null, odsCode: string, organisationName: string | null, jobRole: string | null, roleName: string | null, profile: string | null, profileName: string | null }, latestReview: { outcome: BreakGlassReviewOutcome, note: string, reviewedAt: string, reviewedBy: { id: string, name: string | null } } | null };

export type ConsoleAccessLogQueryVariables = Exact<{
  filter?: AccessLogFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ConsoleAccessLogQuery = { accessLog: { events: Array<{ id: string, requestId: string, at: string, subgraph: string, operationName: string | null, nhsNumber: string | null, denied: boolean, categories: Array<string>, categoryNames: Array<string>, panelNames: Array<string>, client: { operationName: string | null, application: string | null } | null, user: { id: string, name: string | null, odsCode: string, organisationName: string | null, jobRole: string | null, roleName: string | null, profile: string | null, profileName: string | null }, fields: Array<{ coordinate: string, outcome: string, reason: string | null }>, breakGlass: { id: string, reason: string, detail: string } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ConsoleWhoLookedQueryVariables = Exact<{
  nhsNumber: string;
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type ConsoleWhoLookedQuery = { recordAccessSummary: Array<{ odsCode: string, organisationName: string | null, jobRole: string | null, roleName: string | null, profile: string | null, profileName: string | null, firstAccess: string, lastAccess: string, requests: number, categories: Array<string>, categoryNames: Array<string>, panelNames: Array<string>, breakGlass: boolean }> };

export type ConsoleMonitoringQueryVariables = Exact<{
  reviewed?: boolean | null | undefined;
}>;


export type ConsoleMonitoringQuery = { monitoringFindings: { title: string, lookedFor: string, from: string, to: string, truncated: boolean, rows: Array<{ id: string, kind: MonitoringFindingKind, meaning: string, score: number, nhsNumber: string, firstAccess: string, lastAccess: string, raisedAt: string, accesses: number, closed: boolean, user: { id: string, name: string | null, odsCode: string, organisationName: string | null, jobRole: string | null, roleName: string | null, profile: string | null, profileName: string | null }, latestReview: { outcome: BreakGlassReviewOutcome, note: string, reviewedAt: string, reviewedBy: { id: string, name: string | null } } | null }> }, ownRecordAccess: { title: string, lookedFor: string, from: string, to: string, truncated: boolean, rows: Array<{ nhsNumber: string, relation: StaffPatientRelation, firstAccess: string, lastAccess: string, accesses: number, categories: Array<string>, categoryNames: Array<string>, panelNames: Array<string>, breakGlass: boolean, denied: boolean, user: { id: string, name: string | null, odsCode: string, organisationName: string | null, jobRole: string | null, roleName: string | null, profile: string | null, profileName: string | null } }> }, sharedSurnameOrAddressAccess: { title: string, lookedFor: string, from: string, to: string, truncated: boolean, rows: Array<{ nhsNumber: string, relation: StaffPatientRelation, firstAccess: string, lastAccess: string, accesses: number, categories: Array<string>, categoryNames: Array<string>, panelNames: Array<string>, breakGlass: boolean, denied: boolean, user: { id: string, name: string | null, odsCode: string, organisationName: string | null, jobRole: string | null, roleName: string | null, profile: string | null, profileName: string | null } }> } };

export type ConsoleUnusualVolumeQueryVariables = Exact<{
  from?: string | null | undefined;
  to?: string | null | undefined;
  threshold?: number | null | undefined;
}>;


export type ConsoleUnusualVolumeQuery = { unusualVolume: { title: string, lookedFor: string, from: string, to: string, truncated: boolean, threshold: number, rows: Array<{ patients: number, requests: number, user: { id: string, name: string | null, odsCode: string, organisationName: string | null, jobRole: string | null, roleName: string | null, profile: string | null, profileName: string | null } }> } };

export type ConsoleOutOfHoursQueryVariables = Exact<{
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type ConsoleOutOfHoursQuery = { outOfHoursAccess: { title: string, lookedFor: string, from: string, to: string, truncated: boolean, rows: Array<{ nhsNumber: string, firstAccess: string, lastAccess: string, accesses: number, categories: Array<string>, categoryNames: Array<string>, panelNames: Array<string>, breakGlass: boolean, denied: boolean, user: { id: string, name: string | null, odsCode: string, organisationName: string | null, jobRole: string | null, roleName: string | null, profile: string | null, profileName: string | null } }> } };

export type ConsoleLinkReportFragment = { title: string, lookedFor: string, from: string, to: string, truncated: boolean, rows: Array<{ nhsNumber: string, relation: StaffPatientRelation, firstAccess: string, lastAccess: string, accesses: number, categories: Array<string>, categoryNames: Array<string>, panelNames: Array<string>, breakGlass: boolean, denied: boolean, user: { id: string, name: string | null, odsCode: string, organisationName: string | null, jobRole: string | null, roleName: string | null, profile: string | null, profileName: string | null } }> };

export type ConsoleReviewFindingMutationVariables = Exact<{
  findingId: string | number;
  outcome: BreakGlassReviewOutcome;
  note: string;
}>;


export type ConsoleReviewFindingMutation = { recordMonitoringFindingReview: { findingId: string, outcome: BreakGlassReviewOutcome, reviewedAt: string } };

export type ConsoleBreakGlassQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleBreakGlassQuery = { breakGlassReviewQueue: { title: string, lookedFor: string, from: string, to: string, truncated: boolean, rows: Array<{ breakGlassId: string, nhsNumber: string, reason: string, detail: string, declaredAt: string | null, expiresAt: string | null, firstAccess: string, lastAccess: string, accesses: number, categories: Array<string>, categoryNames: Array<string>, panelNames: Array<string>, user: { id: string, name: string | null, odsCode: string, organisationName: string | null, jobRole: string | null, roleName: string | null, profile: string | null, profileName: string | null }, latestReview: { outcome: BreakGlassReviewOutcome, note: string, reviewedAt: string, reviewedBy: { id: string, name: string | null } } | null }> }, breakGlassReviewHistory: { title: string, lookedFor: string, from: string, to: string, truncated: boolean, rows: Array<{ breakGlassId: string, nhsNumber: string, reason: string, detail: string, declaredAt: string | null, expiresAt: string | null, firstAccess: string, lastAccess: string, accesses: number, categories: Array<string>, categoryNames: Array<string>, panelNames: Array<string>, user: { id: string, name: string | null, odsCode: string, organisationName: string | null, jobRole: string | null, roleName: string | null, profile: string | null, profileName: string | null }, latestReview: { outcome: BreakGlassReviewOutcome, note: string, reviewedAt: string, reviewedBy: { id: string, name: string | null } } | null }> } };

export type ConsoleReviewBreakGlassMutationVariables = Exact<{
  breakGlassId: string | number;
  outcome: BreakGlassReviewOutcome;
  note: string;
}>;


export type ConsoleReviewBreakGlassMutation = { recordBreakGlassReview: { breakGlassId: string, outcome: BreakGlassReviewOutcome, reviewedAt: string } };

export type ConsoleAlertsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleAlertsQuery = { alerts: Array<{ id: string, kind: AlertKind, title: string, raisedAt: string, nhsNumber: string | null, subjectId: string, link: string, delivery: { state: AlertDeliveryState, attempts: number, lastError: string | null, deliveredAt: string | null, nextAttemptAt: string | null } }> };

export type ConsoleVerificationFragment = { startedAt: string, finishedAt: string, by: string, ok: boolean, chains: number, events: number, anchoredAt: string | null, anchoredChains: number | null, anchorProblem: string | null, breaks: Array<{ chainId: string, seq: number, eventId: string | null, problem: string }> };

export type ConsoleChainStatusQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleChainStatusQuery = { auditChainStatus: { lastVerification: { startedAt: string, finishedAt: string, by: string, ok: boolean, chains: number, events: number, anchoredAt: string | null, anchoredChains: number | null, anchorProblem: string | null, breaks: Array<{ chainId: string, seq: number, eventId: string | null, problem: string }> } | null, chains: Array<{ chainId: string, subgraph: string, startedAt: string | null, headSeq: number | null, lastVerifiedAt: string | null, ok: boolean | null, problem: string | null }> } };

export type ConsoleVerificationJobFragment = { id: string, state: AuditVerificationJobState, full: boolean, by: string, startedAt: string, finishedAt: string | null, eventsChecked: number, events: number, chainsChecked: number, chains: number, error: string | null, result: { startedAt: string, finishedAt: string, by: string, ok: boolean, chains: number, events: number, anchoredAt: string | null, anchoredChains: number | null, anchorProblem: string | null, breaks: Array<{ chainId: string, seq: number, eventId: string | null, problem: string }> } | null };

export type ConsoleStartVerificationMutationVariables = Exact<{
  full?: boolean | null | undefined;
}>;


export type ConsoleStartVerificationMutation = { startAuditVerification: { id: string, state: AuditVerificationJobState, full: boolean, by: string, startedAt: string, finishedAt: string | null, eventsChecked: number, events: number, chainsChecked: number, chains: number, error: string | null, result: { startedAt: string, finishedAt: string, by: string, ok: boolean, chains: number, events: number, anchoredAt: string | null, anchoredChains: number | null, anchorProblem: string | null, breaks: Array<{ chainId: string, seq: number, eventId: string | null, problem: string }> } | null } };

export type ConsoleVerificationJobQueryVariables = Exact<{
  id?: string | number | null | undefined;
}>;


export type ConsoleVerificationJobQuery = { auditVerificationJob: { id: string, state: AuditVerificationJobState, full: boolean, by: string, startedAt: string, finishedAt: string | null, eventsChecked: number, events: number, chainsChecked: number, chains: number, error: string | null, result: { startedAt: string, finishedAt: string, by: string, ok: boolean, chains: number, events: number, anchoredAt: string | null, anchoredChains: number | null, anchorProblem: string | null, breaks: Array<{ chainId: string, seq: number, eventId: string | null, problem: string }> } | null } | null };

export type MyAccessQueryVariables = Exact<{ [key: string]: never; }>;


export type MyAccessQuery = { myAccess: { userName: string, organisationName: string | null, jobRole: string, odsCode: string, profile: string, profileLabel: string, breakGlassAllowed: boolean, traceAllowed: boolean, launchPatient: string | null, recordAccessAllowed: boolean, categories: Array<{ name: string }>, panels: Array<{ name: string, label: string, categories: Array<string>, restricted: Array<string> }> } };

export type TraceQueryVariables = Exact<{
  familyName: string;
  birthDate: string;
  postcode?: string | null | undefined;
}>;


export type TraceQuery = { patientSearch: Array<{ nhsNumber: string, birthDate: unknown, gender: string | null, postcode: string | null, restricted: boolean, name: { family: string, given: Array<string>, text: string }, registeredPractice: { name: string } | null }> };

export type DeclareBreakGlassMutationVariables = Exact<{
  nhsNumber: string;
  reason: BreakGlassReason;
  detail: string;
}>;


export type DeclareBreakGlassMutation = { declareBreakGlass: { id: string, reason: BreakGlassReason, expiresAt: string } };

export type PatientBannerQueryVariables = Exact<{
  nhsNumber: string;
}>;


export type PatientBannerQuery = { patient: { nhsNumber: string, birthDate: unknown, gender: string | null, restricted: boolean, name: { family: string, given: Array<string>, text: string } | null, deceased: { at: unknown } | null, breakGlass: { reason: BreakGlassReason, expiresAt: string } | null } | null };

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
export const NotReadPartsFragmentDoc = new TypedDocumentString(`
    fragment NotReadParts on SourceNotRead {
  source
  field
  reason
}
    `, {"fragmentName":"NotReadParts"}) as unknown as TypedDocumentString<NotReadPartsFragment, unknown>;
export const AllergyPartsFragmentDoc = new TypedDocumentString(`
    fragment AllergyParts on Allergy {
  id
  code {
    display
    text
  }
  clinicalStatus
  verificationStatus
  current
  reaction
  criticality
  recordedDate
  provenance {
    organisationName
    lastUpdated
  }
}
    `, {"fragmentName":"AllergyParts"}) as unknown as TypedDocumentString<AllergyPartsFragment, unknown>;
export const NoKnownAllergiesPartsFragmentDoc = new TypedDocumentString(`
    fragment NoKnownAllergiesParts on NoKnownAllergies {
  id
  code {
    display
    text
  }
  scope
  current
  clinicalStatus
  verificationStatus
  recordedDate
  provenance {
    organisationName
    lastUpdated
  }
}
    `, {"fragmentName":"NoKnownAllergiesParts"}) as unknown as TypedDocumentString<NoKnownAllergiesPartsFragment, unknown>;
export const NoKnownProblemsPartsFragmentDoc = new TypedDocumentString(`
    fragment NoKnownProblemsParts on NoKnownProblems {
  id
  list {
    display
    text
  }
  title
  current
  recordedDate
  provenance {
    organisationName
    lastUpdated
  }
}
    `, {"fragmentName":"NoKnownProblemsParts"}) as unknown as TypedDocumentString<NoKnownProblemsPartsFragment, unknown>;
export const NoCurrentMedicationsPartsFragmentDoc = new TypedDocumentString(`
    fragment NoCurrentMedicationsParts on NoCurrentMedications {
  id
  list {
    display
    text
  }
  title
  current
  recordedDate
  provenance {
    organisationName
    lastUpdated
  }
}
    `, {"fragmentName":"NoCurrentMedicationsParts"}) as unknown as TypedDocumentString<NoCurrentMedicationsPartsFragment, unknown>;
export const ProblemPartsFragmentDoc = new TypedDocumentString(`
    fragment ProblemParts on Problem {
  id
  code {
    display
    text
  }
  clinicalStatus
  verificationStatus
  current
  onsetDate
  recordedDate
  abatement {
    start
    age
    text
  }
  provenance {
    organisationName
    lastUpdated
  }
}
    `, {"fragmentName":"ProblemParts"}) as unknown as TypedDocumentString<ProblemPartsFragment, unknown>;
export const MedicationPartsFragmentDoc = new TypedDocumentString(`
    fragment MedicationParts on Medication {
  id
  kind
  medication {
    display
    text
  }
  dosage
  status
  current
  startDate
  endDate
  sameMedicineAs
  courseDisagreement
  provenance {
    organisationName
    lastUpdated
  }
}
    `, {"fragmentName":"MedicationParts"}) as unknown as TypedDocumentString<MedicationPartsFragment, unknown>;
export const ProcedurePartsFragmentDoc = new TypedDocumentString(`
    fragment ProcedureParts on Procedure {
  id
  code {
    display
    text
  }
  status
  current
  statusReason {
    display
  }
  performedDate
  location
  bodySite {
    display
  }
  provenance {
    organisationName
    lastUpdated
  }
}
    `, {"fragmentName":"ProcedureParts"}) as unknown as TypedDocumentString<ProcedurePartsFragment, unknown>;
export const ResultPartsFragmentDoc = new TypedDocumentString(`
    fragment ResultParts on TestResult {
  id
  code {
    display
    text
  }
  reportName
  value
  unit
  referenceRange
  abnormal
  status
  current
  category
  effectiveDate
  issued
  codeIsFinding
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
    lastUpdated
  }
}
    `, {"fragmentName":"ResultParts"}) as unknown as TypedDocumentString<ResultPartsFragment, unknown>;
export const ImmunisationPartsFragmentDoc = new TypedDocumentString(`
    fragment ImmunisationParts on Immunisation {
  id
  vaccine {
    display
    text
  }
  date
  occurrence {
    start
    text
  }
  status
  statusReason {
    display
    text
  }
  doseNumber
  provenance {
    organisationName
    lastUpdated
  }
}
    `, {"fragmentName":"ImmunisationParts"}) as unknown as TypedDocumentString<ImmunisationPartsFragment, unknown>;
export const ReferralPartsFragmentDoc = new TypedDocumentString(`
    fragment ReferralParts on Referral {
  id
  code {
    display
    text
  }
  status
  current
  intent
  priority
  authoredOn
  requester
  performers
  provenance {
    organisationName
    lastUpdated
  }
}
    `, {"fragmentName":"ReferralParts"}) as unknown as TypedDocumentString<ReferralPartsFragment, unknown>;
export const CarePlanPartsFragmentDoc = new TypedDocumentString(`
    fragment CarePlanParts on CarePlan {
  id
  title
  description
  status
  current
  start
  end
  author
  provenance {
    organisationName
    lastUpdated
  }
}
    `, {"fragmentName":"CarePlanParts"}) as unknown as TypedDocumentString<CarePlanPartsFragment, unknown>;
export const AlertPartsFragmentDoc = new TypedDocumentString(`
    fragment AlertParts on Alert {
  id
  code {
    display
    text
  }
  description
  status
  current
  start
  end
  author
  provenance {
    organisationName
    lastUpdated
  }
}
    `, {"fragmentName":"AlertParts"}) as unknown as TypedDocumentString<AlertPartsFragment, unknown>;
export const MedicalDevicePartsFragmentDoc = new TypedDocumentString(`
    fragment MedicalDeviceParts on MedicalDevice {
  id
  device {
    display
    text
  }
  deviceName
  status
  current
  timing {
    start
    end
  }
  timingText
  recordedOn
  provenance {
    organisationName
    lastUpdated
  }
}
    `, {"fragmentName":"MedicalDeviceParts"}) as unknown as TypedDocumentString<MedicalDevicePartsFragment, unknown>;
export const AdvanceDecisionPartsFragmentDoc = new TypedDocumentString(`
    fragment AdvanceDecisionParts on AdvanceDecision {
  id
  status
  current
  scope {
    display
    text
  }
  category {
    display
    text
  }
  dateTime
  provisionType
  provisionCodes {
    display
    text
  }
  provenance {
    organisationName
    lastUpdated
  }
}
    `, {"fragmentName":"AdvanceDecisionParts"}) as unknown as TypedDocumentString<AdvanceDecisionPartsFragment, unknown>;
export const AdministrationPartsFragmentDoc = new TypedDocumentString(`
    fragment AdministrationParts on MedicationAdministration {
  id
  medication {
    display
    text
  }
  status
  given
  notGiven
  statusReasons {
    display
    text
  }
  effective
  effectiveEnd
  dosage {
    text
    dose {
      value
      unit
    }
    route {
      display
      text
    }
    rate
  }
  performers {
    actor
  }
  provenance {
    organisationName
    lastUpdated
  }
}
    `, {"fragmentName":"AdministrationParts"}) as unknown as TypedDocumentString<AdministrationPartsFragment, unknown>;
export const AppointmentPartsFragmentDoc = new TypedDocumentString(`
    fragment AppointmentParts on OutpatientAppointment {
  id
  status
  current
  start
  end
  specialty {
    display
    text
  }
  serviceTypes {
    display
    text
  }
  appointmentType {
    display
    text
  }
  cancellationReason {
    display
    text
  }
  clinic
  site
  clinician
  description
  provenance {
    organisationName
    lastUpdated
  }
}
    `, {"fragmentName":"AppointmentParts"}) as unknown as TypedDocumentString<AppointmentPartsFragment, unknown>;
export const DocumentPartsFragmentDoc = new TypedDocumentString(`
    fragment DocumentParts on DischargeSummary {
  id
  title
  type {
    display
    text
  }
  date
  status
  current
  summary
  author
  custodian
  attachments {
    title
    contentType
    url
    inline
  }
  provenance {
    organisationName
    lastUpdated
  }
}
    `, {"fragmentName":"DocumentParts"}) as unknown as TypedDocumentString<DocumentPartsFragment, unknown>;
export const NextOfKinPartsFragmentDoc = new TypedDocumentString(`
    fragment NextOfKinParts on Carer {
  id
  name
  relationships {
    display
    text
  }
  phone
  current: active
  provenance {
    organisationName
  }
}
    `, {"fragmentName":"NextOfKinParts"}) as unknown as TypedDocumentString<NextOfKinPartsFragment, unknown>;
export const DispensePartsFragmentDoc = new TypedDocumentString(`
    fragment DispenseParts on MedicationDispense {
  id
  medication {
    display
  }
  status
  supplied
  current
  statusReason {
    display
  }
  quantity {
    value
    unit
  }
  whenPrepared
  whenHandedOver
  dosageInstructions {
    text
    dose
    timing
  }
  provenance {
    organisationName
  }
}
    `, {"fragmentName":"DispenseParts"}) as unknown as TypedDocumentString<DispensePartsFragment, unknown>;
export const ReportPartsFragmentDoc = new TypedDocumentString(`
    fragment ReportParts on TestReport {
  id
  name
  status
  current
  issued
  effectiveDate
  conclusion
  performer
  resultIds
  results {
    id
    code {
      display
      text
    }
    value
    unit
    abnormal
    interpretation {
      code
      display
    }
    codeIsFinding
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
  }
  provenance {
    organisationName
    lastUpdated
  }
}
    `, {"fragmentName":"ReportParts"}) as unknown as TypedDocumentString<ReportPartsFragment, unknown>;
export const ConsoleUserFragmentDoc = new TypedDocumentString(`
    fragment ConsoleUser on AuditUser {
  id
  name
  odsCode
  organisationName
  jobRole
  roleName
  profile
  profileName
}
    `, {"fragmentName":"ConsoleUser"}) as unknown as TypedDocumentString<ConsoleUserFragment, unknown>;
export const ConsoleBreakGlassRowFragmentDoc = new TypedDocumentString(`
    fragment ConsoleBreakGlassRow on BreakGlassReviewItem {
  breakGlassId
  nhsNumber
  reason
  detail
  declaredAt
  expiresAt
  firstAccess
  lastAccess
  accesses
  categories
  categoryNames
  panelNames
  user {
    ...ConsoleUser
  }
  latestReview {
    outcome
    note
    reviewedAt
    reviewedBy {
      id
      name
    }
  }
}
    fragment ConsoleUser on AuditUser {
  id
  name
  odsCode
  organisationName
  jobRole
  roleName
  profile
  profileName
}`, {"fragmentName":"ConsoleBreakGlassRow"}) as unknown as TypedDocumentString<ConsoleBreakGlassRowFragment, unknown>;
export const ConsoleLinkReportFragmentDoc = new TypedDocumentString(`
    fragment ConsoleLinkReport on StaffPatientAccessReport {
  title
  lookedFor
  from
  to
  truncated
  rows {
    nhsNumber
    relation
    firstAccess
    lastAccess
    accesses
    categories
    categoryNames
    panelNames
    breakGlass
    denied
    user {
      ...ConsoleUser
    }
  }
}
    fragment ConsoleUser on AuditUser {
  id
  name
  odsCode
  organisationName
  jobRole
  roleName
  profile
  profileName
}`, {"fragmentName":"ConsoleLinkReport"}) as unknown as TypedDocumentString<ConsoleLinkReportFragment, unknown>;
export const ConsoleVerificationFragmentDoc = new TypedDocumentString(`
    fragment ConsoleVerification on AuditVerification {
  startedAt
  finishedAt
  by
  ok
  chains
  events
  anchoredAt
  anchoredChains
  anchorProblem
  breaks {
    chainId
    seq
    eventId
    problem
  }
}
    `, {"fragmentName":"ConsoleVerification"}) as unknown as TypedDocumentString<ConsoleVerificationFragment, unknown>;
export const ConsoleVerificationJobFragmentDoc = new TypedDocumentString(`
    fragment ConsoleVerificationJob on AuditVerificationJob {
  id
  state
  full
  by
  startedAt
  finishedAt
  eventsChecked
  events
  chainsChecked
  chains
  error
  result {
    ...ConsoleVerification
  }
}
    fragment ConsoleVerification on AuditVerification {
  startedAt
  finishedAt
  by
  ok
  chains
  events
  anchoredAt
  anchoredChains
  anchorProblem
  breaks {
    chainId
    seq
    eventId
    problem
  }
}`, {"fragmentName":"ConsoleVerificationJob"}) as unknown as TypedDocumentString<ConsoleVerificationJobFragment, unknown>;
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
export const AdvanceDecisionsDocument = new TypedDocumentString(`
    query AdvanceDecisions($nhsNumber: String!) {
  patient(nhsNumber: $nhsNumber) {
    nhsNumber
    breakGlass {
      reason
      expiresAt
    }
    advanceDecisions {
      ...AdvanceDecisionParts
      source
      performers
    }
    hospitalAdvanceDecisions {
      ...AdvanceDecisionParts
      source
      performers
    }
    mentalHealthAdvanceDecisions {
      ...AdvanceDecisionParts
      source
      performers
    }
    communityAdvanceDecisions {
      ...AdvanceDecisionParts
      source
      performers
    }
    socialCareAdvanceDecisions {
      ...AdvanceDecisionParts
      source
      performers
    }
    gpSource {
      organisationNames
      lastUpdated
      readAt
    }
    acuteSource {
      organisationNames
      lastUpdated
      readAt
    }
    mentalHealthSource {
      organisationNames
      lastUpdated
      readAt
    }
    communitySource {
      organisationNames
      lastUpdated
      readAt
    }
    socialCareSource {
      organisationNames
      lastUpdated
      readAt
    }
  }
}
    fragment AdvanceDecisionParts on AdvanceDecision {
  id
  status
  current
  scope {
    display
    text
  }
  category {
    display
    text
  }
  dateTime
  provisionType
  provisionCodes {
    display
    text
  }
  provenance {
    organisationName
    lastUpdated
  }
}`) as unknown as TypedDocumentString<AdvanceDecisionsQuery, AdvanceDecisionsQueryVariables>;
export const AlertsDocument = new TypedDocumentString(`
    query Alerts($nhsNumber: String!) {
  patient(nhsNumber: $nhsNumber) {
    nhsNumber
    breakGlass {
      reason
      expiresAt
    }
    alerts {
      ...AlertParts
    }
    gpSafeguardingAlerts {
      ...AlertParts
    }
    gpRiskAlerts {
      ...AlertParts
    }
    hospitalAlerts {
      ...AlertParts
    }
    hospitalSafeguardingAlerts {
      ...AlertParts
    }
    hospitalRiskAlerts {
      ...AlertParts
    }
    communityAlerts {
      ...AlertParts
    }
    communitySafeguardingAlerts {
      ...AlertParts
    }
    communityRiskAlerts {
      ...AlertParts
    }
    gpSource {
      organisationNames
      lastUpdated
      readAt
    }
    acuteSource {
      organisationNames
      lastUpdated
      readAt
    }
    communitySource {
      organisationNames
      lastUpdated
      readAt
    }
  }
}
    fragment AlertParts on Alert {
  id
  code {
    display
    text
  }
  description
  status
  current
  start
  end
  author
  provenance {
    organisationName
    lastUpdated
  }
}`) as unknown as TypedDocumentString<AlertsQuery, AlertsQueryVariables>;
export const AllergiesDocument = new TypedDocumentString(`
    query Allergies($nhsNumber: String!) {
  patient(nhsNumber: $nhsNumber) {
    nhsNumber
    breakGlass {
      reason
      expiresAt
    }
    allergies {
      ...AllergyParts
    }
    noKnownAllergies {
      ...NoKnownAllergiesParts
    }
    hospitalAllergies {
      ...AllergyParts
    }
    hospitalNoKnownAllergies {
      ...NoKnownAllergiesParts
    }
    mentalHealthAllergies {
      ...AllergyParts
    }
    mentalHealthNoKnownAllergies {
      ...NoKnownAllergiesParts
    }
    communityAllergies {
      ...AllergyParts
    }
    communityNoKnownAllergies {
      ...NoKnownAllergiesParts
    }
    socialCareAllergies {
      ...AllergyParts
    }
    socialCareNoKnownAllergies {
      ...NoKnownAllergiesParts
    }
    gpSource {
      organisationNames
      lastUpdated
      readAt
    }
    acuteSource {
      organisationNames
      lastUpdated
      readAt
    }
    mentalHealthSource {
      organisationNames
      lastUpdated
      readAt
    }
    communitySource {
      organisationNames
      lastUpdated
      readAt
    }
    socialCareSource {
      organisationNames
      lastUpdated
      readAt
    }
  }
}
    fragment AllergyParts on Allergy {
  id
  code {
    display
    text
  }
  clinicalStatus
  verificationStatus
  current
  reaction
  criticality
  recordedDate
  provenance {
    organisationName
    lastUpdated
  }
}
fragment NoKnownAllergiesParts on NoKnownAllergies {
  id
  code {
    display
    text
  }
  scope
  current
  clinicalStatus
  verificationStatus
  recordedDate
  provenance {
    organisationName
    lastUpdated
  }
}`) as unknown as TypedDocumentString<AllergiesQuery, AllergiesQueryVariables>;
export const CombinedAlertsDocument = new TypedDocumentString(`
    query CombinedAlerts($nhsNumber: String!) {
  patient(nhsNumber: $nhsNumber) {
    nhsNumber
    breakGlass {
      reason
      expiresAt
    }
    combinedAlerts {
      items {
        id
        code {
          display
          text
        }
        current
        disagreement
        sources {
          ...AlertParts
        }
      }
      notRead {
        ...NotReadParts
      }
    }
    combinedSafeguardingAlerts {
      items {
        id
        code {
          display
          text
        }
        current
        disagreement
        sources {
          ...AlertParts
        }
      }
      notRead {
        ...NotReadParts
      }
    }
    combinedRiskAlerts {
      items {
        id
        code {
          display
          text
        }
        current
        disagreement
        sources {
          ...AlertParts
        }
      }
      notRead {
        ...NotReadParts
      }
    }
    gpSource {
      organisationNames
      lastUpdated
      readAt
    }
    acuteSource {
      organisationNames
      lastUpdated
      readAt
    }
    mentalHealthSource {
      organisationNames
      lastUpdated
      readAt
    }
    communitySource {
      organisationNames
      lastUpdated
      readAt
    }
    socialCareSource {
      organisationNames
      lastUpdated
      readAt
    }
  }
}
    fragment NotReadParts on SourceNotRead {
  source
  field
  reason
}
fragment AlertParts on Alert {
  id
  code {
    display
    text
  }
  description
  status
  current
  start
  end
  author
  provenance {
    organisationName
    lastUpdated
  }
}`) as unknown as TypedDocumentString<CombinedAlertsQuery, CombinedAlertsQueryVariables>;
export const CombinedAllergiesDocument = new TypedDocumentString(`
    query CombinedAllergies($nhsNumber: String!) {
  patient(nhsNumber: $nhsNumber) {
    nhsNumber
    breakGlass {
      reason
      expiresAt
    }
    combinedAllergies {
      items {
        id
        code {
          display
          text
        }
        current
        criticality
        disagreement
        sources {
          ...AllergyParts
        }
      }
      noKnownAllergies {
        ...NoKnownAllergiesParts
      }
      conflicts
      notRead {
        ...NotReadParts
      }
    }
    gpSource {
      organisationNames
      lastUpdated
      readAt
    }
    acuteSource {
      organisationNames
      lastUpdated
      readAt
    }
    mentalHealthSource {
      organisationNames
      lastUpdated
      readAt
    }
    communitySource {
      organisationNames
      lastUpdated
      readAt
    }
    socialCareSource {
      organisationNames
      lastUpdated
      readAt
    }
  }
}
    fragment NotReadParts on SourceNotRead {
  source
  field
  reason
}
fragment AllergyParts on Allergy {
  id
  code {
    display
    text
  }
  clinicalStatus
  verificationStatus
  current
  reaction
  criticality
  recordedDate
  provenance {
    organisationName
    lastUpdated
  }
}
fragment NoKnownAllergiesParts on NoKnownAllergies {
  id
  code {
    display
    text
  }
  scope
  current
  clinicalStatus
  verificationStatus
  recordedDate
  provenance {
    organisationName
    lastUpdated
  }
}`) as unknown as TypedDocumentString<CombinedAllergiesQuery, CombinedAllergiesQueryVariables>;
export const CombinedAppointmentsDocument = new TypedDocumentString(`
    query CombinedAppointments($nhsNumber: String!) {
  patient(nhsNumber: $nhsNumber) {
    nhsNumber
    breakGlass {
      reason
      expiresAt
    }
    combinedAppointments {
      items {
        id
        start
        current
        sources {
          ...AppointmentParts
        }
      }
      notRead {
        ...NotReadParts
      }
    }
    gpSource {
      organisationNames
      lastUpdated
      readAt
    }
    acuteSource {
      organisationNames
      lastUpdated
      readAt
    }
    mentalHealthSource {
      organisationNames
      lastUpdated
      readAt
    }
    communitySource {
      organisationNames
      lastUpdated
      readAt
    }
    socialCareSource {
      organisationNames
      lastUpdated
      readAt
    }
  }
}
    fragment NotReadParts on SourceNotRead {
  source
  field
  reason
}
fragment AppointmentParts on OutpatientAppointment {
  id
  status
  current
  start
  end
  specialty {
    display
    text
  }
  serviceTypes {
    display
    text
  }
  appointmentType {
    display
    text
  }
  cancellationReason {
    display
    text
  }
  clinic
  site
  clinician
  description
  provenance {
    organisationName
    lastUpdated
  }
}`) as unknown as TypedDocumentString<CombinedAppointmentsQuery, CombinedAppointmentsQueryVariables>;
export const CombinedCarePlansDocument = new TypedDocumentString(`
    query CombinedCarePlans($nhsNumber: String!) {
  patient(nhsNumber: $nhsNumber) {
    nhsNumber
    breakGlass {
      reason
      expiresAt
    }
    combinedCarePlans {
      items {
        id
        title
        current
        disagreement
        sources {
          ...CarePlanParts
        }
      }
      notRead {
        ...NotReadParts
      }
    }
    gpSource {
      organisationNames
      lastUpdated
      readAt
    }
    acuteSource {
      organisationNames
      lastUpdated
      readAt
    }
    mentalHealthSource {
      organisationNames
      lastUpdated
      readAt
    }
    communitySource {
      organisationNames
      lastUpdated
      readAt
    }
  }
}
    fragment NotReadParts on SourceNotRead {
  source
  field
  reason
}
fragment CarePlanParts on CarePlan {
  id
  title
  description
  status
  current
  start
  end
  author
  provenance {
    organisationName
    lastUpdated
  }
}`) as unknown as TypedDocumentString<CombinedCarePlansQuery, CombinedCarePlansQueryVariables>;
export const CombinedDocumentsDocument = new TypedDocumentString(`
    query CombinedDocuments($nhsNumber: String!) {
  patient(nhsNumber: $nhsNumber) {
    nhsNumber
    breakGlass {
      reason
      expiresAt
    }
    combinedDocuments {
      items {
        id
        title
        current
        sources {
          ...DocumentParts
        }
      }
      notRead {
        ...NotReadParts
      }
    }
    gpSource {
      organisationNames
      lastUpdated
      readAt
    }
    acuteSource {
      organisationNames
      lastUpdated
      readAt
    }
    mentalHealthSource {
      organisationNames
      lastUpdated
      readAt
    }
    communitySource {
      organisationNames
      lastUpdated
      readAt
    }
    socialCareSource {
      organisationNames
      lastUpdated
      readAt
    }
  }
}
    fragment NotReadParts on SourceNotRead {
  source
  field
  reason
}
fragment DocumentParts on DischargeSummary {
  id
  title
  type {
    display
    text
  }
  date
  status
  current
  summary
  author
  custodian
  attachments {
    title
    contentType
    url
    inline
  }
  provenance {
    organisationName
    lastUpdated
  }
}`) as unknown as TypedDocumentString<CombinedDocumentsQuery, CombinedDocumentsQueryVariables>;
export const CombinedEncountersDocument = new TypedDocumentString(`
    query CombinedEncounters($nhsNumber: String!) {
  patient(nhsNumber: $nhsNumber) {
    nhsNumber
    breakGlass {
      reason
      expiresAt
    }
    combinedEncounters {
      items {
        id
        kind
        description
        status
        current
        start
        end
        place
        clinician
        reasons {
          display
          text
        }
        provenance {
          organisationName
          lastUpdated
        }
      }
      notRead {
        ...NotReadParts
      }
    }
    gpSource {
      organisationNames
      lastUpdated
      readAt
    }
    acuteSource {
      organisationNames
      lastUpdated
      readAt
    }
    mentalHealthSource {
      organisationNames
      lastUpdated
      readAt
    }
    communitySource {
      organisationNames
      lastUpdated
      readAt
    }
    socialCareSource {
      organisationNames
      lastUpdated
      readAt
    }
  }
}
    fragment NotReadParts on SourceNotRead {
  source
  field
  reason
}`) as unknown as TypedDocumentString<CombinedEncountersQuery, CombinedEncountersQueryVariables>;
export const CombinedFamilyHistoryDocument = new TypedDocumentString(`
    query CombinedFamilyHistory($nhsNumber: String!) {
  patient(nhsNumber: $nhsNumber) {
    nhsNumber
    breakGlass {
      reason
      expiresAt
    }
    combinedFamilyHistory {
      items {
        id
        relationship {
          display
          text
        }
        current
        disagreement
        sources {
          id
          relationship {
            display
            text
          }
          name
          status
          deceased
          conditions {
            code {
              display
              text
            }
            outcome {
              display
              text
            }
            contributedToDeath
            onset {
              start
              age
              text
            }
          }
          recordedDate
          provenance {
            organisationName
            lastUpdated
          }
        }
      }
      notRead {
        ...NotReadParts
      }
    }
    combinedMedicalDevices {
      items {
        id
        device {
          display
          text
        }
        current
        disagreement
        sources {
          ...MedicalDeviceParts
        }
      }
      notRead {
        ...NotReadParts
      }
    }
    combinedAdvanceDirectives {
      items {
        id
        scope {
          display
          text
        }
        current
        disagreement
        sources {
          ...AdvanceDecisionParts
        }
      }
      notRead {
        ...NotReadParts
      }
    }
    gpSource {
      organisationNames
      lastUpdated
      readAt
    }
    acuteSource {
      organisationNames
      lastUpdated
      readAt
    }
    mentalHealthSource {
      organisationNames
      lastUpdated
      readAt
    }
    communitySource {
      organisationNames
      lastUpdated
      readAt
    }
    socialCareSource {
      organisationNames
      lastUpdated
      readAt
    }
  }
}
    fragment NotReadParts on SourceNotRead {
  source
  field
  reason
}
fragment MedicalDeviceParts on MedicalDevice {
  id
  device {
    display
    text
  }
  deviceName
  status
  current
  timing {
    start
    end
  }
  timingText
  recordedOn
  provenance {
    organisationName
    lastUpdated
  }
}
fragment AdvanceDecisionParts on AdvanceDecision {
  id
  status
  current
  scope {
    display
    text
  }
  category {
    display
    text
  }
  dateTime
  provisionType
  provisionCodes {
    display
    text
  }
  provenance {
    organisationName
    lastUpdated
  }
}`) as unknown as TypedDocumentString<CombinedFamilyHistoryQuery, CombinedFamilyHistoryQueryVariables>;
export const CombinedImmunisationsDocument = new TypedDocumentString(`
    query CombinedImmunisations($nhsNumber: String!) {
  patient(nhsNumber: $nhsNumber) {
    nhsNumber
    breakGlass {
      reason
      expiresAt
    }
    combinedImmunisations {
      items {
        id
        vaccine {
          display
          text
        }
        current
        disagreement
        sources {
          ...ImmunisationParts
        }
      }
      notRead {
        ...NotReadParts
      }
    }
    gpSource {
      organisationNames
      lastUpdated
      readAt
    }
    acuteSource {
      organisationNames
      lastUpdated
      readAt
    }
    mentalHealthSource {
      organisationNames
      lastUpdated
      readAt
    }
    communitySource {
      organisationNames
      lastUpdated
      readAt
    }
    socialCareSource {
      organisationNames
      lastUpdated
      readAt
    }
  }
}
    fragment NotReadParts on SourceNotRead {
  source
  field
  reason
}
fragment ImmunisationParts on Immunisation {
  id
  vaccine {
    display
    text
  }
  date
  occurrence {
    start
    text
  }
  status
  statusReason {
    display
    text
  }
  doseNumber
  provenance {
    organisationName
    lastUpdated
  }
}`) as unknown as TypedDocumentString<CombinedImmunisationsQuery, CombinedImmunisationsQueryVariables>;
export const CombinedMedicationAdministrationsDocument = new TypedDocumentString(`
    query CombinedMedicationAdministrations($nhsNumber: String!) {
  patient(nhsNumber: $nhsNumber) {
    nhsNumber
    breakGlass {
      reason
      expiresAt
    }
    combinedMedicationAdministrations {
      items {
        id
        medication {
          display
          text
        }
        current
        sources {
          ...AdministrationParts
        }
      }
      notRead {
        ...NotReadParts
      }
    }
    gpSource {
      organisationNames
      lastUpdated
      readAt
    }
    acuteSource {
      organisationNames
      lastUpdated
      readAt
    }
    mentalHealthSource {
      organisationNames
      lastUpdated
      readAt
    }
    communitySource {
      organisationNames
      lastUpdated
      readAt
    }
    socialCareSource {
      organisationNames
      lastUpdated
      readAt
    }
  }
}
    fragment NotReadParts on SourceNotRead {
  source
  field
  reason
}
fragment AdministrationParts on MedicationAdministration {
  id
  medication {
    display
    text
  }
  status
  given
  notGiven
  statusReasons {
    display
    text
  }
  effective
  effectiveEnd
  dosage {
    text
    dose {
      value
      unit
    }
    route {
      display
      text
    }
    rate
  }
  performers {
    actor
  }
  provenance {
    organisationName
    lastUpdated
  }
}`) as unknown as TypedDocumentString<CombinedMedicationAdministrationsQuery, CombinedMedicationAdministrationsQueryVariables>;
export const CombinedMedicationsDocument = new TypedDocumentString(`
    query CombinedMedications($nhsNumber: String!) {
  patient(nhsNumber: $nhsNumber) {
    nhsNumber
    breakGlass {
      reason
      expiresAt
    }
    combinedMedications {
      items {
        id
        medication {
          display
          text
        }
        current
        disagreement
        sources {
          ...MedicationParts
        }
      }
      noCurrentMedications {
        ...NoCurrentMedicationsParts
      }
      conflicts
      notRead {
        ...NotReadParts
      }
    }
    gpSource {
      organisationNames
      lastUpdated
      readAt
    }
    acuteSource {
      organisationNames
      lastUpdated
      readAt
    }
    mentalHealthSource {
      organisationNames
      lastUpdated
      readAt
    }
    communitySource {
      organisationNames
      lastUpdated
      readAt
    }
    socialCareSource {
      organisationNames
      lastUpdated
      readAt
    }
  }
}
    fragment NotReadParts on SourceNotRead {
  source
  field
  reason
}
fragment NoCurrentMedicationsParts on NoCurrentMedications {
  id
  list {
    display
    text
  }
  title
  current
  recordedDate
  provenance {
    organisationName
    lastUpdated
  }
}
fragment MedicationParts on Medication {
  id
  kind
  medication {
    display
    text
  }
  dosage
  status
  current
  startDate
  endDate
  sameMedicineAs
  courseDisagreement
  provenance {
    organisationName
    lastUpdated
  }
}`) as unknown as TypedDocumentString<CombinedMedicationsQuery, CombinedMedicationsQueryVariables>;
export const CombinedProblemsDocument = new TypedDocumentString(`
    query CombinedProblems($nhsNumber: String!) {
  patient(nhsNumber: $nhsNumber) {
    nhsNumber
    breakGlass {
      reason
      expiresAt
    }
    combinedProblems {
      items {
        id
        code {
          display
          text
        }
        current
        disagreement
        sources {
          ...ProblemParts
        }
      }
      noKnownProblems {
        ...NoKnownProblemsParts
      }
      conflicts
      notRead {
        ...NotReadParts
      }
    }
    gpSource {
      organisationNames
      lastUpdated
      readAt
    }
    acuteSource {
      organisationNames
      lastUpdated
      readAt
    }
    mentalHealthSource {
      organisationNames
      lastUpdated
      readAt
    }
    communitySource {
      organisationNames
      lastUpdated
      readAt
    }
    socialCareSource {
      organisationNames
      lastUpdated
      readAt
    }
  }
}
    fragment NotReadParts on SourceNotRead {
  source
  field
  reason
}
fragment NoKnownProblemsParts on NoKnownProblems {
  id
  list {
    display
    text
  }
  title
  current
  recordedDate
  provenance {
    organisationName
    lastUpdated
  }
}
fragment ProblemParts on Problem {
  id
  code {
    display
    text
  }
  clinicalStatus
  verificationStatus
  current
  onsetDate
  recordedDate
  abatement {
    start
    age
    text
  }
  provenance {
    organisationName
    lastUpdated
  }
}`) as unknown as TypedDocumentString<CombinedProblemsQuery, CombinedProblemsQueryVariables>;
export const CombinedProceduresDocument = new TypedDocumentString(`
    query CombinedProcedures($nhsNumber: String!) {
  patient(nhsNumber: $nhsNumber) {
    nhsNumber
    breakGlass {
      reason
      expiresAt
    }
    combinedProcedures {
      items {
        id
        code {
          display
          text
        }
        current
        disagreement
        sources {
          ...ProcedureParts
        }
      }
      notRead {
        ...NotReadParts
      }
    }
    gpSource {
      organisationNames
      lastUpdated
      readAt
    }
    acuteSource {
      organisationNames
      lastUpdated
      readAt
    }
    mentalHealthSource {
      organisationNames
      lastUpdated
      readAt
    }
    communitySource {
      organisationNames
      lastUpdated
      readAt
    }
  }
}
    fragment NotReadParts on SourceNotRead {
  source
  field
  reason
}
fragment ProcedureParts on Procedure {
  id
  code {
    display
    text
  }
  status
  current
  statusReason {
    display
  }
  performedDate
  location
  bodySite {
    display
  }
  provenance {
    organisationName
    lastUpdated
  }
}`) as unknown as TypedDocumentString<CombinedProceduresQuery, CombinedProceduresQueryVariables>;
export const CombinedReferralsDocument = new TypedDocumentString(`
    query CombinedReferrals($nhsNumber: String!) {
  patient(nhsNumber: $nhsNumber) {
    nhsNumber
    breakGlass {
      reason
      expiresAt
    }
    combinedReferrals {
      items {
        id
        code {
          display
          text
        }
        current
        disagreement
        sources {
          ...ReferralParts
        }
      }
      notRead {
        ...NotReadParts
      }
    }
    gpSource {
      organisationNames
      lastUpdated
      readAt
    }
    acuteSource {
      organisationNames
      lastUpdated
      readAt
    }
    mentalHealthSource {
      organisationNames
      lastUpdated
      readAt
    }
    communitySource {
      organisationNames
      lastUpdated
      readAt
    }
  }
}
    fragment NotReadParts on SourceNotRead {
  source
  field
  reason
}
fragment ReferralParts on Referral {
  id
  code {
    display
    text
  }
  status
  current
  intent
  priority
  authoredOn
  requester
  performers
  provenance {
    organisationName
    lastUpdated
  }
}`) as unknown as TypedDocumentString<CombinedReferralsQuery, CombinedReferralsQueryVariables>;
export const CombinedResultsDocument = new TypedDocumentString(`
    query CombinedResults($nhsNumber: String!) {
  patient(nhsNumber: $nhsNumber) {
    nhsNumber
    breakGlass {
      reason
      expiresAt
    }
    combinedResults {
      items {
        id
        code {
          display
          text
        }
        current
        disagreement
        sources {
          id
          code {
            display
            text
            coding {
              system
              code
              display
            }
          }
          value
          unit
          status
          current
          category
          effectiveDate
          issued
          codeIsFinding
          referenceRange
          abnormal
          interpretation {
            code
            display
          }
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
            lastUpdated
          }
        }
      }
      notRead {
        ...NotReadParts
      }
    }
    gpSource {
      organisationNames
      lastUpdated
      readAt
    }
    acuteSource {
      organisationNames
      lastUpdated
      readAt
    }
    mentalHealthSource {
      organisationNames
      lastUpdated
      readAt
    }
    communitySource {
      organisationNames
      lastUpdated
      readAt
    }
    socialCareSource {
      organisationNames
      lastUpdated
      readAt
    }
  }
}
    fragment NotReadParts on SourceNotRead {
  source
  field
  reason
}`) as unknown as TypedDocumentString<CombinedResultsQuery, CombinedResultsQueryVariables>;
export const CombinedSocialHistoryDocument = new TypedDocumentString(`
    query CombinedSocialHistory($nhsNumber: String!) {
  patient(nhsNumber: $nhsNumber) {
    nhsNumber
    breakGlass {
      reason
      expiresAt
    }
    combinedSocialHistory {
      items {
        id
        code {
          display
          text
        }
        current
        disagreement
        sources {
          id
          code {
            display
            text
            coding {
              system
              code
              display
            }
          }
          value
          unit
          status
          current
          category
          effectiveDate
          issued
          codeIsFinding
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
            lastUpdated
          }
        }
      }
      notRead {
        ...NotReadParts
      }
    }
    gpSource {
      organisationNames
      lastUpdated
      readAt
    }
    acuteSource {
      organisationNames
      lastUpdated
      readAt
    }
    mentalHealthSource {
      organisationNames
      lastUpdated
      readAt
    }
    communitySource {
      organisationNames
      lastUpdated
      readAt
    }
    socialCareSource {
      organisationNames
      lastUpdated
      readAt
    }
  }
}
    fragment NotReadParts on SourceNotRead {
  source
  field
  reason
}`) as unknown as TypedDocumentString<CombinedSocialHistoryQuery, CombinedSocialHistoryQueryVariables>;
export const CombinedTestReportsDocument = new TypedDocumentString(`
    query CombinedTestReports($nhsNumber: String!) {
  patient(nhsNumber: $nhsNumber) {
    nhsNumber
    breakGlass {
      reason
      expiresAt
    }
    combinedTestReports {
      items {
        id
        name
        current
        disagreement
        sources {
          id
          code {
            display
            text
            coding {
              system
              code
              display
            }
          }
          name
          status
          current
          effectiveDate
          issued
          conclusion
          performer
          resultIds
          results {
            id
            code {
              display
              text
            }
            value
            unit
            abnormal
            interpretation {
              code
              display
            }
            codeIsFinding
            dataAbsentReason {
              display
              text
            }
            components {
              value {
                text
              }
            }
          }
          provenance {
            organisationName
            lastUpdated
          }
        }
      }
      notRead {
        ...NotReadParts
      }
    }
    gpSource {
      organisationNames
      lastUpdated
      readAt
    }
    acuteSource {
      organisationNames
      lastUpdated
      readAt
    }
  }
}
    fragment NotReadParts on SourceNotRead {
  source
  field
  reason
}`) as unknown as TypedDocumentString<CombinedTestReportsQuery, CombinedTestReportsQueryVariables>;
export const CombinedVitalSignsDocument = new TypedDocumentString(`
    query CombinedVitalSigns($nhsNumber: String!) {
  patient(nhsNumber: $nhsNumber) {
    nhsNumber
    breakGlass {
      reason
      expiresAt
    }
    combinedVitalSigns {
      items {
        id
        code {
          display
          text
        }
        current
        disagreement
        sources {
          id
          code {
            display
            text
            coding {
              system
              code
              display
            }
          }
          value
          unit
          status
          current
          category
          effectiveDate
          issued
          codeIsFinding
          referenceRange
          abnormal
          interpretation {
            code
            display
          }
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
            lastUpdated
          }
        }
      }
      notRead {
        ...NotReadParts
      }
    }
    gpSource {
      organisationNames
      lastUpdated
      readAt
    }
    acuteSource {
      organisationNames
      lastUpdated
      readAt
    }
    mentalHealthSource {
      organisationNames
      lastUpdated
      readAt
    }
    communitySource {
      organisationNames
      lastUpdated
      readAt
    }
    socialCareSource {
      organisationNames
      lastUpdated
      readAt
    }
  }
}
    fragment NotReadParts on SourceNotRead {
  source
  field
  reason
}`) as unknown as TypedDocumentString<CombinedVitalSignsQuery, CombinedVitalSignsQueryVariables>;
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
      current
      start
      end
      team
      teams
      leadClinician
      referralReason
      diagnoses {
        condition {
          display
          text
        }
        rank
      }
      referrals {
        description
        requester
        authoredOn
      }
      provenance {
        organisationName
      }
    }
    communityVisits {
      id
      date
      end
      status
      current
      setting
      description
      clinician
      location
      reasons {
        display
        text
      }
      provenance {
        organisationName
      }
    }
    communityCarePlans {
      id
      title
      categories {
        text
        display
      }
      status
      current
      description
      start
      end
      author
      activities {
        description
        status
        scheduled
      }
      provenance {
        organisationName
      }
    }
    communitySource {
      organisationNames
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
    restricted
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
    gpRelatedPeople {
      ...NextOfKinParts
    }
    hospitalRelatedPeople {
      ...NextOfKinParts
    }
    mentalHealthRelatedPeople {
      ...NextOfKinParts
    }
    communityRelatedPeople {
      ...NextOfKinParts
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
    gpSource {
      organisationNames
      lastUpdated
      readAt
    }
    acuteSource {
      organisationNames
      lastUpdated
      readAt
    }
    mentalHealthSource {
      organisationNames
      lastUpdated
      readAt
    }
    communitySource {
      organisationNames
      lastUpdated
      readAt
    }
    socialCareSource {
      organisationNames
      lastUpdated
      readAt
    }
  }
}
    fragment NextOfKinParts on Carer {
  id
  name
  relationships {
    display
    text
  }
  phone
  current: active
  provenance {
    organisationName
  }
}`) as unknown as TypedDocumentString<DemographicsQuery, DemographicsQueryVariables>;
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
    gpDocuments {
      ...DocumentParts
    }
    mentalHealthDocuments {
      ...DocumentParts
    }
    communityDocuments {
      ...DocumentParts
    }
    socialCareDocuments {
      ...DocumentParts
    }
    gpSource {
      organisationNames
      lastUpdated
      readAt
    }
    acuteSource {
      organisationNames
      lastUpdated
      readAt
    }
    mentalHealthSource {
      organisationNames
      lastUpdated
      readAt
    }
    communitySource {
      organisationNames
      lastUpdated
      readAt
    }
    socialCareSource {
      organisationNames
      lastUpdated
      readAt
    }
  }
}
    fragment DocumentParts on DischargeSummary {
  id
  title
  type {
    display
    text
  }
  date
  status
  current
  summary
  author
  custodian
  attachments {
    title
    contentType
    url
    inline
  }
  provenance {
    organisationName
    lastUpdated
  }
}`) as unknown as TypedDocumentString<DocumentsQuery, DocumentsQueryVariables>;
export const EmergencySummaryDocument = new TypedDocumentString(`
    query EmergencySummary($nhsNumber: String!) {
  patient(nhsNumber: $nhsNumber) {
    nhsNumber
    breakGlass {
      reason
      expiresAt
    }
    combinedAllergies {
      items {
        id
        code {
          display
          text
        }
        current
        criticality
        disagreement
        sources {
          ...AllergyParts
        }
      }
      conflicts
      notRead {
        ...NotReadParts
      }
    }
    combinedMedications {
      items {
        id
        medication {
          display
          text
        }
        current
        disagreement
        sources {
          ...MedicationParts
        }
      }
      conflicts
      notRead {
        ...NotReadParts
      }
    }
    combinedAlerts {
      items {
        id
        code {
          display
          text
        }
        current
        disagreement
        sources {
          ...AlertParts
        }
      }
      notRead {
        ...NotReadParts
      }
    }
    combinedAdvanceDirectives {
      items {
        id
        scope {
          display
          text
        }
        current
        disagreement
        sources {
          ...AdvanceDecisionParts
        }
      }
      notRead {
        ...NotReadParts
      }
    }
    combinedSafeguardingAlerts {
      items {
        id
        code {
          display
          text
        }
        current
        disagreement
        sources {
          ...AlertParts
        }
      }
      notRead {
        ...NotReadParts
      }
    }
    combinedRiskAlerts {
      items {
        id
        code {
          display
          text
        }
        current
        disagreement
        sources {
          ...AlertParts
        }
      }
      notRead {
        ...NotReadParts
      }
    }
    riskSummary {
      id
      kind
      status
      current
      date
      end
      summary
      level
      riskOf
      mitigation
      assessedBy
      provenance {
        organisationName
      }
    }
    crisisPlan {
      id
      title
      status
      current
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
      organisationNames
      lastUpdated
      readAt
    }
    acuteSource {
      organisationNames
      lastUpdated
      readAt
    }
    mentalHealthSource {
      organisationNames
      lastUpdated
      readAt
    }
    communitySource {
      organisationNames
      lastUpdated
      readAt
    }
    socialCareSource {
      organisationNames
      lastUpdated
      readAt
    }
  }
}
    fragment NotReadParts on SourceNotRead {
  source
  field
  reason
}
fragment AllergyParts on Allergy {
  id
  code {
    display
    text
  }
  clinicalStatus
  verificationStatus
  current
  reaction
  criticality
  recordedDate
  provenance {
    organisationName
    lastUpdated
  }
}
fragment MedicationParts on Medication {
  id
  kind
  medication {
    display
    text
  }
  dosage
  status
  current
  startDate
  endDate
  sameMedicineAs
  courseDisagreement
  provenance {
    organisationName
    lastUpdated
  }
}
fragment AlertParts on Alert {
  id
  code {
    display
    text
  }
  description
  status
  current
  start
  end
  author
  provenance {
    organisationName
    lastUpdated
  }
}
fragment AdvanceDecisionParts on AdvanceDecision {
  id
  status
  current
  scope {
    display
    text
  }
  category {
    display
    text
  }
  dateTime
  provisionType
  provisionCodes {
    display
    text
  }
  provenance {
    organisationName
    lastUpdated
  }
}`) as unknown as TypedDocumentString<EmergencySummaryQuery, EmergencySummaryQueryVariables>;
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
    mentalHealthAdmissions {
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
    mentalHealthContacts {
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
    socialCareContacts {
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
    socialCareAppointments {
      id
      status
      start
      description
      clinician
      provenance {
        organisationName
      }
    }
    gpAppointments {
      ...AppointmentParts
    }
    mentalHealthAppointments {
      ...AppointmentParts
    }
    communityAppointments {
      ...AppointmentParts
    }
    referrals {
      ...ReferralParts
    }
    hospitalReferrals {
      ...ReferralParts
    }
    communityReferrals {
      ...ReferralParts
    }
    carePlans {
      ...CarePlanParts
    }
    hospitalCarePlans {
      ...CarePlanParts
    }
    gpSource {
      organisationNames
      lastUpdated
      readAt
    }
    acuteSource {
      organisationNames
      lastUpdated
      readAt
    }
    mentalHealthSource {
      organisationNames
      lastUpdated
      readAt
    }
    communitySource {
      organisationNames
      lastUpdated
      readAt
    }
    socialCareSource {
      organisationNames
      lastUpdated
      readAt
    }
  }
}
    fragment ReferralParts on Referral {
  id
  code {
    display
    text
  }
  status
  current
  intent
  priority
  authoredOn
  requester
  performers
  provenance {
    organisationName
    lastUpdated
  }
}
fragment CarePlanParts on CarePlan {
  id
  title
  description
  status
  current
  start
  end
  author
  provenance {
    organisationName
    lastUpdated
  }
}
fragment AppointmentParts on OutpatientAppointment {
  id
  status
  current
  start
  end
  specialty {
    display
    text
  }
  serviceTypes {
    display
    text
  }
  appointmentType {
    display
    text
  }
  cancellationReason {
    display
    text
  }
  clinic
  site
  clinician
  description
  provenance {
    organisationName
    lastUpdated
  }
}`) as unknown as TypedDocumentString<EncountersQuery, EncountersQueryVariables>;
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
    hospitalImmunisations {
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
    mentalHealthImmunisations {
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
    communityImmunisations {
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
    socialCareImmunisations {
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
      organisationNames
      lastUpdated
      readAt
    }
    acuteSource {
      organisationNames
      lastUpdated
      readAt
    }
    mentalHealthSource {
      organisationNames
      lastUpdated
      readAt
    }
    communitySource {
      organisationNames
      lastUpdated
      readAt
    }
    socialCareSource {
      organisationNames
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
      ...MedicationParts
    }
    hospitalPrescriptions {
      ...MedicationParts
    }
    mentalHealthMedications {
      ...MedicationParts
    }
    communityMedications {
      ...MedicationParts
    }
    socialCareMedications {
      ...MedicationParts
    }
    medicationDispenses {
      ...DispenseParts
    }
    gpMedicationDispenses {
      ...DispenseParts
    }
    medicationAdministrations {
      id
      medication {
        display
      }
      status
      given
      notGiven
      statusReasons {
        display
      }
      effective
      effectiveEnd
      dosage {
        text
        dose {
          value
          unit
        }
        route {
          display
        }
        rate
      }
      provenance {
        organisationName
      }
    }
    communityMedicationAdministrations {
      id
      medication {
        display
      }
      status
      given
      notGiven
      statusReasons {
        display
      }
      effective
      effectiveEnd
      dosage {
        text
        dose {
          value
          unit
        }
        route {
          display
        }
        rate
      }
      provenance {
        organisationName
      }
    }
    socialCareMedicationAdministrations {
      id
      medication {
        display
      }
      status
      given
      notGiven
      statusReasons {
        display
      }
      effective
      effectiveEnd
      dosage {
        text
        dose {
          value
          unit
        }
        route {
          display
        }
        rate
      }
      provenance {
        organisationName
      }
    }
    gpMedicationAdministrations {
      ...AdministrationParts
    }
    mentalHealthMedicationAdministrations {
      ...AdministrationParts
    }
    noCurrentMedications {
      ...NoCurrentMedicationsParts
    }
    hospitalNoCurrentMedications {
      ...NoCurrentMedicationsParts
    }
    mentalHealthNoCurrentMedications {
      ...NoCurrentMedicationsParts
    }
    communityNoCurrentMedications {
      ...NoCurrentMedicationsParts
    }
    socialCareNoCurrentMedications {
      ...NoCurrentMedicationsParts
    }
    gpSource {
      organisationNames
      lastUpdated
      readAt
    }
    acuteSource {
      organisationNames
      lastUpdated
      readAt
    }
    mentalHealthSource {
      organisationNames
      lastUpdated
      readAt
    }
    communitySource {
      organisationNames
      lastUpdated
      readAt
    }
    socialCareSource {
      organisationNames
      lastUpdated
      readAt
    }
  }
}
    fragment NoCurrentMedicationsParts on NoCurrentMedications {
  id
  list {
    display
    text
  }
  title
  current
  recordedDate
  provenance {
    organisationName
    lastUpdated
  }
}
fragment MedicationParts on Medication {
  id
  kind
  medication {
    display
    text
  }
  dosage
  status
  current
  startDate
  endDate
  sameMedicineAs
  courseDisagreement
  provenance {
    organisationName
    lastUpdated
  }
}
fragment AdministrationParts on MedicationAdministration {
  id
  medication {
    display
    text
  }
  status
  given
  notGiven
  statusReasons {
    display
    text
  }
  effective
  effectiveEnd
  dosage {
    text
    dose {
      value
      unit
    }
    route {
      display
      text
    }
    rate
  }
  performers {
    actor
  }
  provenance {
    organisationName
    lastUpdated
  }
}
fragment DispenseParts on MedicationDispense {
  id
  medication {
    display
  }
  status
  supplied
  current
  statusReason {
    display
  }
  quantity {
    value
    unit
  }
  whenPrepared
  whenHandedOver
  dosageInstructions {
    text
    dose
    timing
  }
  provenance {
    organisationName
  }
}`) as unknown as TypedDocumentString<MedicationsQuery, MedicationsQueryVariables>;
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
    crisisPlans {
      id
      title
      status
      current
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
    mentalHealthCarePlans {
      id
      title
      status
      current
      created
      description
      categories {
        display
      }
      provenance {
        organisationName
      }
    }
    mentalHealthReferrals {
      id
      status
      current
      priority
      code {
        display
      }
      authoredOn
      requester
      provenance {
        organisationName
      }
    }
    mentalHealthEpisodes {
      id
      status
      current
      start
      end
      team
      service
      provenance {
        organisationName
      }
    }
    riskSummaries {
      id
      kind
      status
      current
      date
      summary
      level
      riskOf
      provenance {
        organisationName
      }
    }
    mentalHealthRiskAlerts {
      id
      description
      status
      current
      start
      end
      provenance {
        organisationName
      }
    }
    mentalHealthSafeguardingAlerts {
      id
      description
      status
      current
      start
      end
      provenance {
        organisationName
      }
    }
    mentalHealthAlerts {
      id
      description
      status
      current
      start
      end
      provenance {
        organisationName
      }
    }
    mentalHealthSource {
      organisationNames
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
      ...ProblemParts
    }
    hospitalDiagnoses {
      ...ProblemParts
    }
    mentalHealthDiagnoses {
      ...ProblemParts
    }
    communityDiagnoses {
      ...ProblemParts
    }
    socialCareDiagnoses {
      ...ProblemParts
    }
    noKnownProblems {
      ...NoKnownProblemsParts
    }
    hospitalNoKnownProblems {
      ...NoKnownProblemsParts
    }
    mentalHealthNoKnownProblems {
      ...NoKnownProblemsParts
    }
    communityNoKnownProblems {
      ...NoKnownProblemsParts
    }
    socialCareNoKnownProblems {
      ...NoKnownProblemsParts
    }
    familyHistory {
      id
      relationship {
        display
        text
      }
      name
      status
      conditions {
        code {
          display
          text
        }
        outcome {
          display
          text
        }
        contributedToDeath
        onset {
          start
          age
          text
        }
      }
      recordedDate
      provenance {
        organisationName
        lastUpdated
      }
    }
    hospitalFamilyHistory {
      id
      relationship {
        display
        text
      }
      name
      status
      conditions {
        code {
          display
          text
        }
        outcome {
          display
          text
        }
        contributedToDeath
        onset {
          start
          age
          text
        }
      }
      recordedDate
      provenance {
        organisationName
        lastUpdated
      }
    }
    mentalHealthFamilyHistory {
      id
      relationship {
        display
        text
      }
      name
      status
      conditions {
        code {
          display
          text
        }
        outcome {
          display
          text
        }
        contributedToDeath
        onset {
          start
          age
          text
        }
      }
      recordedDate
      provenance {
        organisationName
        lastUpdated
      }
    }
    communityFamilyHistory {
      id
      relationship {
        display
        text
      }
      name
      status
      conditions {
        code {
          display
          text
        }
        outcome {
          display
          text
        }
        contributedToDeath
        onset {
          start
          age
          text
        }
      }
      recordedDate
      provenance {
        organisationName
        lastUpdated
      }
    }
    medicalDevices {
      ...MedicalDeviceParts
    }
    hospitalMedicalDevices {
      ...MedicalDeviceParts
    }
    mentalHealthMedicalDevices {
      ...MedicalDeviceParts
    }
    communityMedicalDevices {
      ...MedicalDeviceParts
    }
    socialCareEquipment {
      ...MedicalDeviceParts
    }
    gpSource {
      organisationNames
      lastUpdated
      readAt
    }
    acuteSource {
      organisationNames
      lastUpdated
      readAt
    }
    mentalHealthSource {
      organisationNames
      lastUpdated
      readAt
    }
    communitySource {
      organisationNames
      lastUpdated
      readAt
    }
    socialCareSource {
      organisationNames
      lastUpdated
      readAt
    }
  }
}
    fragment NoKnownProblemsParts on NoKnownProblems {
  id
  list {
    display
    text
  }
  title
  current
  recordedDate
  provenance {
    organisationName
    lastUpdated
  }
}
fragment ProblemParts on Problem {
  id
  code {
    display
    text
  }
  clinicalStatus
  verificationStatus
  current
  onsetDate
  recordedDate
  abatement {
    start
    age
    text
  }
  provenance {
    organisationName
    lastUpdated
  }
}
fragment MedicalDeviceParts on MedicalDevice {
  id
  device {
    display
    text
  }
  deviceName
  status
  current
  timing {
    start
    end
  }
  timingText
  recordedOn
  provenance {
    organisationName
    lastUpdated
  }
}`) as unknown as TypedDocumentString<ProblemsQuery, ProblemsQueryVariables>;
export const ProceduresDocument = new TypedDocumentString(`
    query Procedures($nhsNumber: String!) {
  patient(nhsNumber: $nhsNumber) {
    nhsNumber
    breakGlass {
      reason
      expiresAt
    }
    procedures {
      ...ProcedureParts
    }
    hospitalProcedures {
      ...ProcedureParts
    }
    mentalHealthProcedures {
      ...ProcedureParts
    }
    communityProcedures {
      ...ProcedureParts
    }
    gpSource {
      organisationNames
      lastUpdated
      readAt
    }
    acuteSource {
      organisationNames
      lastUpdated
      readAt
    }
    mentalHealthSource {
      organisationNames
      lastUpdated
      readAt
    }
    communitySource {
      organisationNames
      lastUpdated
      readAt
    }
  }
}
    fragment ProcedureParts on Procedure {
  id
  code {
    display
    text
  }
  status
  current
  statusReason {
    display
  }
  performedDate
  location
  bodySite {
    display
  }
  provenance {
    organisationName
    lastUpdated
  }
}`) as unknown as TypedDocumentString<ProceduresQuery, ProceduresQueryVariables>;
export const ResultsDocument = new TypedDocumentString(`
    query Results($nhsNumber: String!) {
  patient(nhsNumber: $nhsNumber) {
    nhsNumber
    breakGlass {
      reason
      expiresAt
    }
    observations {
      ...ResultParts
    }
    testResults {
      ...ResultParts
      interpretation {
        code
        display
      }
    }
    mentalHealthObservations {
      ...ResultParts
    }
    communityObservations {
      ...ResultParts
    }
    socialCareObservations {
      ...ResultParts
    }
    gpTestReports {
      ...ReportParts
    }
    testReports {
      ...ReportParts
    }
    gpSource {
      organisationNames
      lastUpdated
      readAt
    }
    acuteSource {
      organisationNames
      lastUpdated
      readAt
    }
    mentalHealthSource {
      organisationNames
      lastUpdated
      readAt
    }
    communitySource {
      organisationNames
      lastUpdated
      readAt
    }
    socialCareSource {
      organisationNames
      lastUpdated
      readAt
    }
  }
}
    fragment ResultParts on TestResult {
  id
  code {
    display
    text
  }
  reportName
  value
  unit
  referenceRange
  abnormal
  status
  current
  category
  effectiveDate
  issued
  codeIsFinding
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
    lastUpdated
  }
}
fragment ReportParts on TestReport {
  id
  name
  status
  current
  issued
  effectiveDate
  conclusion
  performer
  resultIds
  results {
    id
    code {
      display
      text
    }
    value
    unit
    abnormal
    interpretation {
      code
      display
    }
    codeIsFinding
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
  }
  provenance {
    organisationName
    lastUpdated
  }
}`) as unknown as TypedDocumentString<ResultsQuery, ResultsQueryVariables>;
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
    safeguardingAlerts {
      id
      description
      status
      current
      start
      end
      provenance {
        organisationName
      }
    }
    socialCareRiskAlerts {
      id
      description
      status
      current
      start
      end
      provenance {
        organisationName
      }
    }
    socialCareAlerts {
      id
      description
      status
      current
      start
      end
      provenance {
        organisationName
      }
    }
    socialCareCases {
      id
      caseType
      status
      current
      start
      end
      team
      worker
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
      current
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
    socialCareSource {
      organisationNames
      lastUpdated
      readAt
    }
  }
}
    `) as unknown as TypedDocumentString<SocialCareQuery, SocialCareQueryVariables>;
export const ConsoleAccessLogDocument = new TypedDocumentString(`
    query ConsoleAccessLog($filter: AccessLogFilter, $first: Int, $after: String) {
  accessLog(filter: $filter, first: $first, after: $after) {
    events {
      id
      requestId
      at
      subgraph
      operationName
      nhsNumber
      denied
      categories
      categoryNames
      panelNames
      client {
        operationName
        application
      }
      user {
        ...ConsoleUser
      }
      fields {
        coordinate
        outcome
        reason
      }
      breakGlass {
        id
        reason
        detail
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment ConsoleUser on AuditUser {
  id
  name
  odsCode
  organisationName
  jobRole
  roleName
  profile
  profileName
}`) as unknown as TypedDocumentString<ConsoleAccessLogQuery, ConsoleAccessLogQueryVariables>;
export const ConsoleWhoLookedDocument = new TypedDocumentString(`
    query ConsoleWhoLooked($nhsNumber: String!, $from: String, $to: String) {
  recordAccessSummary(nhsNumber: $nhsNumber, from: $from, to: $to) {
    odsCode
    organisationName
    jobRole
    roleName
    profile
    profileName
    firstAccess
    lastAccess
    requests
    categories
    categoryNames
    panelNames
    breakGlass
  }
}
    `) as unknown as TypedDocumentString<ConsoleWhoLookedQuery, ConsoleWhoLookedQueryVariables>;
export const ConsoleMonitoringDocument = new TypedDocumentString(`
    query ConsoleMonitoring($reviewed: Boolean) {
  monitoringFindings(reviewed: $reviewed) {
    title
    lookedFor
    from
    to
    truncated
    rows {
      id
      kind
      meaning
      score
      nhsNumber
      firstAccess
      lastAccess
      raisedAt
      accesses
      closed
      user {
        ...ConsoleUser
      }
      latestReview {
        outcome
        note
        reviewedAt
        reviewedBy {
          id
          name
        }
      }
    }
  }
  ownRecordAccess {
    ...ConsoleLinkReport
  }
  sharedSurnameOrAddressAccess {
    ...ConsoleLinkReport
  }
}
    fragment ConsoleUser on AuditUser {
  id
  name
  odsCode
  organisationName
  jobRole
  roleName
  profile
  profileName
}
fragment ConsoleLinkReport on StaffPatientAccessReport {
  title
  lookedFor
  from
  to
  truncated
  rows {
    nhsNumber
    relation
    firstAccess
    lastAccess
    accesses
    categories
    categoryNames
    panelNames
    breakGlass
    denied
    user {
      ...ConsoleUser
    }
  }
}`) as unknown as TypedDocumentString<ConsoleMonitoringQuery, ConsoleMonitoringQueryVariables>;
export const ConsoleUnusualVolumeDocument = new TypedDocumentString(`
    query ConsoleUnusualVolume($from: String, $to: String, $threshold: Int) {
  unusualVolume(from: $from, to: $to, threshold: $threshold) {
    title
    lookedFor
    from
    to
    truncated
    threshold
    rows {
      patients
      requests
      user {
        ...ConsoleUser
      }
    }
  }
}
    fragment ConsoleUser on AuditUser {
  id
  name
  odsCode
  organisationName
  jobRole
  roleName
  profile
  profileName
}`) as unknown as TypedDocumentString<ConsoleUnusualVolumeQuery, ConsoleUnusualVolumeQueryVariables>;
export const ConsoleOutOfHoursDocument = new TypedDocumentString(`
    query ConsoleOutOfHours($from: String, $to: String) {
  outOfHoursAccess(from: $from, to: $to) {
    title
    lookedFor
    from
    to
    truncated
    rows {
      nhsNumber
      firstAccess
      lastAccess
      accesses
      categories
      categoryNames
      panelNames
      breakGlass
      denied
      user {
        ...ConsoleUser
      }
    }
  }
}
    fragment ConsoleUser on AuditUser {
  id
  name
  odsCode
  organisationName
  jobRole
  roleName
  profile
  profileName
}`) as unknown as TypedDocumentString<ConsoleOutOfHoursQuery, ConsoleOutOfHoursQueryVariables>;
export const ConsoleReviewFindingDocument = new TypedDocumentString(`
    mutation ConsoleReviewFinding($findingId: ID!, $outcome: BreakGlassReviewOutcome!, $note: String!) {
  recordMonitoringFindingReview(
    findingId: $findingId
    outcome: $outcome
    note: $note
  ) {
    findingId
    outcome
    reviewedAt
  }
}
    `) as unknown as TypedDocumentString<ConsoleReviewFindingMutation, ConsoleReviewFindingMutationVariables>;
export const ConsoleBreakGlassDocument = new TypedDocumentString(`
    query ConsoleBreakGlass {
  breakGlassReviewQueue {
    title
    lookedFor
    from
    to
    truncated
    rows {
      ...ConsoleBreakGlassRow
    }
  }
  breakGlassReviewHistory {
    title
    lookedFor
    from
    to
    truncated
    rows {
      ...ConsoleBreakGlassRow
    }
  }
}
    fragment ConsoleUser on AuditUser {
  id
  name
  odsCode
  organisationName
  jobRole
  roleName
  profile
  profileName
}
fragment ConsoleBreakGlassRow on BreakGlassReviewItem {
  breakGlassId
  nhsNumber
  reason
  detail
  declaredAt
  expiresAt
  firstAccess
  lastAccess
  accesses
  categories
  categoryNames
  panelNames
  user {
    ...ConsoleUser
  }
  latestReview {
    outcome
    note
    reviewedAt
    reviewedBy {
      id
      name
    }
  }
}`) as unknown as TypedDocumentString<ConsoleBreakGlassQuery, ConsoleBreakGlassQueryVariables>;
export const ConsoleReviewBreakGlassDocument = new TypedDocumentString(`
    mutation ConsoleReviewBreakGlass($breakGlassId: ID!, $outcome: BreakGlassReviewOutcome!, $note: String!) {
  recordBreakGlassReview(
    breakGlassId: $breakGlassId
    outcome: $outcome
    note: $note
  ) {
    breakGlassId
    outcome
    reviewedAt
  }
}
    `) as unknown as TypedDocumentString<ConsoleReviewBreakGlassMutation, ConsoleReviewBreakGlassMutationVariables>;
export const ConsoleAlertsDocument = new TypedDocumentString(`
    query ConsoleAlerts {
  alerts(first: 50) {
    id
    kind
    title
    raisedAt
    nhsNumber
    subjectId
    link
    delivery {
      state
      attempts
      lastError
      deliveredAt
      nextAttemptAt
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleAlertsQuery, ConsoleAlertsQueryVariables>;
export const ConsoleChainStatusDocument = new TypedDocumentString(`
    query ConsoleChainStatus {
  auditChainStatus {
    lastVerification {
      ...ConsoleVerification
    }
    chains {
      chainId
      subgraph
      startedAt
      headSeq
      lastVerifiedAt
      ok
      problem
    }
  }
}
    fragment ConsoleVerification on AuditVerification {
  startedAt
  finishedAt
  by
  ok
  chains
  events
  anchoredAt
  anchoredChains
  anchorProblem
  breaks {
    chainId
    seq
    eventId
    problem
  }
}`) as unknown as TypedDocumentString<ConsoleChainStatusQuery, ConsoleChainStatusQueryVariables>;
export const ConsoleStartVerificationDocument = new TypedDocumentString(`
    mutation ConsoleStartVerification($full: Boolean) {
  startAuditVerification(full: $full) {
    ...ConsoleVerificationJob
  }
}
    fragment ConsoleVerification on AuditVerification {
  startedAt
  finishedAt
  by
  ok
  chains
  events
  anchoredAt
  anchoredChains
  anchorProblem
  breaks {
    chainId
    seq
    eventId
    problem
  }
}
fragment ConsoleVerificationJob on AuditVerificationJob {
  id
  state
  full
  by
  startedAt
  finishedAt
  eventsChecked
  events
  chainsChecked
  chains
  error
  result {
    ...ConsoleVerification
  }
}`) as unknown as TypedDocumentString<ConsoleStartVerificationMutation, ConsoleStartVerificationMutationVariables>;
export const ConsoleVerificationJobDocument = new TypedDocumentString(`
    query ConsoleVerificationJob($id: ID) {
  auditVerificationJob(id: $id) {
    ...ConsoleVerificationJob
  }
}
    fragment ConsoleVerification on AuditVerification {
  startedAt
  finishedAt
  by
  ok
  chains
  events
  anchoredAt
  anchoredChains
  anchorProblem
  breaks {
    chainId
    seq
    eventId
    problem
  }
}
fragment ConsoleVerificationJob on AuditVerificationJob {
  id
  state
  full
  by
  startedAt
  finishedAt
  eventsChecked
  events
  chainsChecked
  chains
  error
  result {
    ...ConsoleVerification
  }
}`) as unknown as TypedDocumentString<ConsoleVerificationJobQuery, ConsoleVerificationJobQueryVariables>;
export const MyAccessDocument = new TypedDocumentString(`
    query MyAccess {
  myAccess {
    userName
    organisationName
    jobRole
    odsCode
    profile
    profileLabel
    breakGlassAllowed
    traceAllowed
    launchPatient
    recordAccessAllowed
    categories {
      name
    }
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
      family
      given
      text
    }
    birthDate
    gender
    postcode
    restricted
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
export const PatientBannerDocument = new TypedDocumentString(`
    query PatientBanner($nhsNumber: String!) {
  patient(nhsNumber: $nhsNumber) {
    nhsNumber
    name {
      family
      given
      text
    }
    birthDate
    gender
    deceased {
      at
    }
    restricted
    breakGlass {
      reason
      expiresAt
    }
  }
}
    `) as unknown as TypedDocumentString<PatientBannerQuery, PatientBannerQueryVariables>;