/**
 * Waiting in tests: poll until the effect is there (never a fixed sleep), within a bound, and say
 * what did not happen. A check that throws counts as not yet.
 */
/** Returns the first truthy value the check gives. */
export async function pollUntil<T>(what: string, check: () => Promise<T | null | undefined | false>, timeoutMs = 60_000, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`${what} did not happen within ${timeoutMs / 1000}s; last: ${last instanceof Error ? last.message : JSON.stringify(last)}`);
}
