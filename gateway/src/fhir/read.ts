/// <reference types="fhir" />
import type { GraphQLAnswer } from './answer';
import { missingWords } from './narrative';
import { refusal, type FhirRefusal } from './operationOutcome';
import { resourceId } from './datatypes';
import { buildResource, SEARCH_TYPES, typeMatches } from './search';

/**
 * A read by id: GET /fhir/<Type>/<id>. The id starts with the patient's NHS number (datatypes
 * resourceId), so the read is a look at that patient's sections of the type, asked for, checked and
 * audited as the search of the type is; this picks the one resource out. Not found is said only when
 * every source of the type answered: while a part is withheld or did not answer, the item may be
 * there, and the answer says which (403 or 503), never "not found".
 */
export function readResource(answer: GraphQLAnswer, resourceType: string, id: string, nhsNumber: string): fhir4.FhirResource | FhirRefusal {
  const found = typeMatches(answer, resourceType, SEARCH_TYPES[resourceType].fields);
  if ('outcome' in found) return found;
  // Every resource's id is its item's resourceId (datatypes sourceResource): only the one asked for is built.
  const match = found.matches.find(({ item }) => resourceId(item.provenance, nhsNumber) === id);
  if (match) return buildResource(match, nhsNumber);
  const withheld = found.missing.find((m) => m.reason === 'withheld');
  if (withheld) return refusal('FORBIDDEN_FIELD', `${resourceType}/${id} is not in what you may see: ${missingWords(withheld)}`);
  if (found.missing.length) return refusal(found.missing[0].code === 'UNKNOWN' ? 'SOURCE_UNAVAILABLE' : found.missing[0].code, `${resourceType}/${id} cannot be looked for now: ${missingWords(found.missing[0])}`);
  return notFound(resourceType, id);
}

export function notFound(resourceType: string, id: string): FhirRefusal {
  return refusal('BAD_USER_INPUT', `No ${resourceType} with id ${id.slice(0, 80)} in this patient's shared record (ids come from a search or the summary, and an item its source has deleted is gone).`, { status: 404, issue: 'not-found' });
}
