/// <reference types="fhir" />
import { requiredConcept, codeableConcepts, compact, patientReference, period, sourceResource, type SourceItem } from '../datatypes';

/** Consent from the catalogue's AdvanceDecision: in force only while the source says active; what it refuses or permits. */

export const ADVANCE_DECISION_SELECTION =
  'id status scope { ...C } category { ...C } dateTime provisionType provisionCodes { ...C } provisionActions { ...C } provisionPeriod { ...T } source sourceUrl performers organisation provenance { ...P }';

export function consent(item: SourceItem, nhsNumber: string): fhir4.Consent {
  const provision = compact({
    type: item.provisionType ?? undefined,
    period: period(item.provisionPeriod?.start, item.provisionPeriod?.end),
    action: codeableConcepts(item.provisionActions),
    code: codeableConcepts(item.provisionCodes),
  });
  return compact({
    ...sourceResource('Consent', item, nhsNumber),
    status: item.status as fhir4.Consent['status'],
    scope: requiredConcept(item.scope),
    category: codeableConcepts(item.category),
    patient: patientReference(nhsNumber),
    dateTime: item.dateTime ?? undefined,
    performer: (item.performers ?? []).map((display: string) => ({ display })),
    organization: item.organisation ? [{ display: item.organisation }] : undefined,
    sourceAttachment: item.sourceUrl || item.source ? compact({ url: item.sourceUrl ?? undefined, title: item.source ?? undefined }) : undefined,
    // ppc-1: a policy or a policy rule. The record keeps neither, so the rule says where the decision is held.
    policyRule: { text: `As recorded by ${item.provenance.organisationName}` },
    provision: Object.keys(provision).length ? provision : undefined,
  });
}
