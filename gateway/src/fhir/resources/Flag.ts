/// <reference types="fhir" />
import { codeableConcept, codeableConcepts, compact, named, patientReference, period, sourceResource, type SourceItem } from '../datatypes';

/** Flag from the catalogue's Alert (general and safeguarding alerts alike): active or inactive as the source said, with its period. */

export const ALERT_SELECTION = 'id code { ...C } description categories { ...C } status start end author provenance { ...P }';

export function flag(item: SourceItem, nhsNumber: string): fhir4.Flag {
  return compact({
    ...sourceResource('Flag', item, nhsNumber),
    status: item.status as fhir4.Flag['status'],
    category: codeableConcepts(item.categories),
    code: codeableConcept(item.code) ?? { text: item.description },
    subject: patientReference(nhsNumber),
    period: period(item.start, item.end),
    author: named(item.author),
  });
}
