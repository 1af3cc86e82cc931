import { signSystemToken, type GatewayIdentity } from '@shareforyou/kit';
import { subgraphUrl } from '@shareforyou/schema';
import { userToken } from '../demo/tokens';
import type { DemoUser } from '../demo/users';
import { feedUrl } from '../feeds/feedClient';
import { generatePatient, type FullHistory } from '../synthetic';
import type { HttpPart, RequestSpec } from './plan';
import { accessLogQuery, caseloadQueries, combinedRecordQuery, type RecordQueries } from './queries';
import { summaryOperation } from '../../../gateway/src/fhir/operation';
import { IPS_SECTIONS } from '../../../gateway/src/fhir/sections';

/**
 * The requests each workload sends, for each way of reaching the data:
 *   floor   every subgraph directly and in parallel, _entities, with a gateway identity
 *   gateway our gateway (controls on or off) with the user's token, or a peer with none (the compiled
 *           peer with an identity per subgraph, which it forwards)
 */

export type Route =
  | { kind: 'floor'; env: NodeJS.ProcessEnv; identity: GatewayIdentity }
  | {
      kind: 'gateway';
      url: string;
      user: DemoUser | null;
      /** The compiled peer: an identity signed afresh under each of these headers for every request (hiveRouter.ts). */
      identities?: { identity: GatewayIdentity; headers: string[] };
    };

const JSON_HEADERS = { 'content-type': 'application/json' };

function gatewayHeaders(user: DemoUser | null): Record<string, string> {
  // Tokens outlive the whole run: the gateway verifies them on every request as it would any token.
  return user ? { ...JSON_HEADERS, authorization: `Bearer ${userToken(user, { expiresInSeconds: 4 * 3600 })}` } : { ...JSON_HEADERS };
}

function viaGateway(route: Extract<Route, { kind: 'gateway' }>, query: string, variables: Record<string, unknown>): RequestSpec {
  const identities = route.identities ? { identity: route.identities.identity, identityHeaders: route.identities.headers } : {};
  return { parts: [{ url: route.url, headers: gatewayHeaders(route.user), body: JSON.stringify({ query, variables }), ...identities }] };
}

function viaSubgraphs(route: Extract<Route, { kind: 'floor' }>, queries: Array<{ subgraph: string; query: string }>, nhsNumbers: string[]): RequestSpec {
  const representations = nhsNumbers.map((nhsNumber) => ({ __typename: 'Patient', nhsNumber }));
  const parts: HttpPart[] = queries.map(({ subgraph, query }) => ({
    url: subgraphUrl(subgraph, route.env),
    headers: JSON_HEADERS,
    identity: route.identity,
    body: JSON.stringify({ query, variables: { representations } }),
  }));
  return { parts };
}

/** Record summary: one request per patient of the sample. */
export function summaryRequests(route: Route, queries: RecordQueries, nhsNumbers: string[]): RequestSpec[] {
  return nhsNumbers.map((n) => (route.kind === 'floor' ? viaSubgraphs(route, queries.perSubgraph, [n]) : viaGateway(route, queries.gateway, { nhsNumber: n })));
}

/** The combined record per patient of the sample, through a gateway; null when there is no combined subgraph. */
export function combinedRecordRequests(route: Extract<Route, { kind: 'gateway' }>, profile: string, nhsNumbers: string[]): RequestSpec[] | null {
  const query = combinedRecordQuery(profile);
  return query ? nhsNumbers.map((n) => viaGateway(route, query, { nhsNumber: n })) : null;
}

/**
 * The FHIR API's $summary per patient of the sample (issue #22): GET /fhir/Patient/<n>/$summary
 * through our gateway, beside the GraphQL record summary; and, to tell the FHIR assembly from the
 * look itself, the same GraphQL operation the FHIR API runs (FhirSummary), posted to /graphql.
 */
export function fhirSummaryRequests(route: Extract<Route, { kind: 'gateway' }>, nhsNumbers: string[]): RequestSpec[] {
  const fhirBase = route.url.replace(/\/graphql$/, '/fhir');
  const headers = gatewayHeaders(route.user);
  delete headers['content-type'];
  return nhsNumbers.map((n) => ({ parts: [{ url: `${fhirBase}/Patient/${n}/$summary`, method: 'GET' as const, headers, body: '' }] }));
}

