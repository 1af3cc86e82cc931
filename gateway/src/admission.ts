import type { NextFunction, Request, Response } from 'express';
import { Counter, Gauge } from 'prom-client';
import { ErrorCode, metricsRegistry, positiveWholeNumber, serviceLogger } from '@shareforyou/kit';
import { LogSampler } from './refusals';

/**
 * Overload refused, not degraded (issue #20.6). Past what the stack can serve within the request
 * deadline, a request queued behind the others would start late, have its sources time out, and
 * come back partial (a source named SOURCE_UNAVAILABLE though it is up): the worst answer for a
 * clinician, who cannot tell it from a real outage. So the gateway admits at most
 * GATEWAY_MAX_IN_FLIGHT requests at once; the next ones wait in line at most
 * GATEWAY_ADMISSION_WAIT_MS (and at most GATEWAY_ADMISSION_QUEUE of them), then are refused whole
 * and early: HTTP 503 with Retry-After and the code SERVICE_BUSY, which the viewer and the panels
 * show as "busy, retrying" and retry. What is answered is answered whole.
 */

export interface AdmissionPolicy {
  maxInFlight: number;
  maxWaitMs: number;
  maxQueue: number;
}

export function admissionPolicy(env: NodeJS.ProcessEnv = process.env): AdmissionPolicy {
  return {
    maxInFlight: positiveWholeNumber(env, 'GATEWAY_MAX_IN_FLIGHT', 12, 'requests'),
    maxWaitMs: positiveWholeNumber(env, 'GATEWAY_ADMISSION_WAIT_MS', 500, 'milliseconds'),
    maxQueue: positiveWholeNumber(env, 'GATEWAY_ADMISSION_QUEUE', 200, 'requests'),
  };
}

const refusedTotal = new Counter({
  name: 'shareforyou_gateway_busy_refusals_total',
  help: 'Requests refused whole because the gateway was at capacity (SERVICE_BUSY, HTTP 503)',
  registers: [metricsRegistry],
});
const inFlightGauge = new Gauge({ name: 'shareforyou_gateway_in_flight', help: 'Requests being answered now', registers: [metricsRegistry] });
const queuedGauge = new Gauge({ name: 'shareforyou_gateway_queued', help: 'Requests waiting to be admitted', registers: [metricsRegistry] });

/** Who may start now, who waits, and who is refused: plain bookkeeping, no I/O. */
export class Admission {
  private inFlight = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly policy: AdmissionPolicy) {}

  /** Resolves true when admitted (call release when done), false when refused. */
  enter(): Promise<boolean> {
    if (this.inFlight < this.policy.maxInFlight) {
      this.inFlight += 1;
      this.report();
      return Promise.resolve(true);
    }
    if (this.waiting.length >= this.policy.maxQueue) return Promise.resolve(false);
    return new Promise((resolve) => {
      const admit = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        const at = this.waiting.indexOf(admit);
        if (at >= 0) this.waiting.splice(at, 1);
        this.report();
        resolve(false);
      }, this.policy.maxWaitMs);
      this.waiting.push(admit);
      this.report();
    });
  }

  /** A finished request makes room: the longest waiting starts (its slot passes on), else the count drops. */
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.inFlight -= 1;
    this.report();
  }

  get counts() {
    return { inFlight: this.inFlight, queued: this.waiting.length };
  }

  private report(): void {
    inFlightGauge.set(this.inFlight);
    queuedGauge.set(this.waiting.length);
  }
}

const log = serviceLogger('gateway');
const sampler = new LogSampler(1);
const RETRY_AFTER_SECONDS = 1;

/** Express middleware: admits, or answers 503 SERVICE_BUSY before the request is read. */
export function admissionControl(admission = new Admission(admissionPolicy())) {
  return async (_req: Request, res: Response, next: NextFunction) => {
    if (!(await admission.enter())) {
      refusedTotal.inc();
      const held = sampler.admit();
      if (held !== null) log.warn({ ...admission.counts, ...admission.policy, heldBack: held }, 'at capacity: refused a request whole (SERVICE_BUSY)');
      res
        .status(503)
        .set('retry-after', String(RETRY_AFTER_SECONDS))
        .json({ errors: [{ message: 'The care record is busy: your request was not started, so nothing was half-answered. It is tried again in a moment.', extensions: { code: ErrorCode.SERVICE_BUSY, retryAfterSeconds: RETRY_AFTER_SECONDS } }] });
      return;
    }
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      admission.release();
    };
    // Finished, or the client went away: either way the slot is free.
    res.once('finish', release);
    res.once('close', release);
    next();
  };
}
