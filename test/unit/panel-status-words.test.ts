import { formatDate, formatDateTime } from '../../web/src/panels/fhirTime';
import { administrationStatus, allergyStatus, appointmentStatus, medicationStatus, problemStatus, statusWords } from '../../web/src/panels/statusWords';

/** Statuses in words, with `current` deciding what is current (docs/clinical-safety.md H62-H65). */

it('any status code reads as words, never as the enum code', () => {
  expect(statusWords('on_hold')).toBe('On hold');
  expect(statusWords('in_progress')).toBe('In progress');
  expect(statusWords('open-case')).toBe('Open case');
  expect(statusWords('noshow')).toBe('Did not attend');
  expect(statusWords('unable_to_assess')).toBe('Unable to assess');
  expect(statusWords('high')).toBe('High');
  expect(statusWords(null)).toBe('');
});

it('a problem: refuted reads "Refuted (ruled out)" even when the source left it active; history says why it is past; a current one says how sure', () => {
  expect(problemStatus({ clinicalStatus: 'active', verificationStatus: 'refuted', current: false })).toBe('Refuted (ruled out)');
  expect(problemStatus({ clinicalStatus: 'resolved', verificationStatus: 'confirmed', current: false })).toBe('Resolved');
  expect(problemStatus({ clinicalStatus: 'inactive', verificationStatus: null, current: false })).toBe('Inactive');
  expect(problemStatus({ clinicalStatus: 'remission', verificationStatus: 'confirmed', current: false })).toBe('In remission');
  expect(problemStatus({ clinicalStatus: 'active', verificationStatus: 'confirmed', current: true })).toBe('Active');
  expect(problemStatus({ clinicalStatus: 'active', verificationStatus: 'provisional', current: true })).toBe('Active, provisional (working diagnosis)');
  expect(problemStatus({ clinicalStatus: 'recurrence', verificationStatus: 'differential', current: true })).toBe('Recurrence, differential (one of several possible diagnoses)');
  expect(problemStatus({ clinicalStatus: 'active', verificationStatus: 'unconfirmed', current: true })).toBe('Active, unconfirmed');
  // The record's `current` decides: a past item whose source status still reads active never says just "Active".
  expect(problemStatus({ clinicalStatus: 'active', verificationStatus: 'confirmed', current: false })).toBe('No longer current (active at the source)');
});

it('an allergy: unconfirmed says so; resolved, inactive and refuted say which', () => {
  expect(allergyStatus({ clinicalStatus: 'active', verificationStatus: 'unconfirmed', current: true })).toBe('Unconfirmed');
  expect(allergyStatus({ clinicalStatus: 'active', verificationStatus: 'confirmed', current: true })).toBe('Confirmed');
  expect(allergyStatus({ clinicalStatus: 'active', verificationStatus: null, current: true })).toBe('Active');
  expect(allergyStatus({ clinicalStatus: 'resolved', verificationStatus: 'confirmed', current: false })).toBe('Resolved');
  expect(allergyStatus({ clinicalStatus: 'inactive', verificationStatus: 'confirmed', current: false })).toBe('Inactive');
  expect(allergyStatus({ clinicalStatus: 'active', verificationStatus: 'refuted', current: false })).toBe('Refuted (ruled out)');
  expect(allergyStatus({ clinicalStatus: null, verificationStatus: 'refuted', current: false })).toBe('Refuted (ruled out)');
});

it('a medicine: current ones by their status; past ones stopped, completed, or ended when the course ran out though the source still says active', () => {
  expect(medicationStatus({ status: 'active', current: true }, formatDate)).toBe('Active');
  expect(medicationStatus({ status: 'on_hold', current: true }, formatDate)).toBe('On hold');
  expect(medicationStatus({ status: 'stopped', current: false }, formatDate)).toBe('Stopped');
  expect(medicationStatus({ status: 'completed', current: false, endDate: '2024-01-31' }, formatDate)).toBe('Completed');
  expect(medicationStatus({ status: 'active', current: false, endDate: '2024-01-31' }, formatDate)).toBe('Ended 31 Jan 2024');
  expect(medicationStatus({ status: 'active', current: false }, formatDate)).toBe('Ended');
});

it('a dose given reads "Given" only when completed; a dose not given says so with why and never reads as given; one being given says so', () => {
  expect(administrationStatus({ status: 'completed', notGiven: false, statusReasons: [] })).toBe('Given');
  expect(administrationStatus({ status: 'not_done', notGiven: true, statusReasons: [{ display: 'Patient declined', text: null }] })).toBe('Not given: Patient declined');
  expect(administrationStatus({ status: 'not_done', notGiven: true, statusReasons: [] })).toBe('Not given');
  // The API's notGiven decides, whatever the status says.
  expect(administrationStatus({ status: 'completed', notGiven: true, statusReasons: [] })).toBe('Not given');
  expect(administrationStatus({ status: 'in_progress', statusReasons: [] })).toBe('Being given (in progress)');
  expect(administrationStatus({ status: 'stopped', statusReasons: [{ text: 'Reaction at the site' }] })).toBe('Stopped before all of it was given: Reaction at the site');
  expect(administrationStatus({ status: 'on_hold', statusReasons: [] })).toBe('On hold, not all given yet');
  expect(administrationStatus({ status: 'unknown', statusReasons: [] })).toBe('Not known whether given');
  for (const status of ['not_done', 'in_progress', 'on_hold', 'stopped', 'unknown']) expect(administrationStatus({ status, statusReasons: [] })).not.toMatch(/^Given/);
});

it('an appointment reads as people say it: attended, did not attend, cancelled with why; never a code', () => {
  expect(appointmentStatus({ status: 'booked' })).toBe('Booked');
  expect(appointmentStatus({ status: 'fulfilled' })).toBe('Attended');
  expect(appointmentStatus({ status: 'noshow' })).toBe('Did not attend');
  expect(appointmentStatus({ status: 'checked_in' })).toBe('Checked in');
  expect(appointmentStatus({ status: 'waitlist' })).toBe('On the waiting list');
  expect(appointmentStatus({ status: 'cancelled', cancellationReason: { display: 'Patient request' } })).toBe('Cancelled: Patient request');
  expect(appointmentStatus({ status: 'cancelled', cancellationReason: null })).toBe('Cancelled');
  // A reason is only said of a cancelled appointment.
  expect(appointmentStatus({ status: 'booked', cancellationReason: { display: 'Patient request' } })).toBe('Booked');
});

it('a date-time shows its time of day on the UK clock; a date alone stays a date at its precision', () => {
  expect(formatDateTime('2026-11-02T10:30:00Z')).toBe('2 Nov 2026, 10:30');
  expect(formatDateTime('2026-07-02T10:30:00Z')).toBe('2 Jul 2026, 11:30');
  expect(formatDateTime('2026-11-02')).toBe('2 Nov 2026');
  expect(formatDateTime('2026-11')).toBe('Nov 2026');
  expect(formatDateTime(null)).toBe('');
});
