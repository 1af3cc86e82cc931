import { combinedRiskAlerts, RISK_ALERT_FIELDS } from '../../subgraphs/combined/src/sections';
import { combinedResolvers } from '../../subgraphs/combined/src/resolvers';

/**
 * H170: the combined mental-health risk alerts (every source's Flags coded as a risk: the GP's, the
 * hospital's, the mental health trust's (H173), community services' and the council's (H174)), merged as alerts are. The same risk over overlapping time is one alert
 * naming every source with its status; an ended or inactive one is never current, and is history
 * beside one in force; where the sources disagree it is said; a source not read is named.
 */

const SNOMED = 'http://snomed.info/sct';
const sct = (code: string, display: string) => ({ system: SNOMED, code, display, coding: [{ system: SNOMED, code, display }], text: null });
const SUICIDE = sct('225444004', 'At risk for suicide');
const VIOLENCE = sct('129707006', 'At risk for other-directed violence');
const GP = { odsCode: 'P83005', organisationName: 'Bury Central Medical Practice', lastUpdated: '2026-11-01T00:00:00Z' };
const HOSPITAL = { odsCode: 'RM3', organisationName: 'Northern Care Alliance NHS Foundation Trust', lastUpdated: '2026-11-02T00:00:00Z' };
const COMMUNITY = { odsCode: 'NR5', organisationName: 'Bury Community Services', lastUpdated: '2026-11-03T00:00:00Z' };
const TRUST = { odsCode: 'RT2', organisationName: 'Pennine Care NHS Foundation Trust', lastUpdated: '2026-11-04T00:00:00Z' };
const COUNCIL = { odsCode: 'LA351', organisationName: 'Bury Council', lastUpdated: '2026-11-05T00:00:00Z' };

type Flag = { id: string; code: ReturnType<typeof sct>; status: string; current: boolean; start: string | null; end: string | null; description: string; provenance: typeof GP };
const flag = (id: string, provenance: typeof GP, extra: Partial<Flag> = {}): Flag => ({
  id, code: SUICIDE, status: 'active', current: true, start: '2026-09-01', end: null, description: 'At risk of suicide: see crisis plan', provenance, ...extra,
});
/** Every source answered with nothing but what the test gives. */
const patient = (fields: Partial<Record<(typeof RISK_ALERT_FIELDS)[number], Flag[] | null>>) => ({
  nhsNumber: '9990000468', gpRiskAlerts: [], hospitalRiskAlerts: [], mentalHealthRiskAlerts: [], communityRiskAlerts: [], socialCareRiskAlerts: [], ...fields,
});
const summary = (section: ReturnType<typeof combinedRiskAlerts>) => section.items.map((i) => ({ current: i.current, sources: i.sources.map((s) => s.id), disagreement: i.disagreement }));

