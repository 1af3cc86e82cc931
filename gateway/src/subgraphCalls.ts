import { randomUUID } from 'node:crypto';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher, FetcherRequestInit, FetcherResponse } from '@apollo/utils.fetcher';
import { GraphQLError, Kind, parse, type DocumentNode, type SelectionSetNode } from 'graphql';
import { DEADLINE_HEADER, errorDetail, IDENTITY_HEADER, REQUEST_ID_HEADER, serviceLogger } from '@shareforyou/kit';
import { subgraphFetch } from './subgraphFetch';
import { subgraphUrl } from '@shareforyou/schema';
import type { GatewayContext } from './context';
import { throughBreaker } from './sourceBreaker';
import { callBudgetMs, sourceTimeoutMs } from './sourceDeadlines';
import { sourceFailed, sourceUnavailable, type UnavailableReason } from './sourceErrors';

/**
 * Every call to a subgraph carries the request id, a short-lived identity the gateway signs for
 * this user and this request, and the time left before the request's deadline. It is aborted when
 * its own timeout or the deadline comes, and goes through the source's circuit breaker. Subgraph
 * URLs come from the service list (SHAREFORYOU_PORT_BASE or SUBGRAPH_URL_<NAME>), not from the
 * composed file, so one supergraph serves every environment.
 */

const log = serviceLogger('gateway');

/** A 5xx answer counts as a failure for the breaker; the response itself still goes back to Apollo. */
class FailedAnswer extends Error {
  constructor(readonly response: Response) {
    super(`answered ${response.status}`);
  }
}

function budgetOf(init: FetcherRequestInit | undefined): number {
  const headers = (init?.headers ?? {}) as Record<string, string>;
  return Number(headers[DEADLINE_HEADER] ?? 0);
}

/**
 * A subgraph spends each identity it accepts, and one subgraph call can be two HTTP requests (the
 * persisted query's hash, then the query when the subgraph does not know it yet). So the identity is
 * signed for each HTTP request, here, from the signer the call registered under a key that never
 * leaves the gateway.
 */
const SIGNER_KEY = 'x-shareforyou-identity-signer';
const signers = new Map<string, () => string>();

function withFreshIdentity(init: FetcherRequestInit | undefined): FetcherRequestInit | undefined {
  const headers = { ...((init?.headers ?? {}) as Record<string, string>) };
  const key = headers[SIGNER_KEY];
  if (!key) return init;
  delete headers[SIGNER_KEY];
  const sign = signers.get(key);
  if (sign) headers[IDENTITY_HEADER] = sign();
  return { ...init, headers };
}

function boundedFetcher(serviceName: string): Fetcher {
  return async (url, signable) => {
    const init = withFreshIdentity(signable);
    const budget = budgetOf(init);
    if (budget <= 0) throw Object.assign(new Error('deadline passed before the call'), { name: 'TimeoutError' });
    try {
      const response = await throughBreaker(serviceName, async () => {
        const answer = await subgraphFetch(url, { ...(init as RequestInit), signal: AbortSignal.timeout(budget) });
        if (answer.status >= 500) throw new FailedAnswer(answer);
        return answer;
      });
      return response as unknown as FetcherResponse;
    } catch (error) {
      if (error instanceof FailedAnswer) return error.response as unknown as FetcherResponse;
      throw error;
    }
  };
}

function reasonOf(error: unknown): UnavailableReason | null {
  const e = error as { name?: string; code?: string; cause?: { code?: string } };
  if (e?.code === 'EOPENBREAKER') return 'circuit-open';
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return 'timeout';
  if (e instanceof TypeError && e.message === 'fetch failed') return 'unreachable';
  return null;
}

function fieldNames(selectionSet: SelectionSetNode): string[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return selection.name.value === '__typename' ? [] : [(selection.alias ?? selection.name).value];
    if (selection.kind === Kind.INLINE_FRAGMENT) return fieldNames(selection.selectionSet);
    return [];
  });
}

