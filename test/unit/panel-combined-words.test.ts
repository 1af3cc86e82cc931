import { disagreementWords, emptyWords, notReadLines, scopeWords, sourceLine, sourceSummary, sourcesLine, statusOfSources } from '../../web/src/panels/combinedWords';
import { currentAndHistory } from '../../web/src/panels/sectionState';
import { allergyStatus } from '../../web/src/panels/statusWords';
import { formatDate } from '../../web/src/panels/fhirTime';
import { panelsOfView } from '../../web/src/viewer/recordViews';

/** How the combined sections say what they hold (docs/clinical-safety.md H83-H86). */

const GP = { organisationName: 'Bury Central Medical Practice', lastUpdated: '2001-03-05T14:18:00.000Z' };
const HOSPITAL = { organisationName: 'Northern Care Alliance NHS Foundation Trust', lastUpdated: '2026-10-30T21:15:00.000Z' };

it('each source of an item by organisation, with its own status in words and its as-of', () => {
  const gp = { current: true, clinicalStatus: 'active', verificationStatus: 'confirmed', provenance: GP };
  const hospital = { current: false, clinicalStatus: 'resolved', verificationStatus: 'confirmed', provenance: HOSPITAL };
  expect(sourceSummary(gp, allergyStatus, formatDate)).toBe('Bury Central Medical Practice: Confirmed, as of 5 Mar 2001');
  expect(sourceSummary(hospital, allergyStatus, formatDate)).toBe('Northern Care Alliance NHS Foundation Trust: Resolved, as of 30 Oct 2026');
  // The item's status: each source's words once; a difference is never folded into one word.
  expect(statusOfSources([gp, hospital], allergyStatus)).toBe('Confirmed; Resolved');
  expect(statusOfSources([gp, { ...gp, provenance: HOSPITAL }], allergyStatus)).toBe('Confirmed');
});

it('a source not read is named, once, and a section missing a source never says "Nothing recorded" (H83)', () => {
  const reason = 'missing from this answer: the source did not answer, or this user may not see it';
  const lines = notReadLines([
    { source: 'Hospital trust', field: 'hospitalAllergies', reason },
    { source: 'Hospital trust', field: 'hospitalNoKnownAllergies', reason },
  ]);
  expect(lines).toEqual([`Not available from hospital trust: ${reason}.`]);
  expect(emptyWords({ leftOut: 0, notRead: 1 })).not.toMatch(/Nothing recorded/);
  expect(emptyWords({ leftOut: 2, notRead: 1 })).not.toMatch(/Nothing (current )?recorded/);
  expect(emptyWords({ leftOut: 0, notRead: 0 })).toBe('Nothing recorded.');
  expect(emptyWords({ leftOut: 1, notRead: 0 })).toBe('Nothing current recorded.');
});

it('a disagreement is said in words, never in status codes (H84)', () => {
  expect(disagreementWords('Sources disagree: on_hold at Bury Central Medical Practice; active at Northern Care Alliance NHS Foundation Trust')).toBe(
    'Sources disagree: on hold at Bury Central Medical Practice; active at Northern Care Alliance NHS Foundation Trust',
  );
  expect(disagreementWords(null)).toBe('');
});

it('a combined section lists only items current at some source as current, the rest as history', () => {
  const items = [{ id: 'a', current: true }, { id: 'b', current: false }];
  expect(currentAndHistory(items, { current: { history: 'Past' } })).toEqual({ current: [items[0]], history: [items[1]], leftOut: 0 });
});

it('the source line names each organisation with its own as-of; a source holding nothing for the patient is not named', () => {
  const line = sourcesLine(
    [
      { organisationNames: ['Bury Central Medical Practice'], lastUpdated: '2026-09-16T07:11:00.000Z', readAt: '2026-12-06T17:00:00Z' },
      { organisationNames: [], lastUpdated: null, readAt: '2026-12-06T17:00:00Z' },
      { organisationNames: ['Northern Care Alliance NHS Foundation Trust'], lastUpdated: '2026-10-31T08:15:00.000Z', readAt: '2026-12-06T17:00:00Z' },
      null,
    ],
    formatDate,
  );
  expect(line).toBe('From Bury Central Medical Practice · as of 16 Sept 2026; Northern Care Alliance NHS Foundation Trust · as of 31 Oct 2026');
  expect(scopeWords('medication')).toBe('Medication allergies');
  expect(scopeWords('all')).toBe('All allergies');
});

