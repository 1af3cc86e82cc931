/**
 * The FHIR R4 status value sets the feed mappings check a resource's status against
 * (`oneOf(r.status, FHIR_STATUS.encounter, 'Encounter.status')`). Required bindings: a status
 * outside its set is a broken resource, not a new kind of status.
 */
export const FHIR_STATUS = {
  /** EpisodeOfCare.status (episode-of-care-status) */
  episodeOfCare: ['planned', 'waitlist', 'active', 'onhold', 'finished', 'cancelled', 'entered-in-error'],
  /** Encounter.status (encounter-status) */
  encounter: ['planned', 'arrived', 'triaged', 'in-progress', 'onleave', 'finished', 'cancelled', 'entered-in-error', 'unknown'],
  /** Appointment.status (appointmentstatus) */
  appointment: ['proposed', 'pending', 'booked', 'arrived', 'fulfilled', 'cancelled', 'noshow', 'entered-in-error', 'checked-in', 'waitlist'],
  /** CarePlan.status and ServiceRequest.status (request-status) */
  request: ['draft', 'active', 'on-hold', 'revoked', 'completed', 'entered-in-error', 'unknown'],
  /** Flag.status (flag-status) */
  flag: ['active', 'inactive', 'entered-in-error'],
  /** Procedure.status (event-status) */
  event: ['preparation', 'in-progress', 'not-done', 'on-hold', 'stopped', 'completed', 'entered-in-error', 'unknown'],
  /** Observation.status and RiskAssessment.status (observation-status) */
  observation: ['registered', 'preliminary', 'final', 'amended', 'corrected', 'cancelled', 'entered-in-error', 'unknown'],
  /** DiagnosticReport.status (diagnostic-report-status) */
  diagnosticReport: ['registered', 'partial', 'preliminary', 'final', 'amended', 'corrected', 'appended', 'cancelled', 'entered-in-error', 'unknown'],
  /** MedicationStatement.status (medication-statement-status) */
  medicationStatement: ['active', 'completed', 'entered-in-error', 'intended', 'stopped', 'on-hold', 'unknown', 'not-taken'],
  /** MedicationRequest.status (medicationrequest-status) */
  medicationRequest: ['active', 'on-hold', 'cancelled', 'completed', 'entered-in-error', 'stopped', 'draft', 'unknown'],
  /** MedicationDispense.status (medicationdispense-status) */
  medicationDispense: ['preparation', 'in-progress', 'cancelled', 'on-hold', 'completed', 'entered-in-error', 'stopped', 'declined', 'unknown'],
  /** MedicationAdministration.status (medication-admin-status) */
  medicationAdministration: ['in-progress', 'not-done', 'on-hold', 'completed', 'entered-in-error', 'stopped', 'unknown'],
  /** FamilyMemberHistory.status (history-status) */
  familyMemberHistory: ['partial', 'completed', 'entered-in-error', 'health-unknown'],
  /** DeviceUseStatement.status (device-statement-status) */
  deviceUseStatement: ['active', 'completed', 'entered-in-error', 'intended', 'stopped', 'on-hold'],
  /** Consent.status (consent-state-codes) */
  consent: ['draft', 'proposed', 'active', 'rejected', 'inactive', 'entered-in-error'],
  /** List.status (list-status) */
  list: ['current', 'retired', 'entered-in-error'],
} as const;

/**
 * Other codes with required bindings the mappings store, checked the same way: the validator
 * library checks their type, not their value set, and an unknown code would be stored to be
 * refused later by the reading GraphQL enum (ITEM_UNREADABLE) or, worse, shown with no meaning.
 */
