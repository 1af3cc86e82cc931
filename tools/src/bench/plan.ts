import type { GatewayIdentity } from '@shareforyou/kit/src/identity';
import type { LevelStats } from './stats';

/**
 * What the bench tells its load generator (one JSON line on stdin) and what it answers (JSON lines
 * on stdout). The generator knows nothing of the product: it sends prepared HTTP requests.
 */

export interface HttpPart {
  url: string;
  /** POST unless said (the FHIR API's reads are GET, with an empty body). */
  method?: 'GET' | 'POST';
  headers: Record<string, string>;
  body: string;
  /** The floor's parts: a gateway identity signed for each send (a subgraph spends each one it accepts). */
  identity?: GatewayIdentity;
  /**
   * The headers that each get their own freshly signed `identity` on each send; default the one a
   * subgraph reads. The compiled peer's parts: one per subgraph, which the router forwards (hiveRouter.ts).
   */
  identityHeaders?: string[];
}

/** One logical request: its parts are sent in parallel and it completes when the last one does. */
export interface RequestSpec {
  parts: HttpPart[];
  /** A feed request: the FHIR entries its bundle carries (ingest is reported in entries per second too). */
  entries?: number;
}

export interface LevelPlan {
  concurrency: number;
  /** Load at this concurrency before measuring, not recorded. */
  warmupMs: number;
  durationMs: number;
}

export interface LoadPlan {
  label: string;
  /** Cycled round-robin across all workers. */
  requests: RequestSpec[];
  /** Each request is meant to be sent once (new data): count how many had to be sent again. */
  once?: boolean;
  /** graphql: 200 and no "errors"; fhir: 200 and no error issue in any entry's outcome of the response Bundle. */
  check: 'graphql' | 'fhir';
  /** A single request taking longer is abandoned and counted as an error. */
  timeoutMs: number;
  /** After the level's time is up, how long to wait for requests still in flight before abandoning them. */
  drainMs: number;
  levels: LevelPlan[];
}

export type LoadgenMessage =
  | { type: 'ready'; level: number }
  | {
      type: 'result';
      level: number;
      concurrency: number;
      stats: LevelStats;
      /** Requests still in flight when the drain time ran out (not in the latencies). */
      unfinished: number;
      /** Requests sent again after the pool of once-only requests ran out. */
      repeated: number;
      errorSamples: string[];
    }
  | { type: 'fatal'; message: string };
