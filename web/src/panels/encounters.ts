import { EncountersDocument, type EncountersQuery } from '../generated/graphql';
import { RecordPanel, type Section, formatDate } from './recordPanel';
import { statusWords } from './statusWords';
import { col } from './columns';

/** <sfy-encounters nhs-number="..."> — fields in encounters.graphql. */
export class EncountersPanel extends RecordPanel<EncountersQuery> {
  protected heading = 'Encounters and admissions';
  protected document = EncountersDocument;
  protected sections: Section[] = [
    { title: 'Hospital admissions', path: ['patient', 'admissions'], source: 'acuteSource', columns: [col('Admitted', (a) => formatDate(a.admitted)), col('Discharged', (a) => formatDate(a.discharged)), col('Reason', (a) => a.reason?.display), col('Specialty', (a) => a.specialty?.display)] },
    { title: 'A&E attendances', path: ['patient', 'aeAttendances'], source: 'acuteSource', columns: [col('Arrived', (a) => formatDate(a.arrival)), col('Reason', (a) => a.reason?.display), col('Outcome', (a) => a.outcome)] },
    { title: 'Outpatient and other hospital encounters', path: ['patient', 'otherEncounters'], source: 'acuteSource', columns: [col('When', (e) => formatDate(e.start)), col('Kind', (e) => e.class?.display ?? e.class?.code), col('Specialty', (e) => e.specialty?.display), col('Where', (e) => e.locations.map((l: { location?: string | null }) => l.location).filter(Boolean).join(', '))] },
    { title: 'Outpatient appointments', path: ['patient', 'outpatientAppointments'], source: 'acuteSource', columns: [col('When', (a) => formatDate(a.start)), col('Specialty', (a) => a.specialty?.display), col('Clinic', (a) => a.clinic), col('Status', (a) => statusWords(a.status))] },
    { title: 'GP consultations', path: ['patient', 'consultations'], source: 'gpSource', columns: [col('Date', (c) => formatDate(c.date)), col('Type', (c) => c.type.display), col('Reason', (c) => c.reason?.display), col('Clinician', (c) => c.clinician)] },
  ];
}

customElements.get('sfy-encounters') ?? customElements.define('sfy-encounters', EncountersPanel);
