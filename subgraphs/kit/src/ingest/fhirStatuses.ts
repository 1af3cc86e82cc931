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
} as const;

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
