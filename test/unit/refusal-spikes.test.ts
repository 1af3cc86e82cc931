import { refusalSpikeOf, refusalSpikeTitle } from '@shareforyou/kit';
import { RefusalSpikes } from '../../gateway/src/refusalSpikes';

/** A spike of refusals for one user or address is found once per window, and only a well-formed report raises an alert (issue #21.2). */

const policy = { threshold: 5, windowMs: 60_000, maxSubjects: 3 };
const T = Date.UTC(2026, 11, 6, 10, 0, 0);

describe('RefusalSpikes', () => {
  it('says a spike when one address reaches the threshold in a window, once, with its codes', () => {
    const spikes = new RefusalSpikes(policy);
    const found = [];
    for (let i = 0; i < 12; i++) found.push(...spikes.count({ code: i % 2 ? 'UNAUTHENTICATED' : 'FORBIDDEN_FIELD', address: '10.1.2.3' }, T + i));
    expect(found).toEqual([{ subject: 'address:10.1.2.3', windowStart: '2026-12-06T10:00:00.000Z', windowSeconds: 60, refusals: 5, codes: { FORBIDDEN_FIELD: 3, UNAUTHENTICATED: 2 } }]);
  });

  it('counts the user and the address apart: one user refused from two addresses is a spike of the user only', () => {
    const spikes = new RefusalSpikes(policy);
    const found = [];
    for (let i = 0; i < 5; i++) found.push(...spikes.count({ code: 'NO_CARE_RELATIONSHIP', address: i % 2 ? '10.0.0.1' : '10.0.0.2', userId: 'u-1' }, T + i));
    expect(found.map((s) => s.subject)).toEqual(['user:u-1']);
  });

  it('below the threshold in each of two windows is no spike; a new window counts afresh and may say it again', () => {
    const spikes = new RefusalSpikes(policy);
    const found = [];
    for (let i = 0; i < 4; i++) found.push(...spikes.count({ code: 'UNAUTHENTICATED', address: 'a' }, T + 59_000 + i));
    for (let i = 0; i < 4; i++) found.push(...spikes.count({ code: 'UNAUTHENTICATED', address: 'a' }, T + 60_000 + i));
    expect(found).toEqual([]);
    found.push(...spikes.count({ code: 'UNAUTHENTICATED', address: 'a' }, T + 61_000));
    expect(found.map((s) => s.windowStart)).toEqual(['2026-12-06T10:01:00.000Z']);
  });

  it('holds at most maxSubjects subjects a window: a flood from many addresses cannot grow memory', () => {
    const spikes = new RefusalSpikes(policy);
    for (let i = 0; i < 10; i++) spikes.count({ code: 'UNAUTHENTICATED', address: `10.0.0.${i}` }, T);
    expect(spikes.uncounted).toBe(7);
  });
});

describe('the refusal spike report', () => {
  const spike = { subject: 'address:::ffff:127.0.0.2', windowStart: '2026-12-06T10:00:00Z', windowSeconds: 300, refusals: 50, codes: { UNAUTHENTICATED: 48, FORBIDDEN_FIELD: 2 } };

  it('is read whole and said in one line', () => {
    expect(refusalSpikeOf(spike)).toEqual({ ...spike, windowStart: '2026-12-06T10:00:00.000Z' });
    expect(refusalSpikeTitle(refusalSpikeOf(spike)!)).toBe('50 refusals in 5 min from address ::ffff:127.0.0.2 (UNAUTHENTICATED 48, FORBIDDEN_FIELD 2)');
    expect(refusalSpikeTitle({ ...spike, subject: 'user:demo-gp-li-wei' })).toMatch(/for user demo-gp-li-wei/);
  });

  it.each([
    ['a subject of another kind', { subject: 'patient:9434765919' }],
    ['markup in the subject', { subject: 'user:<script>' }],
    ['no codes', { codes: {} }],
    ['a lower-case code', { codes: { unauthenticated: 1 } }],
    ['a negative count', { refusals: -1 }],
    ['a date that is not one', { windowStart: 'yesterday' }],
  ])('refuses %s', (_name, change) => {
    expect(refusalSpikeOf({ ...spike, ...change })).toBeNull();
  });
});
