import { Admission } from '../../gateway/src/admission';

/** Overload refused whole and early (issue #20.6): who starts, who waits, who is refused. */

it('admits up to the limit at once; the next waits and starts when one finishes', async () => {
  const admission = new Admission({ maxInFlight: 2, maxWaitMs: 5_000, maxQueue: 5 });
  expect(await admission.enter()).toBe(true);
  expect(await admission.enter()).toBe(true);
  let third: boolean | undefined;
  const waiting = admission.enter().then((admitted) => (third = admitted));
  await new Promise((r) => setImmediate(r));
  expect(third).toBeUndefined();
  expect(admission.counts).toEqual({ inFlight: 2, queued: 1 });
  admission.release();
  await waiting;
  expect(third).toBe(true);
  // The slot passed on: still two in flight, none waiting.
  expect(admission.counts).toEqual({ inFlight: 2, queued: 0 });
});

it('a request that waits longer than the bound is refused, and leaves the line', async () => {
  const admission = new Admission({ maxInFlight: 1, maxWaitMs: 20, maxQueue: 5 });
  await admission.enter();
  expect(await admission.enter()).toBe(false);
  expect(admission.counts).toEqual({ inFlight: 1, queued: 0 });
  admission.release();
  expect(admission.counts).toEqual({ inFlight: 0, queued: 0 });
});

it('a full line refuses at once, without waiting', async () => {
  const admission = new Admission({ maxInFlight: 1, maxWaitMs: 60_000, maxQueue: 1 });
  await admission.enter();
  void admission.enter();
  const started = Date.now();
  expect(await admission.enter()).toBe(false);
  expect(Date.now() - started).toBeLessThan(1_000);
  // The one waiting starts when the first finishes (and its timer is cleared).
  admission.release();
  expect(admission.counts).toEqual({ inFlight: 1, queued: 0 });
});

it('a capacity setting that is not a whole number above 0 stops the gateway naming the variable, never falls back silently', async () => {
  const { admissionPolicy } = await import('../../gateway/src/admission');
  expect(admissionPolicy({})).toEqual({ maxInFlight: 12, maxWaitMs: 500, maxQueue: 200 });
  expect(() => admissionPolicy({ GATEWAY_MAX_IN_FLIGHT: 'lots' })).toThrow('GATEWAY_MAX_IN_FLIGHT must be a whole number of requests above 0 (got "lots").');
  expect(() => admissionPolicy({ GATEWAY_ADMISSION_WAIT_MS: '0' })).toThrow(/GATEWAY_ADMISSION_WAIT_MS must be a whole number of milliseconds/);
});
