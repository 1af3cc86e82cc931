import { problemAt, type CareRecordError } from '../../web/src/client/gateway';

/** A panel must never say "nothing recorded" when the record could not say (docs/clinical-safety.md). */
const MEDS = ['patient', 'medications'];
const error = (code: string, extra: Partial<CareRecordError> = {}, extensions: Record<string, unknown> = {}): CareRecordError => ({ message: code, ...extra, extensions: { code, ...extensions } });

it('a source that did not answer, or failed, costs the sections under the paths it names', () => {
  expect(problemAt([error('SOURCE_UNAVAILABLE', {}, { serviceName: 'gp', paths: ['patient.medications'] })], MEDS)).toEqual({ kind: 'unavailable', source: 'gp' });
  expect(problemAt([error('SOURCE_FAILED', {}, { serviceName: 'gp', paths: ['patient.medications'] })], MEDS)).toEqual({ kind: 'failed', source: 'gp' });
  // A root fetch that failed costs everything under it.
  expect(problemAt([error('SOURCE_FAILED', {}, { serviceName: 'registry', paths: ['patient'] })], MEDS)).toEqual({ kind: 'failed', source: 'registry' });
  expect(problemAt([error('SOURCE_UNAVAILABLE', {}, { serviceName: 'acute', paths: ['patient.admissions'] })], MEDS)).toBeUndefined();
});

it('a denied field is restricted, at its own path or under it (a combined section\'s list), never beside it', () => {
  expect(problemAt([error('FORBIDDEN_FIELD', { path: MEDS })], MEDS)).toEqual({ kind: 'forbidden' });
  expect(problemAt([error('FORBIDDEN_FIELD', { path: ['patient', 'combinedAllergies'] })], ['patient', 'combinedAllergies', 'items'])).toEqual({ kind: 'forbidden' });
  expect(problemAt([error('FORBIDDEN_FIELD', { path: ['patient', 'combinedAllergies', 'items'] })], ['patient', 'combinedAllergies'])).toBeUndefined();
  expect(problemAt([error('FORBIDDEN_FIELD', { path: ['patient', 'allergies'] })], MEDS)).toBeUndefined();
});

it('items left out as unreadable are counted, so the section says so', () => {
  const unreadable = error('ITEM_UNREADABLE', { path: MEDS });
  expect(problemAt([unreadable, unreadable], MEDS)).toEqual({ kind: 'unreadable', count: 2 });
});

it('any other error at or above the section is shown, never an empty list', () => {
  expect(problemAt([error('AUDIT_UNAVAILABLE', { path: ['patient'] })], MEDS)).toEqual({ kind: 'error', message: 'AUDIT_UNAVAILABLE' });
  expect(problemAt([error('INTERNAL_ERROR', { path: ['patient', 'allergies'] })], MEDS)).toBeUndefined();
  expect(problemAt([], MEDS)).toBeUndefined();
});
