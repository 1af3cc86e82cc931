import type { TypedDocumentString } from '../generated/graphql';

/**
 * The panels' typed client: a generated document (its result and variables typed from the
 * supergraph) posted to the gateway with the host's token. Data and errors come back together, as
 * GraphQL means them: a partial record is still a record. A request that got no GraphQL answer at
 * all (unreachable, refused by CORS, an HTTP error page, no answer in time) comes back as a
 * `failure`, never as an empty record.
 */

export type TokenProvider = () => string | Promise<string>;

export interface CareRecordError {
  message: string;
  path?: Array<string | number>;
  extensions?: { code?: string; serviceName?: string; paths?: string[]; [key: string]: unknown };
}

/** Why a request brought back no GraphQL answer: the record could not say anything. */
export type RequestFailure =
  | { kind: 'unreachable' }
  | { kind: 'timeout'; seconds: number }
  | { kind: 'http'; status: number }
  | { kind: 'not-graphql'; status: number }
  | { kind: 'no-token' }
  /** The gateway was at capacity (SERVICE_BUSY) every time it was asked, until the time limit. */
  | { kind: 'busy' };

export interface CareRecordResult<T> {
  data: T | null;
  errors: CareRecordError[];
  /** Set when the request itself failed: then data is null and nothing about the patient is known. */
  failure?: RequestFailure;
}

/** A clinician waits this long at most before a panel says it could not load (measured: the whole record answers in well under a second). */
export const DEFAULT_TIMEOUT_SECONDS = 20;

class Timeout extends Error {}

/** A busy gateway's own Retry-After, at most this long (a clinician is waiting). */
const MAX_BUSY_WAIT_MS = 2_000;

const isBusyAnswer = (status: number, body: unknown) =>
  status === 503 && Array.isArray((body as { errors?: unknown })?.errors) && (body as { errors: CareRecordError[] }).errors.some((e) => e.extensions?.code === 'SERVICE_BUSY');

/** Resolves with the promise, or rejects with Timeout when the deadline passes first. */
function before<T>(promise: Promise<T>, deadline: Promise<never>): Promise<T> {
  return Promise.race([promise, deadline]);
}

const isGraphqlBody = (body: unknown): body is { data?: unknown; errors?: CareRecordError[] } =>
  typeof body === 'object' && body !== null && ('data' in body || Array.isArray((body as { errors?: unknown }).errors));