export function fhirSummaryGraphqlRequests(route: Extract<Route, { kind: 'gateway' }>, nhsNumbers: string[]): RequestSpec[] {
  const operation = summaryOperation(IPS_SECTIONS.flatMap((s) => s.parts.map((p) => p.field)));
  return nhsNumbers.map((n) => viaGateway(route, operation.query, { nhsNumber: n }));
}

/** Caseloads of `size` patients, rotating through the sample. */
export function caseloadRequests(route: Route, profile: string, nhsNumbers: string[], size: number, count = 20): RequestSpec[] {
  const queries = caseloadQueries(profile);
  const requests: RequestSpec[] = [];
  for (let k = 0; k < count; k += 1) {
    const caseload = Array.from({ length: size }, (_, j) => nhsNumbers[(k * size + j) % nhsNumbers.length]);
    requests.push(route.kind === 'floor' ? viaSubgraphs(route, queries.perSubgraph, caseload) : viaGateway(route, queries.gateway, { nhsNumbers: caseload }));
  }
  return requests;
}

/** The privacy officer's access-log page per patient; null when the audit subgraph has no accessLog. */
export function accessLogRequests(route: Extract<Route, { kind: 'gateway' }>, nhsNumbers: string[]): RequestSpec[] | null {
  const query = accessLogQuery();
  return query ? nhsNumbers.map((n) => viaGateway(route, query, { nhsNumber: n })) : null;
}

/**
 * Ingest: each new patient's GP bundle (one patient per bundle, as a practice system sends a
 * change), posted once to the gp subgraph's POST /fhir with the practice's system token.
 */
export function ingestRequests(env: NodeJS.ProcessEnv, from: number, count: number, target = 'gp'): RequestSpec[] {
  const tokens = new Map<string, string>();
  const requests: RequestSpec[] = [];
  for (let i = from; i < from + count; i += 1) {
    for (const feed of generatePatient(i).feeds) {
      if (feed.target !== target) continue;
      let token = tokens.get(feed.odsCode);
      if (!token) tokens.set(feed.odsCode, (token = signSystemToken(feed.odsCode, 4 * 3600)));
      requests.push({
        entries: feed.bundle.entry?.length ?? 0,
        parts: [
          {
            url: feedUrl(target, env),
            headers: { 'content-type': 'application/fhir+json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ resourceType: 'Bundle', type: 'batch', entry: feed.bundle.entry }),
          },
        ],
      });
    }
  }
  return requests;
}

/** One patient's whole GP record in one batch each (generateFullHistory), with the practice's system token. */
export function fullHistoryRequests(env: NodeJS.ProcessEnv, histories: FullHistory[]): RequestSpec[] {
  const tokens = new Map<string, string>();
  return histories.map(({ odsCode, bundle }) => {
    let token = tokens.get(odsCode);
    if (!token) tokens.set(odsCode, (token = signSystemToken(odsCode, 4 * 3600)));
    return {
      entries: bundle.entry?.length ?? 0,
      parts: [{ url: feedUrl('gp', env), headers: { 'content-type': 'application/fhir+json', authorization: `Bearer ${token}` }, body: JSON.stringify(bundle) }],
    };
  });
}

/** The FHIR entries a pool of feed requests carries, on average per request. */
export function meanEntries(requests: RequestSpec[]): number {
  return requests.length ? requests.reduce((sum, r) => sum + (r.entries ?? 0), 0) / requests.length : 0;
}

/**
 * Patients registered at the user's practice, spread over the whole dataset (not just its start),
 * with the organisations that hold data about them.
 */
export function patientsRegisteredAt(odsCode: string, datasetSize: number, max: number): Array<{ nhsNumber: string; involved: number }> {
  const found: Array<{ nhsNumber: string; involved: number }> = [];
  const candidates = Math.min(datasetSize, Math.max(max * 12, 2_000));
  for (let k = 0; k < candidates && found.length < max; k += 1) {
    const patient = generatePatient(Math.floor((k * datasetSize) / candidates));
    if (patient.practiceOdsCode === odsCode) found.push({ nhsNumber: patient.nhsNumber, involved: patient.involved.length });
  }
  return found;
}
