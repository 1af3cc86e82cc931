/// <reference types="fhir" />
import type { IssuerConfiguration } from '../userToken';
import { SEARCH_TYPES } from './search';

/**
 * GET /fhir/metadata (what this FHIR API serves) and GET /.well-known/smart-configuration (how a
 * SMART client signs in: the endpoints of the issuer the gateway trusts). Neither names a patient
 * or needs a token (FHIR and SMART let both be read first). Pure.
 */

const COMMON_SEARCH: fhir4.CapabilityStatementRestResourceSearchParam[] = [
  { name: 'patient', type: 'reference', documentation: 'Required: the NHS number, or Patient/<NHS number>. Every search is of one patient.' },
  { name: '_count', type: 'number', documentation: 'Page size, 1 to 200 (default 50); the next link pages on.' },
  { name: '_sort', type: 'string', documentation: 'date or -date (this type’s date parameter).' },
  { name: '_revinclude', type: 'special', documentation: 'Provenance:target: a Provenance per contributing organisation, with its "as of".' },
];

export function capabilityStatement(now: Date = new Date()): fhir4.CapabilityStatement {
  const searchable: fhir4.CapabilityStatementRestResource[] = Object.entries(SEARCH_TYPES).map(([type, spec]) => ({
    type,
    interaction: [{ code: 'read' as const, documentation: 'By the id a search or the summary gave: it starts with the patient’s NHS number.' }, { code: 'search-type' as const }],
    searchParam: [
      ...COMMON_SEARCH,
      ...Object.keys(spec.tokens).map((name) => ({ name, type: 'token' as const })),
      ...(spec.date ? [{ name: spec.date.name, type: 'date' as const, documentation: 'eq, ne, gt, lt, ge, le; a date without an offset is read as UTC.' }] : []),
    ],
  }));
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: now.toISOString(),
    kind: 'instance',
    software: { name: 'ShareforYou Care Record FHIR API' },
    implementation: { description: 'The combined care record, read only: the International Patient Summary of a patient ($summary) and search by patient.' },
    fhirVersion: '4.0.1',
    format: ['json'],
    rest: [
      {
        mode: 'server',
        documentation:
          'Read only. Every request is checked as the GraphQL API checks it (the user token, the organisation a party, a care relationship or break-glass, ' +
          'the role’s field rules, opt-out) and recorded in the audit trail before it is answered. A token with patient/ scopes alone (a SMART launch) reaches ' +
          'only the patient of its launch. A section the user may not see is present with ' +
          'emptyReason withheld; a source that did not answer is said, never read as nothing recorded. Unknown search parameters are refused (422) ' +
          'unless Prefer: handling=lenient.',
        security: {
          cors: true,
          service: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'SMART-on-FHIR' }] }],
          description: 'Authorization: Bearer <the user’s token from the sign-in provider> (see /.well-known/smart-configuration).',
        },
        resource: [
          {
            type: 'Patient',
            interaction: [{ code: 'read' }],
            operation: [{ name: 'summary', definition: 'http://hl7.org/fhir/uv/ips/OperationDefinition/summary', documentation: 'GET /fhir/Patient/<NHS number>/$summary' }],
          },
          ...searchable,
        ],
      },
    ],
  };
}

/** What this API's sign-in offers SMART clients: standalone and EHR launch (the viewer's /launch, issue #22.2) with the patient in context. */
export const SMART_CAPABILITIES = ['launch-standalone', 'launch-ehr', 'context-ehr-patient', 'context-banner', 'client-public', 'client-confidential-symmetric', 'sso-openid-connect', 'permission-user', 'permission-patient', 'permission-v2'];
export const SMART_SCOPES = ['openid', 'fhirUser', 'profile', 'launch', 'user/*.rs', 'patient/*.rs'];

export function smartConfiguration(issuer: IssuerConfiguration): Record<string, unknown> {
  return {
    issuer: issuer.issuer,
    jwks_uri: issuer.jwks_uri,
    authorization_endpoint: issuer.authorization_endpoint,
    token_endpoint: issuer.token_endpoint,
    grant_types_supported: ['authorization_code'],
    response_types_supported: ['code'],
    token_endpoint_auth_methods_supported: issuer.token_endpoint_auth_methods_supported ?? ['client_secret_basic'],
    scopes_supported: SMART_SCOPES,
    code_challenge_methods_supported: ['S256'],
    capabilities: SMART_CAPABILITIES,
  };
}
