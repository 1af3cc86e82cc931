import { formatDate } from '../../web/src/panels/fhirTime';
import { allergyStatus, medicationStatus, problemStatus, statusWords } from '../../web/src/panels/statusWords';

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
