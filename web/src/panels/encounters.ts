import { EncountersDocument, type EncountersQuery } from '../generated/graphql';
import { RecordPanel, type Section, formatDate } from './recordPanel';
import { appointmentStatus, statusWords } from './statusWords';
import { col, statusCol } from './columns';
import { appointmentWhat, appointmentWithWhom } from './appointmentText';

const referralColumns = [col('Referral or request', (r: any) => r.code?.display ?? r.code?.text), col('Priority', (r: any) => statusWords(r.priority)), statusCol(), col('To', (r: any) => r.performers.join(', ')), col('Written', (r: any) => formatDate(r.authoredOn))];
// The GP's, the mental health trust's and community services' appointments (the catalogue's Appointment): what for and with whom as the combined appointments say it.
const appointmentColumns = [col('When', (a: any) => formatDate(a.start)), col('What', (a: any) => appointmentWhat(a)), col('With', (a: any) => appointmentWithWhom(a)), col('Status', (a: any) => appointmentStatus(a))];
const carePlanColumns = [col('Plan', (p: any) => p.title), col('Details', (p: any) => p.description), statusCol(), col('Author', (p: any) => p.author), col('Since', (p: any) => formatDate(p.start))];

/** <sfy-encounters nhs-number="..."> — fields in encounters.graphql. Each source apart: encounters and appointments (the hospital's, the mental health trust's, community services', the council's, the GP's), then each source's referrals and care plans (open or in force as current). */
export class EncountersPanel extends RecordPanel<EncountersQuery> {
  protected heading = 'Encounters and admissions';
  protected document = EncountersDocument;
  protected sections: Section[] = [
    { title: 'Hospital admissions', path: ['patient', 'admissions'], source: 'acuteSource', columns: [col('Admitted', (a) => formatDate(a.admitted)), col('Discharged', (a) => formatDate(a.discharged)), col('Reason', (a) => a.reason?.display), col('Specialty', (a) => a.specialty?.display)] },
    { title: 'A&E attendances', path: ['patient', 'aeAttendances'], source: 'acuteSource', columns: [col('Arrived', (a) => formatDate(a.arrival)), col('Reason', (a) => a.reason?.display), col('Outcome', (a) => a.outcome)] },
    { title: 'Outpatient and other hospital encounters', path: ['patient', 'otherEncounters'], source: 'acuteSource', columns: [col('When', (e) => formatDate(e.start)), col('Kind', (e) => e.class?.display ?? e.class?.code), col('Specialty', (e) => e.specialty?.display), col('Where', (e) => e.locations.map((l: { location?: string | null }) => l.location).filter(Boolean).join(', '))] },
    { title: 'Mental health inpatient stays', path: ['patient', 'mentalHealthAdmissions'], source: 'mentalHealthSource', columns: [col('Admitted', (a) => formatDate(a.admitted)), col('Discharged', (a) => formatDate(a.discharged)), col('Ward', (a) => a.ward), col('Reason', (a) => a.reason?.display)] },
    { title: 'Mental health contacts', path: ['patient', 'mentalHealthContacts'], source: 'mentalHealthSource', columns: [col('When', (e) => formatDate(e.start)), col('Kind', (e) => e.class?.display ?? e.class?.code), col('Service', (e) => e.specialty?.display), col('Where', (e) => e.locations.map((l: { location?: string | null }) => l.location).filter(Boolean).join(', '))] },
    { title: 'Mental health appointments', path: ['patient', 'mentalHealthAppointments'], source: 'mentalHealthSource', columns: appointmentColumns },
    { title: 'Outpatient appointments', path: ['patient', 'outpatientAppointments'], source: 'acuteSource', columns: [col('When', (a) => formatDate(a.start)), col('Specialty', (a) => a.specialty?.display), col('Clinic', (a) => a.clinic), col('Status', (a) => appointmentStatus(a))] },
    { title: 'Community services appointments', path: ['patient', 'communityAppointments'], source: 'communitySource', columns: appointmentColumns },
    { title: 'Social care visits and contacts', path: ['patient', 'socialCareContacts'], source: 'socialCareSource', columns: [col('When', (e) => formatDate(e.start)), col('Kind', (e) => e.class?.display ?? e.class?.code), col('Service', (e) => e.specialty?.display), col('Where', (e) => e.locations.map((l: { location?: string | null }) => l.location).filter(Boolean).join(', '))] },
    { title: 'Social care appointments', path: ['patient', 'socialCareAppointments'], source: 'socialCareSource', columns: [col('When', (a) => formatDate(a.start)), col('What', (a) => a.description), col('With', (a) => a.clinician), col('Status', (a) => appointmentStatus(a))] },
    { title: 'GP consultations', path: ['patient', 'consultations'], source: 'gpSource', columns: [col('Date', (c) => formatDate(c.date)), col('Type', (c) => c.type.display), col('Reason', (c) => c.reason?.display), col('Clinician', (c) => c.clinician)] },
    { title: 'GP appointments', path: ['patient', 'gpAppointments'], source: 'gpSource', columns: appointmentColumns },
    { title: 'GP referrals and requests', path: ['patient', 'referrals'], source: 'gpSource', current: { history: 'Closed GP referrals and requests' }, columns: referralColumns },
    { title: 'Hospital referrals and requests', path: ['patient', 'hospitalReferrals'], source: 'acuteSource', current: { history: 'Closed hospital referrals and requests' }, columns: referralColumns },
    { title: 'Community services referrals and requests', path: ['patient', 'communityReferrals'], source: 'communitySource', current: { history: 'Closed community referrals and requests' }, columns: referralColumns },
    { title: 'GP care plans', path: ['patient', 'carePlans'], source: 'gpSource', current: { history: 'GP care plans no longer in force' }, columns: carePlanColumns },
    { title: 'Hospital care plans', path: ['patient', 'hospitalCarePlans'], source: 'acuteSource', current: { history: 'Hospital care plans no longer in force' }, columns: carePlanColumns },
  ];
}

customElements.get('sfy-encounters') ?? customElements.define('sfy-encounters', EncountersPanel);
