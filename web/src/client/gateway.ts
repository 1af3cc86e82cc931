import type { TypedDocumentString } from '../generated/graphql';

/**
 * The panels' typed client: a generated document (its result and variables typed from the
 * supergraph) posted to the gateway with the host's token. Data and errors come back together, as
 * GraphQL means them: a partial record is still a record.
 */

export type TokenProvider = () => string | Promise<string>;

export interface CareRecordError {
  message: string;
  path?: Array<string | number>;
  extensions?: { code?: string; serviceName?: string; paths?: string[]; [key: string]: unknown };
}

export interface CareRecordResult<T> {
  data: T | null;
  errors: CareRecordError[];
}

export async function execute<TResult, TVariables>(
  gatewayUrl: string,
  tokenProvider: TokenProvider,
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
): Promise<CareRecordResult<TResult>> {
  const token = await tokenProvider();
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  const body = (await response.json().catch(() => ({ errors: [{ message: `The gateway answered ${response.status}` }] }))) as { data?: TResult; errors?: CareRecordError[] };
  return { data: body.data ?? null, errors: body.errors ?? [] };
}

const same = (a: ReadonlyArray<string | number>, b: ReadonlyArray<string | number>) => a.length === b.length && a.every((part, i) => part === b[i]);

const within = (inner: ReadonlyArray<string | number>, outer: ReadonlyArray<string | number>) => outer.length <= inner.length && same(inner.slice(0, outer.length), outer);

export type SectionProblem =
  | { kind: 'forbidden' }
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
    if (code === 'FORBIDDEN_FIELD' && error.path && same(error.path, path)) return { kind: 'forbidden' };
    if ((code === 'SOURCE_UNAVAILABLE' || code === 'SOURCE_FAILED') && error.extensions?.paths?.some((p) => within(path, p.split('.')))) {
      return { kind: code === 'SOURCE_FAILED' ? 'failed' : 'unavailable', source: error.extensions.serviceName };
    }
    if (code === 'ITEM_UNREADABLE' && error.path && within(error.path, path)) unreadable += 1;
    else if (code !== 'FORBIDDEN_FIELD' && error.path && within(path, error.path)) return { kind: 'error', message: error.message };
  }
  return unreadable ? { kind: 'unreadable', count: unreadable } : undefined;
}

/** An error about the whole patient (no care relationship, no shared record, not signed in). */
export function patientError(errors: CareRecordError[]): CareRecordError | undefined {
  return errors.find((e) => ['NO_CARE_RELATIONSHIP', 'NO_SHARED_RECORD', 'UNAUTHENTICATED', 'BAD_USER_INPUT'].includes(String(e.extensions?.code)) || (e.extensions?.code === 'FORBIDDEN_FIELD' && (!e.path || e.path.length <= 1)));
}
