import { conceptsOf, conceptText, dateOf, FHIR_STATUS, isCurrent, oneOf, optionalCodingOf, optionalDateOf, referenceDisplay, referencedConceptsOf, textOf, type BundleReferences } from '../ingest';
import type { ResourceMapping } from '../ingest';

/**
 * Appointment -> an outpatient appointment, kept whole: every participant with its role, kind and
 * status. The site is the Location taking part and the clinician the practitioners: an
 * appointment's location is never shown as its clinician, or the other way round.
 */

/** FHIR app-3: only these appointments may lack a start. */
const UNSCHEDULED = new Set(['proposed', 'cancelled', 'waitlist']);
const CLINICIANS = new Set(['Practitioner', 'PractitionerRole']);

/** What kind of actor a reference names: its type, the resource it resolves to, or its Type/id. */
function actorTypeOf(actor: fhir4.Reference | undefined, from: any, references: BundleReferences): string | null {
  if (!actor) return null;
  return actor.type ?? references.resolve(actor, from)?.resourceType ?? /(?:^|\/)([A-Z][A-Za-z]+)\/[^/]+$/.exec(actor.reference ?? '')?.[1] ?? null;
}

export function appointmentMapping(panel: string): ResourceMapping {
  return (r: fhir4.Appointment, references: BundleReferences) => appointmentItem(panel, r, references);
}

function appointmentItem(panel: string, r: fhir4.Appointment, references: BundleReferences) {
  const status = oneOf(r.status, FHIR_STATUS.appointment, 'Appointment.status');
  const participants = (r.participant ?? []).map((p, i) => ({
    type: conceptsOf(p.type, `Appointment.participant[${i}].type`),
    actor: referenceDisplay(p.actor, r as never, references),
    actorType: actorTypeOf(p.actor, r, references),
    required: p.required ?? null,
    status: oneOf(p.status, ['accepted', 'declined', 'tentative', 'needs-action'] as const, `Appointment.participant[${i}].status`),
  }));
  const named = (types: Set<string>) => textOf(participants.filter((p) => p.actor && p.actorType && types.has(p.actorType)).map((p) => p.actor).join(', '), 500);
  const specialties = conceptsOf(r.specialty, 'Appointment.specialty');
  return {
    panel,
    fields: {
      status,
      current: isCurrent('appointment', status),
      start: UNSCHEDULED.has(status) ? optionalDateOf(r.start, 'Appointment.start') : dateOf(r.start, 'Appointment.start'),
      end: optionalDateOf(r.end, 'Appointment.end'),
      specialty: specialties[0] ?? null,
      specialties,
      serviceTypes: conceptsOf(r.serviceType, 'Appointment.serviceType'),
      appointmentType: optionalCodingOf(r.appointmentType, 'Appointment.appointmentType'),
      cancellationReason: optionalCodingOf(r.cancelationReason, 'Appointment.cancelationReason'),
      reasons: [
        ...conceptsOf(r.reasonCode, 'Appointment.reasonCode'),
        ...referencedConceptsOf(r.reasonReference, r, references, 'Appointment.reasonReference'),
      ],
      clinic: conceptText(r.serviceType?.[0]) ?? textOf(r.description, 200),
      site: named(new Set(['Location'])),
      clinician: named(CLINICIANS),
      participants,
      description: textOf(r.description, 500),
      patientInstruction: textOf(r.patientInstruction, 1000),
      bookedOn: optionalDateOf(r.created, 'Appointment.created'),
    },
  };
}
