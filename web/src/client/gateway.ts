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
  extensions?: { code?: string; serviceName?: string; paths?: Array<string | string[]>; [key: string]: unknown };
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

/** What happened to one response path: denied, its source did not answer, or nothing wrong. */
export function problemAt(errors: CareRecordError[], path: string[]): { kind: 'forbidden' | 'unavailable'; source?: string } | undefined {
  for (const error of errors) {
    const code = error.extensions?.code;
    if (code === 'FORBIDDEN_FIELD' && error.path && same(error.path, path)) return { kind: 'forbidden' };
    if (code === 'SOURCE_UNAVAILABLE' && error.extensions?.paths?.map((p) => (typeof p === 'string' ? p.split('.') : p)).some((p) => same(p, path) || same(p, path.slice(0, p.length)))) {
      return { kind: 'unavailable', source: error.extensions.serviceName };
    }
  }
  return undefined;
}

/** An error about the whole patient (no care relationship, no shared record, not signed in). */
export function patientError(errors: CareRecordError[]): CareRecordError | undefined {
  return errors.find((e) => ['NO_CARE_RELATIONSHIP', 'NO_SHARED_RECORD', 'UNAUTHENTICATED', 'BAD_USER_INPUT'].includes(String(e.extensions?.code)) || (e.extensions?.code === 'FORBIDDEN_FIELD' && (!e.path || e.path.length <= 1)));
}
