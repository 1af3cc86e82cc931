import CircuitBreaker from 'opossum';

/**
 * A source that keeps failing is skipped for a short while, then tried again: one circuit breaker
 * (opossum) per source. It opens when at least half of the calls in the last 10 s failed (timed out,
 * refused, or answered 5xx) and there were at least SOURCE_BREAKER_MIN_CALLS (default 3) of them;
 * while open, calls fail at once as SOURCE_UNAVAILABLE instead of waiting for their timeout; after
 * SOURCE_BREAKER_RESET_MS (default 5 s) one call is let through, and its success closes the
 * breaker. Nothing needs restarting when the source recovers.
 */

const breakers = new Map<string, CircuitBreaker<[() => Promise<unknown>], unknown>>();

function numberFrom(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value && Number.isFinite(n) && n > 0 ? n : fallback;
}

function sourceBreaker(serviceName: string, env: NodeJS.ProcessEnv = process.env) {
  let breaker = breakers.get(serviceName);
  if (!breaker) {
    breaker = new CircuitBreaker((call: () => Promise<unknown>) => call(), {
      name: serviceName,
      // The call carries its own deadline (an abort signal); the breaker only counts outcomes.
      timeout: false,
      errorThresholdPercentage: 50,
      volumeThreshold: numberFrom(env.SOURCE_BREAKER_MIN_CALLS, 3),
      resetTimeout: numberFrom(env.SOURCE_BREAKER_RESET_MS, 5_000),
      rollingCountTimeout: 10_000,
      rollingCountBuckets: 10,
    });
    breakers.set(serviceName, breaker);
  }
  return breaker;
}

/** Runs one call to a source through its breaker. */
export function throughBreaker<T>(serviceName: string, call: () => Promise<T>): Promise<T> {
  return sourceBreaker(serviceName).fire(call) as Promise<T>;
}
