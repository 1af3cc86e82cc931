import { formatDate } from '../../web/src/panels/fhirTime';
import { advanceDecisionStatus, alertStatus, nextOfKinStatus, reportStatus } from '../../web/src/panels/statusWords';
import { advanceDecisionName, advanceDecisionProvision } from '../../web/src/panels/advanceDecisionText';
import { relationshipWords } from '../../web/src/panels/nextOfKinText';
import { reportResults } from '../../web/src/panels/reportText';
import { panelsOfView } from '../../web/src/viewer/recordViews';

/**
 * How "View by source" says each organisation's next of kin, dispenses, reports, alerts and advance
 * decisions (docs/clinical-safety.md H160-H164): statuses in words with the record's `current`
 * deciding, never a bare code and never an ended item read as in force.
 */

describe('a report (DiagnosticReport)', () => {
  it('its status in words: a preliminary, partial or amended report says so; a cancelled one says cancelled', () => {
    expect(reportStatus({ status: 'final' })).toBe('Final');
    expect(reportStatus({ status: 'preliminary' })).toBe('Preliminary (to be confirmed)');
    expect(reportStatus({ status: 'partial' })).toBe('Partial (some results still to come)');
    expect(reportStatus({ status: 'registered' })).toBe('Registered (no results yet)');
    expect(reportStatus({ status: 'amended' })).toBe('Amended (changed after it was final)');
    expect(reportStatus({ status: 'corrected' })).toBe('Corrected (after it was final)');
    expect(reportStatus({ status: 'appended' })).toBe('Appended (added to after it was final)');
    expect(reportStatus({ status: 'cancelled' })).toBe('Cancelled');
    expect(reportStatus({ status: 'unknown' })).toBe('Status not known');
    expect(reportStatus({ status: 'on_hold' })).toBe('On hold');
  });

  it('the results issued in it, each named and valued in order, a flag in words; one the record does not hold is counted, never dropped in silence', () => {
    const result = (text: string, value: string, unit: string) => ({ code: { text, display: 'LOINC display' }, value, unit, components: [], memberIds: [] });
    expect(reportResults({ resultIds: ['a', 'b'], results: [result('Haemoglobin', '112', 'g/L'), result('Platelet count', '238', '10*9/L')] })).toBe('Haemoglobin 112 g/L; Platelet count 238 × 10⁹/L');
    expect(reportResults({ resultIds: ['a', 'b', 'c'], results: [result('INR', '2.4', '{INR}')] })).toMatch(/^INR 2\.4.* \(2 more results not held in this record\)$/);
    expect(reportResults({ resultIds: ['a'], results: [] })).toBe('(1 more result not held in this record)');
    expect(reportResults({ resultIds: [], results: [] })).toBe('');
    // Outside its range: the flag in letters and words, as the results panel says it, never dropped inside a report.
    expect(reportResults({ resultIds: ['a'], results: [{ ...result('INR', '2.6', '{INR}'), abnormal: true, interpretation: { code: 'H', display: 'High' } }] })).toMatch(/^INR 2\.6 .*H \(High\)$/);
  });
});

describe('an alert (Flag)', () => {
  it('"Active" only while the record says it is in force; an ended one says when, even when the source still says active', () => {
    expect(alertStatus({ status: 'active', current: true, end: null }, formatDate)).toBe('Active');
    expect(alertStatus({ status: 'inactive', current: false, end: '2025-01-01' }, formatDate)).toBe('Ended 1 Jan 2025');
    expect(alertStatus({ status: 'active', current: false, end: '2026-03-31' }, formatDate)).toBe('Ended 31 Mar 2026');
    expect(alertStatus({ status: 'inactive', current: false }, formatDate)).toBe('No longer in force');
    // The record's `current` decides, never the source's status alone.
    expect(alertStatus({ status: 'active', current: false }, formatDate)).not.toBe('Active');
  });
});

