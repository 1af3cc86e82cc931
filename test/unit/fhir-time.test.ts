import { FhirDate, FhirDateTime } from '../../subgraphs/kit/src/slice/commonResolvers';
import { currentFirst, instantOf, newestFirst } from '../../subgraphs/kit/src/slice/panels';

/** 11.6: time is time. Dates keep their precision; ordering is by instant, not by text. */

describe('FHIR dates and times', () => {
  it('an instant at 23:30-05:00 sorts after 01:00Z the next day (it is 04:30Z)', () => {
    const items = [{ id: 'a', at: '2024-03-01T01:00:00Z' }, { id: 'b', at: '2024-02-29T23:30:00-05:00' }, { id: 'c', at: '2024-02' }, { id: 'd' }] as any[];
    expect(items.sort(newestFirst('at')).map((i) => i.id)).toEqual(['b', 'a', 'c', 'd']);
  });

  it('current items come before history however recent the history, each group newest first (H3)', () => {
    const items = [
      { id: 'resolved-last-week', current: false, at: '2026-11-24' },
      { id: 'current-2019', current: true, at: '2019' },
      { id: 'current-2024', current: true, at: '2024-06-01T09:00:00+01:00' },
      { id: 'inactive-2020', current: false, at: '2020-01' },
    ] as any[];
    expect(items.sort(currentFirst(newestFirst('at'))).map((i) => i.id)).toEqual(['current-2024', 'current-2019', 'resolved-last-week', 'inactive-2020']);
  });

  it('partial dates stand for their start', () => {
    expect(instantOf('2019')).toBe(Date.UTC(2019, 0, 1));
    expect(instantOf('2019-05')).toBe(Date.UTC(2019, 4, 1));
    expect(instantOf(undefined)).toBe(-Infinity);
  });

  it('the scalars keep the precision the source gave and refuse what is not a FHIR date', () => {
    expect(FhirDate.serialize('2019')).toBe('2019');
    expect(FhirDate.serialize('2019-05')).toBe('2019-05');
    expect(FhirDateTime.serialize('2019-05-14T23:30:00-05:00')).toBe('2019-05-14T23:30:00-05:00');
    expect(() => FhirDate.serialize('2019-05-14T10:00:00Z')).toThrow(/FhirDate/);
    expect(() => FhirDateTime.serialize('14/05/2019')).toThrow(/FhirDateTime/);
  });
});
