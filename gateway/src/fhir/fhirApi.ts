/// <reference types="fhir" />
import type { ApolloServer } from '@apollo/server';
import express from 'express';
import { GraphQLError } from 'graphql';
import { serviceLogger } from '@shareforyou/kit';
import type { GatewayContext } from '../context';
import type { ContextFor } from '../requestContext';
import { issuerConfiguration } from '../userToken';
import { errorAt, type GraphQLAnswer } from './answer';
import { capabilityStatement, smartConfiguration } from './capability';
import { patientOperation, searchOperation, summaryOperation, type FhirOperation } from './operation';
import { badParameter, refusal, refusalOf, type FhirRefusal } from './operationOutcome';
import { patient as patientResource } from './resources/Patient';
import { nhsNumberOfResourceId } from './datatypes';
import { notFound, readResource } from './read';
import { lenient, nhsNumberOf, parseSearch, SEARCH_TYPES, searchsetBundle } from './search';
import { IPS_SECTIONS } from './sections';
import { summaryDocument } from './summaryDocument';

/**
 * /fhir at the gateway: the combined record as FHIR R4, read only. Every request passes the same
 * door as /graphql (contextFor: the token, the role, the organisation a party), then becomes one
 * GraphQL operation run by this gateway's own Apollo server (executeOperation with the request's
 * context): the same planning, the same signed identity to every subgraph, the same field rules,
 * care relationship, break-glass and opt-out in every subgraph, and the same audit, written by each
 * subgraph before it answers. The gateway never reads a database. This module is the HTTP glue;
 * the answer's shape is built by the pure modules beside it.
 */

const log = serviceLogger('gateway');
const FHIR_JSON = 'application/fhir+json; charset=utf-8';
const SUMMARY_FIELDS = IPS_SECTIONS.flatMap((s) => s.parts.map((p) => p.field));

/** Each operation's text built once (the same text every time also lets Apollo reuse its parsed and validated document). */
const operations = new Map<string, FhirOperation>();
function memo(key: string, make: () => FhirOperation): FhirOperation {
  let operation = operations.get(key);
  if (!operation) operations.set(key, (operation = make()));
  return operation;
}

export interface FhirApiDeps {
  apollo: ApolloServer<GatewayContext>;
  contextFor: ContextFor;
}

function send(res: express.Response, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.status(status).set(headers).type(FHIR_JSON).send(JSON.stringify(body));
}

function sendRefusal(res: express.Response, refused: FhirRefusal): void {
  send(res, refused.status, refused.outcome, refused.headers);
}

const isRefusal = (value: unknown): value is FhirRefusal => Boolean(value && typeof value === 'object' && 'outcome' in value && 'status' in value);

/** The FHIR base URL clients use: FHIR_BASE_URL behind a proxy, else this request's own. */
function baseUrlOf(req: express.Request): string {
  return process.env.FHIR_BASE_URL ?? `${req.protocol}://${req.get('host')}/fhir`;
}

/** Runs one operation as the requesting user; a refusal of the request or of the patient comes back as a FHIR refusal. */
async function ask(deps: FhirApiDeps, req: express.Request, res: express.Response, operation: FhirOperation, nhsNumber: string): Promise<GraphQLAnswer | FhirRefusal> {
  let context: GatewayContext;
  try {
    context = await deps.contextFor(req);
  } catch (error) {
    return error instanceof GraphQLError ? refusalOf(error) : refusal('INTERNAL_ERROR', 'The ShareforYou gateway failed while checking who is asking.');
  }
  res.setHeader('x-request-id', context.requestId);
  const response = await deps.apollo.executeOperation({ query: operation.query, operationName: operation.operationName, variables: { nhsNumber } }, { contextValue: context });
  if (response.body.kind !== 'single') return refusal('INTERNAL_ERROR', `The ShareforYou gateway failed while answering. Quote request id ${context.requestId} to the service desk.`);
  const answer = response.body.singleResult as GraphQLAnswer;
  if (!answer.data?.patient) {
    // The patient is refused or unknown (NO_SHARED_RECORD, NO_CARE_RELATIONSHIP, FORBIDDEN_ACTION, ...), or the request was.
    const error = (answer.errors ?? []).find((e) => e.path?.length === 1 && e.path[0] === 'patient') ?? answer.errors?.[0];
    return error ? refusalOf(error) : refusal('INTERNAL_ERROR', `No answer for this patient. Quote request id ${context.requestId} to the service desk.`);
  }
  return answer;
}

function nhsNumberOrRefusal(value: string): string | FhirRefusal {
  return nhsNumberOf(value) ?? badParameter(`"${value.slice(0, 40)}" is not a valid NHS number (10 digits, Modulus 11 checked).`, 'id');
}