/** The fields a fetch asks of each entity (`_entities`), or null for a root fetch. */
function entityFieldNames(document: DocumentNode): string[] | null {
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return null;
  const entities = operation.selectionSet.selections.find((s) => s.kind === Kind.FIELD && s.name.value === '_entities');
  return entities && entities.kind === Kind.FIELD && entities.selectionSet ? [...new Set(fieldNames(entities.selectionSet))] : null;
}

/** The response paths a failed fetch costs: the fields it asked for, under the path it was made at. */
export function pathsCost(document: DocumentNode, at: ReadonlyArray<string | number> = []): string[] {
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return [];
  const names = entityFieldNames(document) ?? fieldNames(operation.selectionSet);
  return [...new Set(names)].map((name) => [...at, name].join('.'));
}

/**
 * What a failed entity fetch answers in place of data: each entity with the fields it cost set to
 * null, beside the error. Null, not absent: a field another source @requires (the combined record's
 * sections) is then passed on as "not read" and the section is still computed from the sources that
 * answered, instead of the whole section being dropped for one source.
 */
export function nullEntities(document: DocumentNode, representations: unknown): Array<Record<string, unknown>> | null {
  const names = entityFieldNames(document);
  if (!names || !Array.isArray(representations)) return null;
  return representations.map((r) => ({ __typename: (r as { __typename?: string }).__typename, ...Object.fromEntries(names.map((n) => [n, null])) }));
}

const documentOf = (options: GraphQLDataSourceProcessOptions<GatewayContext>): DocumentNode =>
  'document' in options && options.document ? options.document : parse(options.request.query ?? '');

class IdentifiedSubgraph extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(private readonly serviceName: string) {
    // Automatic persisted queries: after the first call, a fetch sends the hash of its operation, not
    // the text (a record summary's fetches are kilobytes of selection each, written on every request).
    super({ url: subgraphUrl(serviceName), fetcher: boundedFetcher(serviceName), apq: true });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (!context?.user) return;
    const key = randomUUID();
    signers.set(key, () => context.identityToken(context.operationName));
    request.http?.headers.set(SIGNER_KEY, key);
    request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
    request.http?.headers.set(DEADLINE_HEADER, String(callBudgetMs(sourceTimeoutMs(this.serviceName), context.deadline)));
  }

  /** A source that did not answer, or failed, costs only its own fields; its internal address never reaches the client. */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    try {
      return await super.process(options);
    } catch (error) {
      const explained = this.explain(error, options);
      const entities = (() => {
        try {
          return nullEntities(documentOf(options), options.request.variables?.representations);
        } catch {
          return null;
        }
      })();
      if (!entities) throw explained;
      return { data: { _entities: entities }, errors: [explained] };
    } finally {
      const key = options.request.http?.headers.get(SIGNER_KEY);
      if (key) signers.delete(key);
    }
  }

  private explain(error: unknown, options: GraphQLDataSourceProcessOptions<GatewayContext>): GraphQLError {
    const requestId = options.context?.requestId ?? '-';
    let paths: string[] = [];
    try {
      paths = pathsCost(documentOf(options), 'pathInIncomingRequest' in options ? (options.pathInIncomingRequest?.map(String) ?? []) : []);
    } catch {
      // The paths are a courtesy; the error stands without them.
    }
    const reason = reasonOf(error);
    if (reason) {
      log.warn({ requestId, source: this.serviceName, reason, paths }, 'source unavailable');
      return sourceUnavailable(this.serviceName, reason, paths, sourceTimeoutMs(this.serviceName));
    }
    log.error({ requestId, source: this.serviceName, paths, ...errorDetail(error) }, 'source failed');
    return sourceFailed(this.serviceName, requestId, paths);
  }
}

export function buildSubgraphCall({ name }: { name: string; url?: string }) {
  return new IdentifiedSubgraph(name);
}
