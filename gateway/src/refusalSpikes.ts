import { randomUUID } from 'node:crypto';
import { GATEWAY_SERVICE_USER, IDENTITY_HEADER, positiveWholeNumber, REQUEST_ID_HEADER, REFUSAL_SPIKE_PATH, serviceLogger, signGatewayIdentity, type RefusalSpike } from '@shareforyou/kit';
import { subgraphUrl } from '@shareforyou/schema';
import { subgraphFetch } from './subgraphFetch';

/**
 * A spike of refusals for one user or one client address is a finding for the privacy office
 * (issue #21.2): someone guessing tokens, a script walking records it may not see, or a broken
 * client. Counted here, where every refusal passes (the audit trail never sees a request refused
 * before a user is known), in fixed windows; the first time a subject reaches the threshold in a
 * window the gateway reports it to the audit service, which raises a REFUSAL_SPIKE alert (console
 * and webhook). Each gateway instance counts its own share: behind a load balancer of n instances
 * a spike is seen when one instance alone reaches the threshold, so set it per instance.
 */

export interface RefusalSpikePolicy {
  /** Refusals of one subject within one window that make a spike. */
  threshold: number;
  windowMs: number;
  /** Subjects counted per window at most: a flood from many addresses cannot grow memory without bound. */
  maxSubjects: number;
}

export function refusalSpikePolicy(env: NodeJS.ProcessEnv = process.env): RefusalSpikePolicy {
  return {
    threshold: positiveWholeNumber(env, 'GATEWAY_REFUSAL_SPIKE_THRESHOLD', 50, 'refusals'),
    windowMs: positiveWholeNumber(env, 'GATEWAY_REFUSAL_SPIKE_WINDOW_SECONDS', 300, 'seconds') * 1000,
    maxSubjects: 50_000,
  };
}

interface Tally {
  count: number;
  codes: Record<string, number>;
}

/** Counts refusals by subject in fixed windows; says a spike once per subject and window. */
export class RefusalSpikes {
  private windowStart = 0;
  private tallies = new Map<string, Tally>();
  /** Subjects not counted this window because maxSubjects was reached. */
  uncounted = 0;

  constructor(private readonly policy: RefusalSpikePolicy) {}

  /** The spikes this refusal completes (none, or one per subject that reached the threshold just now). */
  count(refusal: { code: string; address: string | null; userId?: string | null }, now = Date.now()): RefusalSpike[] {
    const windowStart = Math.floor(now / this.policy.windowMs) * this.policy.windowMs;
    if (windowStart !== this.windowStart) {
      this.windowStart = windowStart;
      this.tallies = new Map();
      this.uncounted = 0;
    }
    const subjects = [refusal.address ? `address:${refusal.address}` : null, refusal.userId ? `user:${refusal.userId}` : null].filter((s): s is string => s !== null);
    const spikes: RefusalSpike[] = [];
    for (const subject of subjects) {
      let tally = this.tallies.get(subject);
      if (!tally) {
        if (this.tallies.size >= this.policy.maxSubjects) {
          this.uncounted += 1;
          continue;
        }
        tally = { count: 0, codes: {} };
        this.tallies.set(subject, tally);
      }
      tally.count += 1;
      tally.codes[refusal.code] = (tally.codes[refusal.code] ?? 0) + 1;
      if (tally.count === this.policy.threshold) {
        spikes.push({ subject, windowStart: new Date(windowStart).toISOString(), windowSeconds: this.policy.windowMs / 1000, refusals: tally.count, codes: { ...tally.codes } });
      }
    }
    return spikes;
  }
}

const log = serviceLogger('gateway');

/** Tells the audit service; a failure is logged and never affects the request being refused. */
export async function reportRefusalSpike(spike: RefusalSpike): Promise<void> {
  const requestId = randomUUID();
  try {
    const response = await subgraphFetch(new URL(REFUSAL_SPIKE_PATH, subgraphUrl('audit')).toString(), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [IDENTITY_HEADER]: signGatewayIdentity({ ...GATEWAY_SERVICE_USER, requestId, operationName: 'RefusalSpike', application: 'shareforyou-gateway', internal: true }),
        [REQUEST_ID_HEADER]: requestId,
      },
      body: JSON.stringify(spike),
      signal: AbortSignal.timeout(5_000),
    });
    await response.arrayBuffer().catch(() => undefined);
    if (!response.ok) throw new Error(`the audit service answered ${response.status}`);
  } catch (error) {
    log.error({ subject: spike.subject, refusals: spike.refusals, reason: (error as Error).message }, 'a refusal spike could not be reported to the audit service (see the refusals counter on /metrics)');
  }
}
