import { HeaderMap } from '@apollo/server';
import { careRecordError, ErrorCode, positiveWholeNumber } from '@shareforyou/kit';

/**
 * Failed authentications per client address, a fixed minute at a time: past the limit, the address
 * is answered 429 with Retry-After until its minute is over, before any token is looked at (issue
 * #21.1). A genuine user at another address is never held up by a stranger's flood. The address is
 * the socket's, or behind a TLS-terminating proxy listed in GATEWAY_TRUSTED_PROXIES the one that
 * proxy puts in X-Forwarded-For (no other sender's forwarding header is believed).
 */

const WINDOW_MS = 60_000;

export class FailedSignIns {
  private readonly byAddress = new Map<string, { since: number; failures: number }>();

  constructor(readonly perMinute: number) {}

  /** Seconds the address must wait, or 0 when it may try. */
  retryAfterSeconds(address: string, now = Date.now()): number {
    const entry = this.byAddress.get(address);
    if (!entry || now - entry.since >= WINDOW_MS || entry.failures < this.perMinute) return 0;
    return Math.max(1, Math.ceil((entry.since + WINDOW_MS - now) / 1000));
  }

  record(address: string, now = Date.now()): void {
    const entry = this.byAddress.get(address);
    if (!entry || now - entry.since >= WINDOW_MS) this.byAddress.set(address, { since: now, failures: 1 });
    else entry.failures++;
    // Bounded memory: a flood from many addresses forgets the ones whose minute is over.
    if (this.byAddress.size > 50_000) for (const [key, value] of this.byAddress) if (now - value.since >= WINDOW_MS) this.byAddress.delete(key);
  }
}

export function failedSignInsPerMinute(): number {
  return positiveWholeNumber(process.env, 'GATEWAY_FAILED_SIGN_INS_PER_MINUTE', 30, 'failed sign-ins');
}

export function tooManyFailedSignIns(retryAfterSeconds: number) {
  return careRecordError(ErrorCode.UNAUTHENTICATED, `Too many failed sign-ins from this address: try again in ${retryAfterSeconds} s.`, {
    retryAfterSeconds,
    http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
  });
}