describe('an advance decision (Consent)', () => {
  it('"In force" only while the record says so; withdrawn, ended, rejected, draft and proposed ones say which', () => {
    expect(advanceDecisionStatus({ status: 'active', current: true })).toBe('In force');
    expect(advanceDecisionStatus({ status: 'inactive', current: false })).toBe('No longer in force (withdrawn or ended)');
    expect(advanceDecisionStatus({ status: 'active', current: false })).toBe('No longer in force (its period has ended)');
    expect(advanceDecisionStatus({ status: 'rejected', current: false })).toBe('Rejected (never in force)');
    expect(advanceDecisionStatus({ status: 'draft', current: false })).toBe('Draft (not in force)');
    expect(advanceDecisionStatus({ status: 'proposed', current: false })).toBe('Proposed (not in force)');
  });

  it('what it refuses or permits in words, never deny / permit; named by its document, else by what it is about', () => {
    const cpr = [{ display: 'Cardiopulmonary resuscitation' }];
    expect(advanceDecisionProvision({ provisionType: 'deny', provisionCodes: cpr })).toBe('Refuses: Cardiopulmonary resuscitation');
    expect(advanceDecisionProvision({ provisionType: 'permit', provisionCodes: [{ text: 'Antibiotics' }, { display: 'Artificial nutrition' }] })).toBe('Permits: Antibiotics, Artificial nutrition');
    expect(advanceDecisionProvision({ provisionType: null, provisionCodes: cpr })).toBe('Cardiopulmonary resuscitation');
    expect(advanceDecisionProvision({ provisionType: 'deny', provisionCodes: [] })).toBe('Refuses');
    expect(advanceDecisionName({ source: 'ReSPECT form', scope: { display: 'Advanced Care Directive' } })).toBe('ReSPECT form');
    expect(advanceDecisionName({ source: null, scope: { display: 'Advanced Care Directive' } })).toBe('Advanced Care Directive');
  });
});

describe('a next of kin (RelatedPerson)', () => {
  it('still recorded by the source, or no longer; every relationship in the source\'s words, each once', () => {
    expect(nextOfKinStatus({ current: true })).toBe('Recorded');
    expect(nextOfKinStatus({ current: false })).toBe('No longer recorded');
    expect(relationshipWords([{ display: 'natural daughter' }, { display: 'Next-of-Kin' }])).toBe('natural daughter, Next-of-Kin');
    expect(relationshipWords([{ text: 'Main carer', display: null }, { display: 'wife' }, { display: 'wife' }])).toBe('Main carer, wife');
    expect(relationshipWords(null)).toBe('');
  });
});

describe('which panels each view shows', () => {
  const clinician = ['emergencySummary', 'demographics', 'problems', 'alerts', 'advanceDecisions', 'mentalHealth'].map((name) => ({ name, label: name }));

  it('by source: the alerts and advance decisions panels, each source in its own section', () => {
    expect(panelsOfView(clinician, 'source').map((p) => p.name)).toEqual(['emergencySummary', 'demographics', 'problems', 'alerts', 'advanceDecisions', 'mentalHealth']);
  });

  it('combined: the combined alerts and the combined family history, devices and advance decisions stand in for them', () => {
    const combined = panelsOfView(clinician, 'combined').map((p) => p.name);
    expect(combined).toEqual(expect.arrayContaining(['combinedAlerts', 'combinedFamilyHistory']));
    expect(combined).not.toContain('alerts');
    expect(combined).not.toContain('advanceDecisions');
  });

  it('a role shown the alerts panel alone (alerts, not the emergency summary) still gets the combined alerts', () => {
    const alertsOnly = [{ name: 'alerts', label: 'Alerts', categories: ['alerts'] }];
    expect(panelsOfView(alertsOnly, 'combined').map((p) => p.name)).toEqual(['combinedAlerts']);
    expect(panelsOfView(alertsOnly, 'source').map((p) => p.name)).toEqual(['alerts']);
  });
});
