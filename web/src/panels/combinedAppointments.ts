import { CombinedAppointmentsDocument, type CombinedAppointmentsQuery } from '../generated/graphql';
import { RecordPanel, type Section } from './recordPanel';
import { col } from './columns';
import { appointmentStatus } from './statusWords';
import { formatDateTime } from './fhirTime';
import { eachSourceSays, sourcesCol, sourcesStatusCol, combinedSection } from './combinedColumns';
import { appointmentWhat as what, appointmentWithWhom as withWhom } from './appointmentText';

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
    combinedSection('combinedAppointments', {
      title: 'Appointments',
      name: 'appointments',
      current: { history: 'Past appointments' },
      columns: [
        col('When', (i) => (i.start ? formatDateTime(i.start) : 'No date yet')),
        col('What', (i) => eachSourceSays(i, what)),
        col('With, where', (i) => eachSourceSays(i, withWhom)),
        sourcesStatusCol(appointmentStatus),
        sourcesCol(appointmentStatus),
      ],
    }),
  ];
}

customElements.get('sfy-combined-appointments') ?? customElements.define('sfy-combined-appointments', CombinedAppointmentsPanel);
