/// <reference types="fhir" />
import { codeableConcept, requiredConcept, codeableConcepts, compact, itemReference, notes, patientReference, quantity, sourceResource, timeChoice, type SourceItem } from '../datatypes';

/**
 * Observation from the catalogue's TestResult: the value in the FHIR type the source sent it as,
 * components, flags and ranges; its status as the source gave it (cancelled stays cancelled).
 */

const VALUE = 'type text quantity { ...Q } concept { ...C } boolean integer low { ...Q } high { ...Q } numerator { ...Q } denominator { ...Q } start end';
/** A component's coded value: its preferred coding only, one level up (the gateway's depth limit is 8; a coded component value is rare). */
const COMPONENT_VALUE = VALUE.replace('concept { ...C }', 'concept { system code display text }');
export const RESULT_SELECTION =
  `id code { ...C } status categories { ...C } result { ${VALUE} } dataAbsentReason { ...C } components { code { ...C } value { ${COMPONENT_VALUE} } dataAbsentReason { ...C } interpretations { ...C } } ` +
  'interpretations { ...C } referenceRanges { text low { ...Q } high { ...Q } type { ...C } } effective { ...T } issued performer memberIds method { ...C } bodySite { ...C } notes provenance { ...P }';

/** Observation.value[x] (and component.value[x]) from the record's typed value. */
export function observationValue(value: SourceItem | null | undefined): Record<string, unknown> {
  if (!value) return {};
  switch (value.type) {
    case 'Quantity':
      return value.quantity ? { valueQuantity: quantity(value.quantity) } : { valueString: value.text };
    case 'CodeableConcept':
      return { valueCodeableConcept: codeableConcept(value.concept) ?? { text: value.text } };
    case 'boolean':
      return { valueBoolean: value.boolean };
    case 'integer':
      return { valueInteger: value.integer };
    case 'Range':
      return { valueRange: compact({ low: quantity(value.low), high: quantity(value.high) }) };
    case 'Ratio':
      return { valueRatio: compact({ numerator: quantity(value.numerator), denominator: quantity(value.denominator) }) };
    case 'time':
      return { valueTime: value.text };
    case 'dateTime':
      return { valueDateTime: value.start ?? value.text };
    case 'Period':
      return { valuePeriod: compact({ start: value.start ?? undefined, end: value.end ?? undefined }) };
    default:
      // string, and SampledData, which the record keeps only as text: said as text, never as data points.
      return { valueString: value.text };
  }
}

export function observation(item: SourceItem, nhsNumber: string): fhir4.Observation {
  const value = observationValue(item.result);
  return compact({
    ...sourceResource('Observation', item, nhsNumber),
    status: item.status as fhir4.Observation['status'],
    category: codeableConcepts(item.categories),
    code: requiredConcept(item.code),
    subject: patientReference(nhsNumber),
    ...timeChoice('effective', item.effective),
    issued: item.issued ?? undefined,
    performer: (item.performer ?? []).map((display: string) => ({ display })),
    ...value,
    // obs-6: a data absent reason only where there is no value.
    dataAbsentReason: Object.keys(value).length ? undefined : codeableConcept(item.dataAbsentReason),
    interpretation: codeableConcepts(item.interpretations),
    note: notes(item.notes),
    bodySite: codeableConcept(item.bodySite),
    method: codeableConcept(item.method),
    referenceRange: (item.referenceRanges ?? []).map((r: SourceItem) => compact({ low: quantity(r.low), high: quantity(r.high), type: codeableConcept(r.type), text: r.text ?? undefined })),
    hasMember: (item.memberIds ?? []).map((id: string) => itemReference(id, nhsNumber)).filter(Boolean),
    component: (item.components ?? []).map((c: SourceItem) => {
      const componentValue = observationValue(c.value);
      return compact({
        code: requiredConcept(c.code),
        ...componentValue,
        dataAbsentReason: Object.keys(componentValue).length ? undefined : codeableConcept(c.dataAbsentReason),
        interpretation: codeableConcepts(c.interpretations),
      });
    }),
  });
}

/** The FHIR category codes an observation carries (vital-signs, laboratory, social-history, ...). */
export function categoryCodes(item: SourceItem): string[] {
  return (item.categories ?? []).flatMap((c: SourceItem) => [c.code, ...(c.coding ?? []).map((x: SourceItem) => x.code)]).filter(Boolean);
}
