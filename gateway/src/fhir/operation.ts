import { Kind, parse, type ObjectTypeDefinitionNode, type TypeNode } from 'graphql';
import { loadSupergraphSdl } from '@shareforyou/schema';
import { PATIENT_SELECTION } from './resources/Patient';
import { COMBINED_FIELDS, type CombinedField, type CombinedFieldName } from './sections';

/**
 * The GraphQL operations a FHIR request becomes. Each asks for the combined sections it needs and
 * nothing more, so the audit trail holds what the FHIR answer holds (a search for allergies is a
 * look at the allergies). The operation names start with Fhir, so the access log says the look
 * came through the FHIR API. Fragments keep the documents under the gateway's token limit.
 */

const FRAGMENTS = [
  'fragment C on CodeableConcept { coding { system code display } text }',
  'fragment P on Provenance { odsCode organisationName system sourceId version lastUpdated }',
  'fragment T on ClinicalTime { start end age text }',
  'fragment Q on Quantity { value comparator unit system code }',
  'fragment N on SourceNotRead { source field reason }',
  'fragment F on SourceFreshness { source organisations organisationNames lastUpdated }',
];

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

let freshness: string[] | undefined;

/** Every source's "as of" field on Patient (gpSource, acuteSource, ...), from the supergraph: a new organisation kind is in without editing this. */
export function sourceFreshnessFields(): string[] {
  freshness ??= parse(loadSupergraphSdl())
    .definitions.filter((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === 'Patient')
    .flatMap((d) => d.fields ?? [])
    .filter((f) => namedType(f.type) === 'SourceFreshness')
    .map((f) => f.name.value);
  return freshness;
}

function sectionSelection(name: CombinedFieldName): string {
  const section: CombinedField = COMBINED_FIELDS[name];
  const items = section.flat ? section.selection : `id current disagreement sources { ${section.selection} }`;
  return `${name} { items { ${items} } notRead { ...N }${section.extra ? ` ${section.extra}` : ''} }`;
}

/**
 * The fragments written out where they are spread: the gateway's cost limit prices a spread at
 * more than twice the same fields inline (measured: the summary costs 30,392 with spreads, under
 * the 20,000 limit inline), and the token limit has room for the longer text.
 */
function withFragments(operation: string): string {
  let text = operation;
  for (const fragment of FRAGMENTS) {
    const [, name, body] = /^fragment (\w+) on \w+ \{ (.*) \}$/.exec(fragment)!;
    text = text.split(`...${name} `).join(`${body} `);
  }
  return text;
}

export interface FhirOperation {
  operationName: string;
  query: string;
}

/** $summary: the patient, every combined section the IPS document holds, and each source's "as of". */
export function summaryOperation(fields: readonly CombinedFieldName[]): FhirOperation {
  const sections = [...new Set(fields)].map(sectionSelection).join(' ');
  const sources = sourceFreshnessFields().map((f) => `${f} { ...F }`).join(' ');
  return {
    operationName: 'FhirSummary',
    query: withFragments(`query FhirSummary($nhsNumber: String!) { patient(nhsNumber: $nhsNumber) { ${PATIENT_SELECTION} ${sections} ${sources} } }`),
  };
}

/**
 * A search: the combined sections its resource type comes from, nothing else (not even the name).
 * A read by id asks the same under its own name (FhirRead<Type>), so the access log tells them apart.
 */
export function searchOperation(resourceType: string, fields: readonly CombinedFieldName[], interaction: 'Search' | 'Read' = 'Search'): FhirOperation {
  const operationName = `Fhir${interaction}${resourceType}`;
  return {
    operationName,
    query: withFragments(`query ${operationName}($nhsNumber: String!) { patient(nhsNumber: $nhsNumber) { nhsNumber ${[...new Set(fields)].map(sectionSelection).join(' ')} } }`),
  };
}

/** Patient read: the demographics only. */
export function patientOperation(): FhirOperation {
  return { operationName: 'FhirReadPatient', query: `query FhirReadPatient($nhsNumber: String!) { patient(nhsNumber: $nhsNumber) { ${PATIENT_SELECTION} } }` };
}
