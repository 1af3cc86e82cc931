import { consoleLink, retryDelay, retryPolicy } from '../../subgraphs/audit/src/alerts/alertDelivery';

describe('alert delivery rules', () => {
  it('doubles the wait after each failed attempt, up to the cap', () => {
    const policy = { baseMs: 1000, maxMs: 5000 };
    expect([1, 2, 3, 4, 5].map((n) => retryDelay(n, policy))).toEqual([1000, 2000, 4000, 5000, 5000]);
  });
  it('reads the policy from configuration, ignoring nonsense', () => {
    expect(retryPolicy({ ALERT_RETRY_BASE_MS: '250', ALERT_RETRY_MAX_MS: 'x' })).toEqual({ baseMs: 250, maxMs: 900_000 });
  });
  it('links into the console by alert id', () => {
    expect(consoleLink('break-glass:abc', 'https://console.example/privacy/')).toBe('https://console.example/privacy/alerts/break-glass%3Aabc');
  });
});