export async function execute<TResult, TVariables>(
  gatewayUrl: string,
  tokenProvider: TokenProvider,
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  options: { timeoutSeconds?: number; onBusy?: () => void } = {},
): Promise<CareRecordResult<TResult>> {
  const seconds = options.timeoutSeconds && options.timeoutSeconds > 0 ? options.timeoutSeconds : DEFAULT_TIMEOUT_SECONDS;
  const abort = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // One deadline for the whole request: the host's token, the answer's headers and its body.
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new Timeout());
      abort.abort();
    }, seconds * 1000);
  });
  const failed = (failure: RequestFailure): CareRecordResult<TResult> => ({ data: null, errors: [], failure });
  // Once the gateway has said it is busy, running out of time while asking again is still "busy".
  let refusedBusy = false;
  try {
    let token: string;
    try {
      token = await before(Promise.resolve().then(tokenProvider), deadline);
    } catch (error) {
      if (error instanceof Timeout) throw error;
      return failed({ kind: 'no-token' });
    }
    if (!token) return failed({ kind: 'no-token' });
    const deadlineAt = Date.now() + seconds * 1000;
    // A gateway at capacity refuses a request whole (503 SERVICE_BUSY, Retry-After): asked again after the wait it names, while time allows.
    for (;;) {
      let response: Response;
      try {
        response = await before(
          fetch(gatewayUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ query: document.toString(), variables }),
            signal: abort.signal,
          }),
          deadline,
        );
      } catch (error) {
        if (error instanceof Timeout || abort.signal.aborted) throw new Timeout();
        // fetch rejects alike for a refused connection, a DNS failure and a CORS refusal.
        return failed({ kind: 'unreachable' });
      }
      const body = await before(response.json().catch(() => undefined), deadline);
      if (isBusyAnswer(response.status, body)) {
        refusedBusy = true;
        options.onBusy?.();
        const wait = Math.min(MAX_BUSY_WAIT_MS, Math.max(250, Number(response.headers.get('retry-after') ?? 1) * 1000)) * (0.75 + Math.random() / 2);
        if (Date.now() + wait >= deadlineAt) return failed({ kind: 'busy' });
        await before(new Promise((resolve) => setTimeout(resolve, wait)), deadline);
        continue;
      }
      if (!isGraphqlBody(body)) return failed(response.ok ? { kind: 'not-graphql', status: response.status } : { kind: 'http', status: response.status });
      // An error status with a GraphQL answer keeps its errors: they say why.
      return { data: (body.data ?? null) as TResult | null, errors: body.errors ?? [], ...(response.ok || body.data ? {} : { failure: { kind: 'http' as const, status: response.status } }) };
    }
  } catch (error) {
    // The aborted fetch may reject before the deadline does: either way it was the time limit.
    if (error instanceof Timeout || abort.signal.aborted) return failed(refusedBusy ? { kind: 'busy' } : { kind: 'timeout', seconds });
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** Why the record could not be reached, in plain words, for a sentence "... : <reason>." */
export function failureReason(failure: RequestFailure): string {
  switch (failure.kind) {
    case 'unreachable':
      return 'the record service could not be reached';
    case 'timeout':
      return `the record service gave no answer in time (${failure.seconds} s)`;
    case 'http':
      return `the record service answered with an error (HTTP ${failure.status})`;
    case 'not-graphql':
      return `the answer from the record service could not be read (HTTP ${failure.status})`;
    case 'no-token':
      return 'no sign-in was available to ask the record service';
    case 'busy':
      return 'the record service was too busy to start your request in time';
  }
}

const same = (a: ReadonlyArray<string | number>, b: ReadonlyArray<string | number>) => a.length === b.length && a.every((part, i) => part === b[i]);

const within = (inner: ReadonlyArray<string | number>, outer: ReadonlyArray<string | number>) => outer.length <= inner.length && same(inner.slice(0, outer.length), outer);

export type SectionProblem =
  /**
   * Denied: to the user's role, or (`restrictedRecord`) to everyone, where the patient's record is
   * restricted and this says where they live or how to reach them; `restrictionUnknown`: withheld
   * the same way because whether the record is restricted is not known yet (fail closed).
   */
  | { kind: 'forbidden'; restrictedRecord?: boolean; restrictionUnknown?: boolean }
  | { kind: 'unavailable' | 'failed'; source?: string }
  | { kind: 'unreadable'; count: number }
  | { kind: 'error'; message: string };

/**
 * What happened to one response path. Never "nothing recorded" when the record could not say:
 * denied, its source did not answer or failed (SOURCE_UNAVAILABLE / SOURCE_FAILED name the paths
 * they cost, e.g. "patient.admissions"), items left out as unreadable, or any other error at or
 * above the path.
 */
export function problemAt(errors: CareRecordError[], path: string[]): SectionProblem | undefined {
  let unreadable = 0;
  for (const error of errors) {
    const code = error.extensions?.code;
    // Denied at the field or above it (a combined section's list lies under the denied section).
    if (code === 'FORBIDDEN_FIELD' && error.path && within(path, error.path)) {
      if (error.extensions?.reason !== 'restricted-record') return { kind: 'forbidden' };
      return error.extensions.restriction === 'unknown' ? { kind: 'forbidden', restrictedRecord: true, restrictionUnknown: true } : { kind: 'forbidden', restrictedRecord: true };
    }
    if ((code === 'SOURCE_UNAVAILABLE' || code === 'SOURCE_FAILED') && error.extensions?.paths?.some((p) => within(path, p.split('.')))) {
      return { kind: code === 'SOURCE_FAILED' ? 'failed' : 'unavailable', source: error.extensions.serviceName };
    }
    if (code === 'ITEM_UNREADABLE' && error.path && within(error.path, path)) unreadable += 1;
    else if (code !== 'FORBIDDEN_FIELD' && error.path && within(path, error.path)) return { kind: 'error', message: error.message };
  }
  return unreadable ? { kind: 'unreadable', count: unreadable } : undefined;
}

/**
 * An error about the whole patient (no care relationship, no shared record, not signed in; a role,
 * or a sign-in launched for another patient, that may not open this record): a refusal to say once,
 * which retrying cannot change.
 */
export function patientError(errors: CareRecordError[]): CareRecordError | undefined {
  const aboutThePatient = (e: CareRecordError) => !e.path || e.path.length <= 1;
  return errors.find((e) => ['NO_CARE_RELATIONSHIP', 'NO_SHARED_RECORD', 'UNAUTHENTICATED', 'BAD_USER_INPUT'].includes(String(e.extensions?.code)) || (['FORBIDDEN_FIELD', 'FORBIDDEN_ACTION'].includes(String(e.extensions?.code)) && aboutThePatient(e)));
}
