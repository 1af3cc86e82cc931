import { FeedProblem, optionalCodingOf, optionalDateOf, quantityText, textOf, type ConceptValue, type QuantityValue } from '../ingest';

/**
 * Observation.value[x] (and component.value[x]) of every FHIR R4 type, kept typed and with a line
 * people read; reference ranges kept whole. Pure; names the FHIR path of what it cannot read.
 */

export type ObservationValueType = 'Quantity' | 'CodeableConcept' | 'string' | 'boolean' | 'integer' | 'Range' | 'Ratio' | 'SampledData' | 'time' | 'dateTime' | 'Period';

export interface ObservationValue {
  type: ObservationValueType;
  text: string;
  quantity: QuantityValue | null;
  concept: ConceptValue | null;
  boolean: boolean | null;
  integer: number | null;
  low: QuantityValue | null;
  high: QuantityValue | null;
  numerator: QuantityValue | null;
  denominator: QuantityValue | null;
  start: string | null;
  end: string | null;
}

type WithValue = Pick<
  fhir4.Observation,
  'valueQuantity' | 'valueCodeableConcept' | 'valueString' | 'valueBoolean' | 'valueInteger' | 'valueRange' | 'valueRatio' | 'valueSampledData' | 'valueTime' | 'valueDateTime' | 'valuePeriod'
>;

const EMPTY = { quantity: null, concept: null, boolean: null, integer: null, low: null, high: null, numerator: null, denominator: null, start: null, end: null };

/** A quantity that may lack its number (a Range's open end): null then, never a false 0. */
function looseQuantity(q: fhir4.Quantity | undefined): QuantityValue | null {
  if (!q || typeof q.value !== 'number') return null;
  return { value: q.value, comparator: q.comparator ?? null, unit: textOf(q.unit ?? q.code, 50), system: q.system ?? null, code: q.code ?? null };
}

const rangeText = (low: fhir4.Quantity | undefined, high: fhir4.Quantity | undefined): string | null => {
  const [l, h] = [quantityText(low), quantityText(high)];
  if (l && h) return `${low!.value} - ${h}`;
  if (l) return `>= ${l}`;
  if (h) return `<= ${h}`;
  return null;
};

/** The value of an Observation or one of its components; null when it has none. */
export function observationValueOf(element: WithValue, path: string): ObservationValue | null {
  const e = element;
  if (e.valueQuantity) {
    if (typeof e.valueQuantity.value !== 'number') throw new FeedProblem(`${path}.valueQuantity.value`, `${path}.valueQuantity.value is required: a quantity without its number cannot be shown`);
    const quantity = looseQuantity(e.valueQuantity)!;
    return { ...EMPTY, type: 'Quantity', text: quantityText(e.valueQuantity)!, quantity };
  }
  if (e.valueCodeableConcept) {
    const concept = optionalCodingOf(e.valueCodeableConcept, `${path}.valueCodeableConcept`)!;
    return { ...EMPTY, type: 'CodeableConcept', text: concept.text ?? concept.display, concept };
  }
  if (typeof e.valueString === 'string') return { ...EMPTY, type: 'string', text: textOf(e.valueString, 4000) ?? '' };
  if (typeof e.valueBoolean === 'boolean') return { ...EMPTY, type: 'boolean', text: e.valueBoolean ? 'Yes' : 'No', boolean: e.valueBoolean };
  if (typeof e.valueInteger === 'number') return { ...EMPTY, type: 'integer', text: String(e.valueInteger), integer: e.valueInteger };
  if (e.valueRange) {
    const text = rangeText(e.valueRange.low, e.valueRange.high);
    if (!text) throw new FeedProblem(`${path}.valueRange`, `${path}.valueRange needs a low or a high value`);
    return { ...EMPTY, type: 'Range', text, low: looseQuantity(e.valueRange.low), high: looseQuantity(e.valueRange.high) };
  }
  if (e.valueRatio) {
    const [n, d] = [quantityText(e.valueRatio.numerator), quantityText(e.valueRatio.denominator)];
    if (!n || !d) throw new FeedProblem(`${path}.valueRatio`, `${path}.valueRatio needs a numerator and a denominator with values`);
    return { ...EMPTY, type: 'Ratio', text: `${n}:${d}`, numerator: looseQuantity(e.valueRatio.numerator), denominator: looseQuantity(e.valueRatio.denominator) };
  }
  if (e.valueSampledData) {
    // Waveforms (an ECG trace) are not drawn here: what was sampled, and the samples as sent.
    const s = e.valueSampledData;
    const unit = s.origin.unit ?? s.origin.code ?? '';
    const head = `Sampled data: every ${s.period} ms, ${s.dimensions} dimension${s.dimensions === 1 ? '' : 's'}, origin ${s.origin.value ?? 0}${unit ? ` ${unit}` : ''}${s.factor !== undefined ? `, factor ${s.factor}` : ''}`;
    return { ...EMPTY, type: 'SampledData', text: textOf(s.data ? `${head}: ${s.data}` : head, 4000)!, quantity: null };
  }
  if (typeof e.valueTime === 'string') return { ...EMPTY, type: 'time', text: e.valueTime };
  if (typeof e.valueDateTime === 'string') {
    const start = optionalDateOf(e.valueDateTime, `${path}.valueDateTime`);
    return { ...EMPTY, type: 'dateTime', text: start!, start };
  }
  if (e.valuePeriod) {
    const start = optionalDateOf(e.valuePeriod.start, `${path}.valuePeriod.start`);
    const end = optionalDateOf(e.valuePeriod.end, `${path}.valuePeriod.end`);
    if (!start && !end) throw new FeedProblem(`${path}.valuePeriod`, `${path}.valuePeriod needs a start or an end`);
    return { ...EMPTY, type: 'Period', text: `${start ?? '…'} to ${end ?? '…'}`, start, end };
  }
  return null;
}

export interface ReferenceRangeValue {
  text: string;
  low: QuantityValue | null;
  high: QuantityValue | null;
  type: ConceptValue | null;
  appliesTo: ConceptValue[];
  age: string | null;
}

/** Every reference range; its text, else "130 - 180 g/L", ">= 90 mL/min", "<= 5 mg/L". */
export function referenceRangesOf(ranges: fhir4.ObservationReferenceRange[] | undefined, path: string): ReferenceRangeValue[] {
  return (ranges ?? []).map((range, i) => {
    const at = `${path}[${i}]`;
    const text = textOf(range.text, 200) ?? rangeText(range.low, range.high);
    if (!text) throw new FeedProblem(at, `${at} needs a low, a high or a text (FHIR obs-3)`);
    return {
      text,
      low: looseQuantity(range.low),
      high: looseQuantity(range.high),
      type: optionalCodingOf(range.type, `${at}.type`),
      appliesTo: (range.appliesTo ?? []).map((c, j) => optionalCodingOf(c, `${at}.appliesTo[${j}]`)!),
      age: range.age ? rangeText(range.age.low, range.age.high) : null,
    };
  });
}
