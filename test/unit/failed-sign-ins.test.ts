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

it('refusal lines are sampled: at most ten a second, the held-back count said on the next line; the token is never logged, only its issuer and key id', async () => {
  const { LogSampler, tokenClaimsForLog } = await import('../../gateway/src/refusals');
  const sampler = new LogSampler(10);
  const t = 5_000_000;
  const admitted = Array.from({ length: 25 }, (_, i) => sampler.admit(t + i));
  expect(admitted.filter((a) => a !== null)).toHaveLength(10);
  expect(sampler.admit(t + 1000)).toBe(15);
  const token = `eyJhbGciOiJSUzI1NiIsImtpZCI6Im15LWtpZCJ9.${Buffer.from(JSON.stringify({ iss: 'https://issuer.example', sub: 'x' })).toString('base64url')}.sig`;
  expect(tokenClaimsForLog(`Bearer ${token}`)).toEqual({ issuer: 'https://issuer.example', kid: 'my-kid' });
  expect(tokenClaimsForLog('Bearer not-a-token')).toEqual({ issuer: null, kid: null });
});