export const FHIR_CODE = {
  /** Encounter.location.status (encounter-location-status) */
  encounterLocationStatus: ['planned', 'active', 'reserved', 'completed'],
  /** MedicationRequest.intent (medicationrequest-intent) */
  medicationRequestIntent: ['proposal', 'plan', 'order', 'original-order', 'reflex-order', 'filler-order', 'instance-order', 'option'],
  /** AllergyIntolerance.criticality (allergy-intolerance-criticality) */
  allergyCriticality: ['low', 'high', 'unable-to-assess'],
  /** AllergyIntolerance.reaction.severity (reaction-event-severity) */
  reactionSeverity: ['mild', 'moderate', 'severe'],
  /** ServiceRequest.priority (request-priority) */
  requestPriority: ['routine', 'urgent', 'asap', 'stat'],
  /** CarePlan.intent (care-plan-intent) */
  carePlanIntent: ['proposal', 'plan', 'order', 'option'],
  /** ServiceRequest.intent (request-intent) */
  requestIntent: ['proposal', 'plan', 'directive', 'order', 'original-order', 'reflex-order', 'filler-order', 'instance-order', 'option'],
  /** CarePlan.activity.detail.status (care-plan-activity-status) */
  carePlanActivityStatus: ['not-started', 'scheduled', 'in-progress', 'on-hold', 'completed', 'cancelled', 'stopped', 'unknown', 'entered-in-error'],
  /** Consent.provision.type (consent-provision-type) */
  consentProvisionType: ['deny', 'permit'],
  /** List.mode (list-mode) */
  listMode: ['working', 'snapshot', 'changes'],
} as const;

/**
 * The statuses of each FHIR value set that mean "current" in this record, in one place: the feeds
 * store `current` with them and the panels read it again with them (a period that has ended since
 * is history). Everything else in the value set is history, never current.
 */
export const CURRENT_STATUSES = {
  /** EpisodeOfCare: FHIR's active "is current"; onhold is paused, not ended. planned and waitlist have not started. */
  episodeOfCare: ['active', 'onhold'],
  /** CarePlan and ServiceRequest (a plan, a package, a referral) in force. */
  request: ['active', 'on-hold'],
  flag: ['active'],
  /** Procedure (event-status): under way, being prepared for, or paused; done, stopped or not done is history. */
  event: ['preparation', 'in-progress', 'on-hold'],
  /** Encounter under way: the patient is there (or on leave from there). */
  encounter: ['arrived', 'triaged', 'in-progress', 'onleave'],
  /** Appointment still to come or under way. */
  appointment: ['proposed', 'pending', 'booked', 'arrived', 'checked-in', 'waitlist'],
  /** Observation, RiskAssessment: a result that stands (not cancelled, not unknown). */
  observation: ['registered', 'preliminary', 'final', 'amended', 'corrected'],
  diagnosticReport: ['registered', 'partial', 'preliminary', 'final', 'amended', 'corrected', 'appended'],
  /** MedicationDispense in effect: under way, ready, on hold or handed over. */
  medicationDispense: ['preparation', 'in-progress', 'on-hold', 'completed'],
  /** DeviceUseStatement: in use, or paused and still with the patient; intended (not yet), completed and stopped are not (H89). */
  deviceUseStatement: ['active', 'on-hold'],
  /** Consent (an advance decision): in force only when active; draft, proposed, rejected and inactive are not (H89). */
  consent: ['active'],
} as const satisfies { [K in keyof typeof FHIR_STATUS]?: ReadonlyArray<(typeof FHIR_STATUS)[K][number]> };

/** Whether an item with this status (and period end, where it has one) is current now. */
export function isCurrent(valueSet: keyof typeof CURRENT_STATUSES, status: unknown, end?: unknown, now = Date.now()): boolean {
  return (CURRENT_STATUSES[valueSet] as readonly string[]).includes(String(status)) && !periodEnded(end, now);
}

/**
 * Whether a period's end has passed: an episode, flag or plan whose source still says active but
 * whose period ended is history, not current. Read at the time of asking (a planned end passes).
 * A partial end ("2026", "2026-05", "2026-05-14") lasts to the end of that year, month or day.
 */
export function periodEnded(end: unknown, now = Date.now()): boolean {
  if (typeof end !== 'string' || end === '') return false;
  const partial = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(end);
  const endsAt = partial
    ? Date.UTC(Number(partial[1]) + (partial[2] ? 0 : 1), partial[2] ? Number(partial[2]) - (partial[3] ? 1 : 0) : 0, partial[3] ? Number(partial[3]) + 1 : 1)
    : Date.parse(end);
  return !Number.isNaN(endsAt) && endsAt <= now;
}