describe('the combined mental-health risk alerts (H170)', () => {
  it('take every source’s risk-coded alerts (the trust’s and the council’s too), and the resolver serves this section', () => {
    expect(RISK_ALERT_FIELDS).toEqual(['gpRiskAlerts', 'hospitalRiskAlerts', 'mentalHealthRiskAlerts', 'communityRiskAlerts', 'socialCareRiskAlerts']);
    const p = patient({ gpRiskAlerts: [flag('gp', GP)] });
    expect(combinedResolvers.Patient.combinedRiskAlerts(p)).toEqual(combinedRiskAlerts(p));
  });

  it('the same risk from the GP and the hospital over overlapping time is one alert in force, naming both; no disagreement', () => {
    const section = combinedRiskAlerts(patient({ gpRiskAlerts: [flag('gp', GP)], hospitalRiskAlerts: [flag('ae', HOSPITAL, { start: '2026-10-29' })] }));
    expect(summary(section)).toEqual([{ current: true, sources: ['gp', 'ae'], disagreement: null }]);
    expect((section.items[0] as Record<string, unknown>).code).toEqual(SUICIDE);
    expect(section.notRead).toEqual([]);
  });

  it('one that ended before the other began is another alert, not current: history beside the one in force, which comes first', () => {
    const ended = flag('ae-old', HOSPITAL, { status: 'inactive', current: false, start: '2024-03-01', end: '2024-06-01' });
    const section = combinedRiskAlerts(patient({ gpRiskAlerts: [flag('gp', GP)], hospitalRiskAlerts: [ended] }));
    expect(summary(section)).toEqual([
      { current: true, sources: ['gp'], disagreement: null },
      { current: false, sources: ['ae-old'], disagreement: null },
    ]);
  });

  it('an ended or inactive alert alone is never current, whatever the source left its status as', () => {
    const inactive = flag('gp-inactive', GP, { status: 'inactive', current: false });
    const pastItsEnd = flag('ae-past', HOSPITAL, { code: VIOLENCE, status: 'active', current: false, start: '2025-01-01', end: '2025-02-01' });
    const section = combinedRiskAlerts(patient({ gpRiskAlerts: [inactive], hospitalRiskAlerts: [pastItsEnd] }));
    expect(section.items.map((i) => i.current)).toEqual([false, false]);
  });

  it('in force at the GP, ended at community services over the same time: one alert, in force, the disagreement said naming both', () => {
    const ended = flag('cs', COMMUNITY, { status: 'inactive', current: false, start: '2026-09-10', end: '2026-10-01' });
    const section = combinedRiskAlerts(patient({ gpRiskAlerts: [flag('gp', GP)], communityRiskAlerts: [ended] }));
    expect(summary(section)).toEqual([
      { current: true, sources: ['gp', 'cs'], disagreement: 'Sources disagree: active at Bury Central Medical Practice; inactive at Bury Community Services' },
    ]);
  });

  it('a flag left active past its end beside one in force is a disagreement said, never two "active"s', () => {
    const lapsed = flag('ae', HOSPITAL, { start: '2026-08-01', end: '2026-10-01', current: false });
    const section = combinedRiskAlerts(patient({ gpRiskAlerts: [flag('gp', GP)], hospitalRiskAlerts: [lapsed] }));
    expect(section.items[0].disagreement).toBe(
      'Sources disagree: active at Bury Central Medical Practice; active at the source, but its period has ended at Northern Care Alliance NHS Foundation Trust',
    );
  });

  it('the same risk raised by the GP (an alert) and the mental health trust (a flag) over overlapping time is one alert naming both with their statuses (H173)', () => {
    const trust = flag('mh', TRUST, { start: '2026-08-15', description: 'Suicide risk: see crisis plan' });
    const section = combinedRiskAlerts(patient({ gpRiskAlerts: [flag('gp', GP)], mentalHealthRiskAlerts: [trust] }));
    expect(section.items).toHaveLength(1);
    expect(section.items[0]).toMatchObject({ current: true, disagreement: null });
    expect(section.items[0].sources.map((s) => [s.id, s.provenance.odsCode, s.status]).sort()).toEqual([['gp', 'P83005', 'active'], ['mh', 'RT2', 'active']]);
  });

  it('the trust’s ended flag beside the GP’s alert in force over the same time is one item, the disagreement said (H173)', () => {
    const ended = flag('mh', TRUST, { status: 'inactive', current: false, start: '2026-08-15', end: '2026-10-01' });
    const section = combinedRiskAlerts(patient({ gpRiskAlerts: [flag('gp', GP)], mentalHealthRiskAlerts: [ended] }));
    expect(section.items).toHaveLength(1);
    expect(section.items[0].current).toBe(true);
    expect(section.items[0].disagreement).toEqual(expect.stringContaining('Pennine Care'));
  });

  it('the council’s risk-coded flag is in the section, naming the council; not read, it is named (H174)', () => {
    const section = combinedRiskAlerts(patient({ socialCareRiskAlerts: [flag('la', COUNCIL, { code: VIOLENCE })] }));
    expect(summary(section)).toEqual([{ current: true, sources: ['la'], disagreement: null }]);
    expect(combinedRiskAlerts(patient({ socialCareRiskAlerts: null, mentalHealthRiskAlerts: null })).notRead.map((n) => n.field)).toEqual(['mentalHealthRiskAlerts', 'socialCareRiskAlerts']);
  });

  it('different risks stay apart', () => {
    const section = combinedRiskAlerts(patient({ gpRiskAlerts: [flag('gp', GP)], communityRiskAlerts: [flag('cs', COMMUNITY, { code: VIOLENCE })] }));
    expect(section.items).toHaveLength(2);
  });

  it('a source not read (null: it did not answer, or the user may not see it) is named, never read as no risk', () => {
    const section = combinedRiskAlerts(patient({ gpRiskAlerts: [flag('gp', GP)], hospitalRiskAlerts: null }));
    expect(section.notRead).toEqual([{ source: 'Hospital trust', field: 'hospitalRiskAlerts', reason: expect.stringContaining('missing from this answer') }]);
    expect(summary(section)).toEqual([{ current: true, sources: ['gp'], disagreement: null }]);
  });
});
