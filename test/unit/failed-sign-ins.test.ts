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

it('refusal lines are sampled: at most ten a second for each code, the held-back count said on the next line; the token is never logged, only its issuer and key id', async () => {
  const { LogSampler, LogSamplerByCode, tokenClaimsForLog } = await import('../../gateway/src/refusals');
  const sampler = new LogSampler(10);
  const t = 5_000_000;
  const admitted = Array.from({ length: 25 }, (_, i) => sampler.admit(t + i));
  expect(admitted.filter((a) => a !== null)).toHaveLength(10);
  expect(sampler.admit(t + 1000)).toBe(15);
  // A flood of one code does not silence another: the GP refused record after record is still logged.
  const byCode = new LogSamplerByCode(10, 2);
  for (let i = 0; i < 25; i++) byCode.admit('UNAUTHENTICATED', t + i);
  expect(byCode.admit('UNAUTHENTICATED', t + 30)).toBeNull();
  expect(byCode.admit('NO_CARE_RELATIONSHIP', t + 30)).toBe(0);
  // Past the cap of codes, the rest share one sampler.
  expect(Array.from({ length: 12 }, (_, i) => byCode.admit(`MADE_UP_${i}`, t + 40)).filter((a) => a !== null)).toHaveLength(10);
  const token = `eyJhbGciOiJSUzI1NiIsImtpZCI6Im15LWtpZCJ9.${Buffer.from(JSON.stringify({ iss: 'https://issuer.example', sub: 'x' })).toString('base64url')}.sig`;
  expect(tokenClaimsForLog(`Bearer ${token}`)).toEqual({ issuer: 'https://issuer.example', kid: 'my-kid' });
  expect(tokenClaimsForLog('Bearer not-a-token')).toEqual({ issuer: null, kid: null });
});
