/**
 * How the panels word an appointment (the catalogue's OutpatientAppointment, from any source). Pure,
 * so the combined appointments and each source's appointments in the encounters panel say the same
 * thing the same way, and the wording is unit-tested.
 */

type Concept = { display?: string | null; text?: string | null } | null | undefined;

export interface AppointmentWords {
  serviceTypes?: Concept[] | null;
  appointmentType?: Concept;
  specialty?: Concept;
  clinic?: string | null;
  site?: string | null;
  clinician?: string | null;
  description?: string | null;
}

const words = (c: Concept) => c?.text ?? c?.display ?? '';

/** What it is for: the service (e.g. Depot clinic), else the clinic, the specialty, the source's description; the kind (follow-up) beside it. */
export function appointmentWhat(a: AppointmentWords): string {
  const service = (a.serviceTypes ?? []).map(words).filter(Boolean).join(', ') || a.clinic || words(a.specialty) || a.description || 'Appointment';
  const kind = words(a.appointmentType);
  return kind && !service.toLowerCase().includes(kind.toLowerCase()) ? `${service} (${kind})` : service;
}

/** With whom and where: the clinician and the site or clinic, as named (the clinic only when it is not already what the appointment is for). */
export function appointmentWithWhom(a: AppointmentWords): string {
  return [a.clinician, a.site ?? (a.clinic && a.clinic !== appointmentWhat(a) ? a.clinic : null)].filter(Boolean).join(', ');
}
