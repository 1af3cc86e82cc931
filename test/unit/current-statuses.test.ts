import { CURRENT_STATUSES, FHIR_STATUS, isCurrent } from '../../subgraphs/kit/src/ingest/fhirStatuses';

/** 11.3: what "current" means, per FHIR status value set, in one place for every slice (H3, H34, H37, H41). */

describe('current, as each FHIR status value set means it', () => {
  it.each([
    ['episodeOfCare', ['active', 'onhold']],
    ['request', ['active', 'on-hold']],
    ['flag', ['active']],
    ['encounter', ['arrived', 'triaged', 'in-progress', 'onleave']],
    ['appointment', ['proposed', 'pending', 'booked', 'arrived', 'checked-in', 'waitlist']],
    ['observation', ['registered', 'preliminary', 'final', 'amended', 'corrected']],
    ['diagnosticReport', ['registered', 'partial', 'preliminary', 'final', 'amended', 'corrected', 'appended']],
    ['medicationDispense', ['preparation', 'in-progress', 'on-hold', 'completed']],
  ] as const)('%s: only %j are current; every other status of the value set is history', (valueSet, current) => {
    for (const status of FHIR_STATUS[valueSet]) expect([status, isCurrent(valueSet, status)]).toEqual([status, (current as readonly string[]).includes(status)]);
  });

  it('entered-in-error and unknown are never current', () => {
    for (const valueSet of Object.keys(CURRENT_STATUSES) as Array<keyof typeof CURRENT_STATUSES>) {
      expect(isCurrent(valueSet, 'entered-in-error')).toBe(false);
      expect(isCurrent(valueSet, 'unknown')).toBe(false);
    }
  });

  it('a current status with a period that has ended is history; a partial end lasts to the end of its month', () => {
    const now = Date.UTC(2026, 4, 20);
    expect(isCurrent('episodeOfCare', 'active', '2026-05-19T23:00:00Z', now)).toBe(false);
    expect(isCurrent('episodeOfCare', 'active', '2026-05', now)).toBe(true);
    expect(isCurrent('flag', 'active', '2026-06-01', now)).toBe(true);
    expect(isCurrent('request', 'on-hold', undefined, now)).toBe(true);
  });
});
