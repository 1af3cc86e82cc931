import jwt from 'jsonwebtoken';
import { Counter } from 'prom-client';
import { metricsRegistry, serviceLogger } from '@shareforyou/kit';
import { refusalSpikePolicy, RefusalSpikes, reportRefusalSpike } from './refusalSpikes';

/**
 * Every refusal is a log line and a metric (issue #21.2): an unauthenticated, rate-limited,
 * forbidden or malformed request is counted on /metrics by code and logged at warn with the
 * reason, the client's address and, for a token, its issuer and key id (never the token, never
 * patient data). The lines are sampled (at most LINES_PER_SECOND for each code, the rest counted
 * into the next line of that code as `suppressed`) so that a flood cannot fill a disk, and a flood
 * of one kind (made-up tokens) cannot silence another (a GP refused record after record); the
 * counter counts every one. A spike for one user or address is reported to the privacy office
 * (refusalSpikes.ts).
 */

const log = serviceLogger('gateway');

export const refusals = new Counter({
  name: 'shareforyou_gateway_refusals_total',
  help: 'Requests or fields the gateway refused, by error code (UNAUTHENTICATED, FORBIDDEN_FIELD, BAD_USER_INPUT, ...) and kind (token, rate-limited, access, field, request)',
  labelNames: ['code', 'kind'] as const,
  registers: [metricsRegistry],
});

const LINES_PER_SECOND = 10;

/** At most `perSecond` lines a second; how many were held back is said on the next line let through. */
export class LogSampler {
  private second = 0;
  private lines = 0;
  private suppressed = 0;

  constructor(private readonly perSecond: number) {}

  /** null: hold this line back; else the number held back since the last line let through. */
  admit(now = Date.now()): number | null {
    const second = Math.floor(now / 1000);
    if (second !== this.second) {
      this.second = second;
      this.lines = 0;
    }
    if (this.lines >= this.perSecond) {
      this.suppressed++;
      return null;
    }
    this.lines++;
    const held = this.suppressed;
    this.suppressed = 0;
    return held;
  }
}

/** One sampler for each refusal code; codes are our own small set, but a cap keeps a stranger's from growing it. */
export class LogSamplerByCode {
  private readonly samplers = new Map<string, LogSampler>();
  private readonly other: LogSampler;

  constructor(private readonly perSecond: number, private readonly maxCodes = 32) {
    this.other = new LogSampler(perSecond);
  }

  admit(code: string, now = Date.now()): number | null {
    let sampler = this.samplers.get(code);
    if (!sampler) {
      if (this.samplers.size >= this.maxCodes) return this.other.admit(now);
      sampler = new LogSampler(this.perSecond);
      this.samplers.set(code, sampler);
    }
    return sampler.admit(now);
  }
}

const sampler = new LogSamplerByCode(LINES_PER_SECOND);
const spikes = new RefusalSpikes(refusalSpikePolicy());

/** The issuer and key id a bearer token claims, unverified, short; never the token. */
export function tokenClaimsForLog(authorization: string | undefined): { issuer: string | null; kid: string | null } {
  const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
  if (!token) return { issuer: null, kid: null };
  try {
    const decoded = jwt.decode(token, { complete: true });
    const issuer = typeof (decoded?.payload as { iss?: unknown } | undefined)?.iss === 'string' ? String((decoded!.payload as { iss: string }).iss).slice(0, 120) : null;
    const kid = typeof decoded?.header.kid === 'string' ? decoded.header.kid.slice(0, 80) : null;
    return { issuer, kid };
  } catch {
    return { issuer: null, kid: null };
  }
}

export interface Refusal {
  code: string;
  /** A small fixed set, for the metric's label: token, rate-limited, access, field, request. */
  kind: 'token' | 'rate-limited' | 'access' | 'field' | 'request';
  /** Why, in words that hold no patient data (our own messages, a field coordinate, a limit). */
  reason: string;
  address: string | null;
  requestId?: string;
  userId?: string;
  issuer?: string | null;
  kid?: string | null;
}

export function recordRefusal(refusal: Refusal, now = Date.now()): void {
  refusals.inc({ code: refusal.code, kind: refusal.kind });
  for (const spike of spikes.count(refusal, now)) {
    log.warn({ subject: spike.subject, refusals: spike.refusals, windowSeconds: spike.windowSeconds, codes: spike.codes }, 'refusal spike: reported to the privacy office');
    void reportRefusalSpike(spike);
  }
  const suppressed = sampler.admit(refusal.code, now);
  if (suppressed === null) return;
  log.warn({ ...refusal, reason: refusal.reason.slice(0, 200), suppressed }, 'refused');
}