export function mountFhirApi(app: express.Express, deps: FhirApiDeps): void {
  const router = express.Router();

  router.get('/metadata', (_req, res) => send(res, 200, capabilityStatement()));

  const smart: express.RequestHandler = async (_req, res) => {
    try {
      res.status(200).json(smartConfiguration(await issuerConfiguration()));
    } catch (error) {
      log.warn({ error: (error as Error).message }, 'smart-configuration: the issuer did not answer');
      sendRefusal(res, refusal('SOURCE_UNAVAILABLE', 'The sign-in provider did not answer, so its endpoints cannot be given. Try again shortly.'));
    }
  };
  router.get('/.well-known/smart-configuration', smart);
  app.get('/.well-known/smart-configuration', smart);

  const summary = async (req: express.Request, res: express.Response, id: string) => {
    const nhsNumber = nhsNumberOrRefusal(id);
    if (typeof nhsNumber !== 'string') return sendRefusal(res, nhsNumber);
    const answer = await ask(deps, req, res, memo('$summary', () => summaryOperation(SUMMARY_FIELDS)), nhsNumber);
    if (isRefusal(answer)) return sendRefusal(res, answer);
    send(res, 200, summaryDocument(answer, { nhsNumber, baseUrl: baseUrlOf(req) }));
  };
  // GET /fhir/Patient/<NHS number>/$summary, and the IPS form GET /fhir/Patient/$summary?identifier=<system>|<NHS number>.
  router.get(/^\/Patient\/([^/]+)\/\$summary$/, (req, res) => summary(req, res, decodeURIComponent(String((req.params as Record<string, string>)[0]))));
  router.get('/Patient/\\$summary', (req, res) => {
    const identifier = new URL(req.originalUrl, 'http://gateway').searchParams.get('identifier');
    if (!identifier) return sendRefusal(res, badParameter('Say whose summary: Patient/<NHS number>/$summary, or identifier=https://fhir.nhs.uk/Id/nhs-number|<NHS number>.', 'identifier'));
    return summary(req, res, identifier);
  });

  router.get('/Patient/:id', async (req, res) => {
    const nhsNumber = nhsNumberOrRefusal(String(req.params.id));
    if (typeof nhsNumber !== 'string') return sendRefusal(res, nhsNumber);
    const answer = await ask(deps, req, res, memo('Patient', patientOperation), nhsNumber);
    if (isRefusal(answer)) return sendRefusal(res, answer);
    const nameError = errorAt(answer, 'name');
    if (nameError) return sendRefusal(res, refusalOf(nameError));
    send(res, 200, patientResource({ ...answer.data!.patient!, nhsNumber }));
  });

  // A read by id: the id names the patient (datatypes resourceId), so it is a look at that patient's sections of the type.
  router.get('/:type/:id', async (req, res) => {
    const type = String(req.params.type);
    const id = String(req.params.id);
    const spec = SEARCH_TYPES[type];
    if (!spec) return sendRefusal(res, refusal('BAD_USER_INPUT', `This API does not serve ${type.slice(0, 40)}: see /fhir/metadata.`, { status: 404 }));
    const nhsNumber = nhsNumberOfResourceId(id);
    if (!nhsNumber || !nhsNumberOf(nhsNumber)) return sendRefusal(res, notFound(type, id));
    const answer = await ask(deps, req, res, memo(`${type}/id`, () => searchOperation(type, spec.fields, 'Read')), nhsNumber);
    if (isRefusal(answer)) return sendRefusal(res, answer);
    const resource = readResource(answer, type, id, nhsNumber);
    if (isRefusal(resource)) return sendRefusal(res, resource);
    const version = resource.meta?.versionId;
    send(res, 200, resource, version ? { etag: `W/"${version}"` } : {});
  });

  router.get('/:type', async (req, res) => {
    const type = String(req.params.type);
    const params = new URL(req.originalUrl, 'http://gateway').searchParams;
    const parsed = parseSearch(type, params, { lenient: lenient(req.header('prefer')) });
    if (isRefusal(parsed)) return sendRefusal(res, parsed);
    const answer = await ask(deps, req, res, memo(`${type}?${parsed.fields.join(',')}`, () => searchOperation(type, parsed.fields)), parsed.nhsNumber);
    if (isRefusal(answer)) return sendRefusal(res, answer);
    const bundle = searchsetBundle(answer, parsed, { baseUrl: baseUrlOf(req) });
    if (isRefusal(bundle)) return sendRefusal(res, bundle);
    send(res, 200, bundle);
  });

  // Read only: anything else is not served.
  router.all(/.*/, (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendRefusal(res, refusal('BAD_USER_INPUT', 'The ShareforYou FHIR API is read only: nothing can be added or amended.', { status: 405 }));
    sendRefusal(res, refusal('BAD_USER_INPUT', 'Not served by this FHIR API: see /fhir/metadata.', { status: 404 }));
  });

  app.use('/fhir', router);
}
