import { Agent, request as httpRequest, type ClientRequest } from 'node:http';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import type { HttpPart, LevelPlan, LoadgenMessage, LoadPlan, RequestSpec } from './plan';
import { IDENTITY_HEADER, signGatewayIdentity } from '@shareforyou/kit/src/identity';
import { readAnswer } from './answers';
import { summarise } from './stats';

/**
 * The load generator: a separate process, so the bench's own work (metrics, stacks) never competes
 * with the measured client on the same event loop. Closed loop: each of `concurrency` workers sends
 * a request, waits for the answer, sends the next, until the level's time is up. Loopback only.
 *
 *   stdin:  one line with the LoadPlan; then per level "go" (warm up) or "stop" (no more levels),
 *           and after {"type":"ready"} another "go" (measure: the bench has read the metrics)
 *   stdout: {"type":"ready"} before each measured level, {"type":"result"} after it
 */

const LOOPBACK = /^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\]):\d+\//;

function say(message: LoadgenMessage): void {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

/**
 * What became of one request: answered whole (ok), answered with part of the record missing
 * (partial: a GraphQL answer with data and errors), refused whole at capacity (busy: 503
 * SERVICE_BUSY, with the seconds to wait), or failed.
 */
interface Outcome {
  ok: boolean;
  bytes: number;
  problem?: string;
  partial?: boolean;
  busySeconds?: number;
}

class Client {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: Infinity });
  readonly inFlight = new Set<ClientRequest>();

  constructor(
    private readonly plan: LoadPlan,
  ) {}

  private sendPart(part: HttpPart): Promise<Outcome> {
    return new Promise((resolve) => {
      const body = Buffer.from(part.body);
      const identities = part.identity ? Object.fromEntries((part.identityHeaders ?? [IDENTITY_HEADER]).map((name) => [name, signGatewayIdentity(part.identity!)])) : {};
      const req = httpRequest(part.url, {
        method: part.method ?? 'POST',
        agent: this.agent,
        headers: { ...part.headers, ...identities, ...(part.method === 'GET' ? {} : { 'content-length': String(body.length) }) },
      });
      this.inFlight.add(req);
      const finish = (outcome: Outcome) => {
        this.inFlight.delete(req);
        resolve(outcome);
      };
      req.setTimeout(this.plan.timeoutMs, () => req.destroy(new Error(`no answer within ${this.plan.timeoutMs} ms`)));
      req.on('error', (error) => finish({ ok: false, bytes: 0, problem: `${part.url}: ${error.message}` }));
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (error) => finish({ ok: false, bytes: 0, problem: `${part.url}: ${error.message}` }));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const answer = readAnswer(this.plan.check, res.statusCode, res.headers['retry-after'] as string | undefined, text);
          finish({ ...answer, bytes: text.length, problem: answer.ok || answer.busySeconds !== undefined ? undefined : `${part.url} ${res.statusCode}: ${text.slice(0, 400)}` });
        });
      });
      req.end(body);
    });
  }

  async send(spec: RequestSpec): Promise<Outcome> {
    const outcomes = await Promise.all(spec.parts.map((part) => this.sendPart(part)));
    const busy = outcomes.filter((o) => o.busySeconds !== undefined);
    return {
      ok: outcomes.every((o) => o.ok),
      bytes: outcomes.reduce((sum, o) => sum + o.bytes, 0),
      problem: outcomes.find((o) => o.problem)?.problem,
      partial: outcomes.some((o) => o.partial),
      busySeconds: busy.length ? Math.max(...busy.map((o) => o.busySeconds!)) : undefined,
    };
  }

  abandonAll(): void {
    for (const req of this.inFlight) req.destroy(new Error('abandoned at the end of the level'));
  }

  close(): void {
    this.agent.destroy();
  }
}

async function runLevel(client: Client, plan: LoadPlan, level: LevelPlan, next: () => RequestSpec, record: boolean) {
  const latenciesMs: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  let refused = 0;
  let partial = 0;
  let bytes = 0;
  let unfinished = 0;
  let stopped = false;
  /** Logical requests in flight (a floor request is several HTTP calls). */
  let busy = 0;
  const start = performance.now();
  let lastDone = start;
  const deadline = start + (record ? level.durationMs : level.warmupMs);

  const worker = async () => {
    while (!stopped && performance.now() < deadline) {
      const spec = next();
      const t0 = performance.now();
      busy += 1;
      const outcome = await client.send(spec);
      busy -= 1;
      const t1 = performance.now();
      if (stopped) return; // abandoned during the drain: not a measurement
      lastDone = t1;
      if (outcome.busySeconds !== undefined) {
        // Refused whole: a client waits what Retry-After says before asking again (the panels do).
        refused += 1;
        await new Promise((resolve) => setTimeout(resolve, Math.min(outcome.busySeconds! * 1000, Math.max(0, deadline - performance.now()))));
        continue;
      }
      latenciesMs.push(t1 - t0);
      if (outcome.partial) partial += 1;
      bytes += outcome.bytes;
      if (!outcome.ok) {
        errors += 1;
        if (errorSamples.length < 5 && outcome.problem) errorSamples.push(outcome.problem);
      }
    }
  };
  const workers = Array.from({ length: level.concurrency }, () => worker());
  const all = Promise.all(workers);
  // Bounded drain: requests still running drainMs after the deadline are abandoned.
  const drain = new Promise<'drained'>((resolve) => {
    const wait = Math.max(0, deadline - performance.now()) + plan.drainMs;
    const timer = setTimeout(() => resolve('drained'), wait);
    void all.then(() => clearTimeout(timer));
  });
  if ((await Promise.race([all.then(() => 'done' as const), drain])) === 'drained') {
    stopped = true;
    unfinished = busy;
    client.abandonAll();
    await all;
  }
  return { samples: { latenciesMs, errors, refused, partial, elapsedMs: lastDone - start, bytes }, unfinished, errorSamples };
}

async function main(): Promise<void> {
  const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
  const first = await lines.next();
  if (first.done) throw new Error('no plan on stdin');
  const plan = JSON.parse(first.value) as LoadPlan;
  for (const spec of plan.requests) {
    for (const part of spec.parts) if (!LOOPBACK.test(part.url)) throw new Error(`refusing a non-loopback target: ${part.url}`);
  }
  if (plan.requests.length === 0) throw new Error('the plan has no requests');

  const client = new Client(plan);
  let cursor = 0;
  let repeated = 0;
  const next = () => {
    if (plan.once && cursor >= plan.requests.length) repeated += 1;
    const spec = plan.requests[cursor % plan.requests.length];
    cursor += 1;
    return spec;
  };

  for (const [index, level] of plan.levels.entries()) {
    const start = await lines.next();
    if (start.done || start.value.trim() !== 'go') break;
    if (level.warmupMs > 0) await runLevel(client, plan, level, next, false);
    say({ type: 'ready', level: index });
    const go = await lines.next();
    if (go.done || go.value.trim() !== 'go') break;
    const repeatedBefore = repeated;
    const { samples, unfinished, errorSamples } = await runLevel(client, plan, level, next, true);
    say({ type: 'result', level: index, concurrency: level.concurrency, stats: summarise(samples), unfinished, repeated: repeated - repeatedBefore, errorSamples });
  }
  client.close();
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    say({ type: 'fatal', message: error.message });
    process.exit(1);
  },
);
