import { FailedSignIns } from '../../gateway/src/failedSignIns';

/** Failed sign-ins are counted per address, a minute at a time; past the limit the address waits out its minute. */

it('an address past the limit waits the rest of its minute; another address is not held up; the next minute starts afresh', () => {
  const limiter = new FailedSignIns(3);
  const t0 = 1_000_000;
  for (let i = 0; i < 3; i++) {
    expect(limiter.retryAfterSeconds('10.0.0.1', t0 + i)).toBe(0);
    limiter.record('10.0.0.1', t0 + i);
  }
  expect(limiter.retryAfterSeconds('10.0.0.1', t0 + 10_000)).toBe(50);
  expect(limiter.retryAfterSeconds('10.0.0.2', t0 + 10_000)).toBe(0);
  expect(limiter.retryAfterSeconds('10.0.0.1', t0 + 60_000)).toBe(0);
  limiter.record('10.0.0.1', t0 + 60_000);
  expect(limiter.retryAfterSeconds('10.0.0.1', t0 + 60_001)).toBe(0);
});
