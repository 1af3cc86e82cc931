import { CombinedAppointmentsDocument, type CombinedAppointmentsQuery } from '../generated/graphql';
import { RecordPanel, type Section } from './recordPanel';
import { col } from './columns';
import { appointmentStatus } from './statusWords';
import { formatDateTime } from './fhirTime';
import { eachSourceSays, sourcesCol, sourcesStatusCol } from './combinedColumns';

type Appointment = NonNullable<NonNullable<CombinedAppointmentsQuery['patient']>['combinedAppointments']>['items'][number]['sources'][number];
type Concept = { display?: string | null; text?: string | null } | null | undefined;
const words = (c: Concept) => c?.text ?? c?.display ?? '';

/** What it is for: the service (e.g. Depot clinic), else the specialty, else the source's description; the kind (follow-up) beside it. */
const what = (a: Appointment) => {
  const service = a.serviceTypes.map(words).filter(Boolean).join(', ') || a.clinic || words(a.specialty) || a.description || 'Appointment';
  const kind = words(a.appointmentType);
  return kind && !service.toLowerCase().includes(kind.toLowerCase()) ? `${service} (${kind})` : service;
};

/** With whom and where: the clinician and the site or clinic, as named. */
const withWhom = (a: Appointment) => [a.clinician, a.site ?? (a.clinic && a.clinic !== what(a) ? a.clinic : null)].filter(Boolean).join(', ');

/**
 * <sfy-combined-appointments nhs-number="..."> — fields in combinedAppointments.graphql. Every
 * source's appointments (the GP's, the hospital's clinics, the mental health trust's, community
 * services', the council's visits), each its own row naming its organisation, never merged: those
 * still to come first, then past ones, newest first. Each status in words (Booked, Attended, Did not
 * attend, Cancelled with why), never by colour.
 */
export class CombinedAppointmentsPanel extends RecordPanel<CombinedAppointmentsQuery> {
  protected heading = 'Appointments';
  protected document = CombinedAppointmentsDocument;
  protected sections: Section[] = [
    {
      title: 'Appointments',
      name: 'appointments',
      path: ['patient', 'combinedAppointments', 'items'],
      source: ['gpSource', 'acuteSource', 'mentalHealthSource', 'communitySource', 'socialCareSource'],
      notRead: ['patient', 'combinedAppointments', 'notRead'],
      current: { history: 'Past appointments' },
      columns: [
        col('When', (i) => (i.start ? formatDateTime(i.start) : 'No date yet')),
        col('What', (i) => eachSourceSays(i, what)),
        col('With, where', (i) => eachSourceSays(i, withWhom)),
        sourcesStatusCol(appointmentStatus),
        sourcesCol(appointmentStatus),
      ],
    },
  ];
}

customElements.get('sfy-combined-appointments') ?? customElements.define('sfy-combined-appointments', CombinedAppointmentsPanel);