it('the viewer shows the combined sections by default and each source’s panels by source, never both; what has no combined section is in both', () => {
  const allowed = ['emergencySummary', 'demographics', 'medications', 'allergies', 'problems', 'procedures', 'immunisations', 'results', 'community', 'accessHistory'].map((name) => ({ name, label: name }));
  expect(panelsOfView(allowed, 'combined').map((p) => p.name)).toEqual([
    'emergencySummary', 'demographics', 'combinedAllergies', 'combinedProblems', 'combinedMedications', 'combinedMedicationAdministrations', 'combinedImmunisations', 'combinedProcedures', 'combinedResults', 'combinedVitalSigns', 'combinedSocialHistory', 'combinedTestReports', 'combinedAlerts', 'combinedFamilyHistory', 'community',
  ]);
  expect(panelsOfView(allowed, 'source').map((p) => p.name)).toEqual(['emergencySummary', 'demographics', 'medications', 'allergies', 'problems', 'procedures', 'immunisations', 'results', 'community']);
  // A role without results sees no combined results, vital signs or social history.
  expect(panelsOfView(allowed.filter((p) => p.name !== 'results'), 'combined').map((p) => p.name)).not.toContain('combinedVitalSigns');
  // Referrals and care plans come from the encounters panel, which stays (admissions have no combined section); each only with its category.
  const encounters = { name: 'encounters', label: 'Encounters', categories: ['encounters', 'carePlans'] };
  const withEncounters = panelsOfView([...allowed, encounters], 'combined').map((p) => p.name);
  expect(withEncounters).toEqual(expect.arrayContaining(['combinedEncounters', 'combinedCarePlans', 'encounters']));
  expect(withEncounters).not.toContain('combinedReferrals');
  // Appointments alone (a receptionist) bring combined appointments, no combined encounters.
  const appointmentsOnly = panelsOfView([...allowed, { ...encounters, categories: ['appointments'] }], 'combined').map((p) => p.name);
  expect(appointmentsOnly).not.toContain('combinedEncounters');
  expect(appointmentsOnly).toContain('combinedAppointments');
  expect(withEncounters).not.toContain('combinedAppointments');
  // Medicines given come with the medications panel; without it, none.
  expect(panelsOfView(allowed.filter((p) => p.name !== 'medications'), 'combined').map((p) => p.name)).not.toContain('combinedMedicationAdministrations');
  // Documents and letters: every source's, standing in for the hospital's documents panel in the combined view; by source, that panel.
  const withDocuments = [...allowed, { name: 'documents', label: 'Documents and letters' }];
  expect(panelsOfView(withDocuments, 'combined').map((p) => p.name)).toEqual(expect.arrayContaining(['combinedDocuments']));
  expect(panelsOfView(withDocuments, 'combined').map((p) => p.name)).not.toContain('documents');
  expect(panelsOfView(withDocuments, 'source').map((p) => p.name)).toContain('documents');
  // Alerts need alerts or safeguarding in the emergency summary's categories.
  const summaryOnly = [{ name: 'emergencySummary', label: 'Summary', categories: ['allergies', 'medications'] }];
  expect(panelsOfView(summaryOnly, 'combined').map((p) => p.name)).toEqual(['emergencySummary']);
});

it('a one-source section says whom it is from and as of when; when that source holds nothing about the patient it says so, never a bare "as of" today', () => {
  const fmt = (v: string | null | undefined) => (v ? v.slice(0, 10) : '');
  const held = { organisationNames: ['Pennine Care NHS Foundation Trust'], lastUpdated: '2026-09-01T10:00:00Z', readAt: '2026-12-06T10:00:00Z' };
  const nothing = { organisationNames: [], lastUpdated: null, readAt: '2026-12-06T10:00:00Z' };
  expect(sourceLine('mentalHealthSource', held, [], fmt)).toBe('From Pennine Care NHS Foundation Trust · as of 2026-09-01');
  expect(sourceLine('gpSource', held, ['Bury Central Medical Practice'], fmt)).toBe('From Bury Central Medical Practice · as of 2026-09-01');
  expect(sourceLine('mentalHealthSource', nothing, [], fmt)).toBe('Nothing held from the mental health trust about this patient (checked 2026-12-06)');
  expect(sourceLine('socialCareSource', nothing, [], fmt)).not.toMatch(/as of/);
  expect(sourceLine(undefined, null, [], fmt)).toBe('From the patient register');
  expect(sourceLine('acuteSource', null, [], fmt)).toBe('');
});
