/**
 * What the gateway tells the audit service when refusals for one user or one client address spike
 * (issue #21.2): the contract between gateway/src/refusalSpikes.ts, which counts, and the audit
 * service's REFUSAL_SPIKE_PATH, which raises the privacy office's alert. No patient data: a subject
 * is a client address or a staff user id, and the codes are error codes.
 */

export const REFUSAL_SPIKE_PATH = '/refusal-spikes';

export interface RefusalSpike {
  /** `address:<client address>` or `user:<user id>`. */
  subject: string;
  /** The window's start (ISO 8601). */
  windowStart: string;
  windowSeconds: number;
  refusals: number;
  /** Refusals by error code within the window so far. */
  codes: Record<string, number>;
}

const SUBJECT = /^(address|user):[\w.:@%-]{1,200}$/;
const CODE = /^[A-Z_]{1,60}$/;

/** The spike, checked whole, or null when the body is not one (nothing is raised then). */
export function refusalSpikeOf(body: unknown): RefusalSpike | null {
  if (!body || typeof body !== 'object') return null;
  const b = body as Record<string, unknown>;
  const count = (n: unknown) => Number.isInteger(n) && (n as number) > 0 && (n as number) < 1e9;
  if (typeof b.subject !== 'string' || !SUBJECT.test(b.subject)) return null;
  if (typeof b.windowStart !== 'string' || Number.isNaN(Date.parse(b.windowStart))) return null;
  if (!count(b.windowSeconds) || !count(b.refusals)) return null;
  if (!b.codes || typeof b.codes !== 'object' || Array.isArray(b.codes)) return null;
  const codes = Object.entries(b.codes as Record<string, unknown>);
  if (codes.length === 0 || codes.length > 20 || codes.some(([code, n]) => !CODE.test(code) || !count(n))) return null;
  return { subject: b.subject, windowStart: new Date(b.windowStart).toISOString(), windowSeconds: b.windowSeconds as number, refusals: b.refusals as number, codes: Object.fromEntries(codes) as Record<string, number> };
}

/** One line for the console and the webhook: "52 refusals in 5 min from address 10.1.2.3 (UNAUTHENTICATED 52)". */
export function refusalSpikeTitle(spike: RefusalSpike): string {
  const [kind, ...rest] = spike.subject.split(':');
  const who = kind === 'address' ? `from address ${rest.join(':')}` : `for user ${rest.join(':')}`;
  const codes = Object.entries(spike.codes).sort((a, b) => b[1] - a[1]).map(([code, n]) => `${code} ${n}`).join(', ');
  const minutes = spike.windowSeconds % 60 === 0 ? `${spike.windowSeconds / 60} min` : `${spike.windowSeconds} s`;
  return `${spike.refusals} refusals in ${minutes} ${who} (${codes})`;
}
