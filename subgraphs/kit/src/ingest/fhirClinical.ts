import { referenceDisplay, type BundleReferences } from './bundleReferences';
import { FeedProblem } from './feedProblem';
import { codingOf, dateOf, optionalConceptOf, textConcept, textOf, type ConceptValue } from './fhirValues';

/**
 * Clinical value shapes FHIR R4 lets a source use, kept whole for the record: when something
 * happened (onset[x], abatement[x], occurrence[x]), quantities, dosage lines. Each reader is pure
 * and names the FHIR path of anything it cannot read.
 */

/** When something clinical happened, in whichever form the source gave it. */
export interface ClinicalTime {
  /** A date or dateTime (for a period, its start), as precise as the source gave it. */
  start: string | null;
  /** The end of a period. */
  end: string | null;
  /** An age or age range, e.g. "52 a" or "40 - 50 a" (UCUM units). */
  age: string | null;
  /** Free text, e.g. "childhood". */
  text: string | null;
}

const quantityText = (q: fhir4.Quantity | undefined) =>
  q?.value === undefined ? null : `${q.comparator ?? ''}${q.value}${q.unit ?? q.code ? ` ${q.unit ?? q.code}` : ''}`;

/** onset[x] / abatement[x] / occurrence[x] / effective[x] of a resource; null when none is given. */
export function clinicalTimeOf(resource: Record<string, any>, element: string): ClinicalTime | null {
  const path = `${resource.resourceType}.${element}`;
  const dateTime = resource[`${element}DateTime`] ?? resource[`${element}Instant`];
  if (dateTime !== undefined) return { start: dateOf(dateTime, `${path}DateTime`), end: null, age: null, text: null };
  const period = resource[`${element}Period`] as fhir4.Period | undefined;
  if (period) {
    return { start: period.start ? dateOf(period.start, `${path}Period.start`) : null, end: period.end ? dateOf(period.end, `${path}Period.end`) : null, age: null, text: null };
  }
  const age = resource[`${element}Age`] as fhir4.Age | undefined;
  if (age) return { start: null, end: null, age: quantityText(age), text: null };
  const range = resource[`${element}Range`] as fhir4.Range | undefined;
  if (range) return { start: null, end: null, age: [quantityText(range.low), quantityText(range.high)].filter(Boolean).join(' - ') || null, text: null };
  const string = resource[`${element}String`];
  if (typeof string === 'string') return { start: null, end: null, age: null, text: textOf(string, 200) };
  if (resource[`${element}Boolean`] === true) return { start: null, end: null, age: null, text: 'yes (no date given)' };
  return null;
}

export interface QuantityValue {
  value: number;
  comparator: string | null;
  unit: string | null;
  /** UCUM (or other) system and code of the unit. */
  system: string | null;
  code: string | null;
}

export function quantityOf(q: fhir4.Quantity | undefined, path: string): QuantityValue | null {
  if (!q) return null;
  if (typeof q.value !== 'number') throw new FeedProblem(`${path}.value`, `${path}.value is required for a quantity this record shows`);
  return { value: q.value, comparator: q.comparator ?? null, unit: textOf(q.unit ?? q.code, 50), system: q.system ?? null, code: q.code ?? null };
}

export { quantityText };

export interface DosageLine {
  sequence: number | null;
  text: string | null;
  /** The structured parts in words (dose, how often, route, as needed), whether or not text was sent. */
  structuredText: string | null;
  patientInstruction: string | null;
  timing: string | null;
  asNeeded: boolean | null;
  asNeededFor: ConceptValue | null;
  site: ConceptValue | null;
  route: ConceptValue | null;
  method: ConceptValue | null;
  dose: string | null;
  maxDosePerPeriod: string | null;
  additionalInstructions: ConceptValue[];
}

const PERIOD_UNITS: Record<string, string> = { s: 'second', min: 'minute', h: 'hour', d: 'day', wk: 'week', mo: 'month', a: 'year' };

/** FHIR event-timing codes (Timing.repeat.when) as people say them; an unknown code is shown as sent. */
const WHEN: Record<string, string> = {
  MORN: 'in the morning', AFT: 'in the afternoon', EVE: 'in the evening', NIGHT: 'at night', PHS: 'after sleep', HS: 'at bedtime', WAKE: 'on waking',
  C: 'with a meal', CM: 'with breakfast', CD: 'with lunch', CV: 'with the evening meal', AC: 'before a meal', ACM: 'before breakfast', ACD: 'before lunch',
  ACV: 'before the evening meal', PC: 'after a meal', PCM: 'after breakfast', PCD: 'after lunch', PCV: 'after the evening meal',
};

const unitName = (unit: string, n: number) => `${PERIOD_UNITS[unit] ?? unit}${n === 1 ? '' : 's'}`;

/** How often, as a prescriber says it: "once a day", "twice a day", "3-4 times a day", "every 4 hours". */
function frequencyWords(r: fhir4.TimingRepeat): string | null {
  if (r.frequency === undefined || r.period === undefined || !r.periodUnit) return null;
  const times = r.frequencyMax ? `${r.frequency}-${r.frequencyMax} times` : r.frequency === 1 ? 'once' : r.frequency === 2 ? 'twice' : `${r.frequency} times`;
  if (r.period === 1) return `${times} a${r.periodUnit === 'h' ? 'n' : ''} ${unitName(r.periodUnit, 1)}`;
  if (r.frequency === 1 && !r.frequencyMax) return `every ${r.period} ${unitName(r.periodUnit, r.period)}`;
  return `${times} every ${r.period} ${unitName(r.periodUnit, r.period)}`;
}

/** A timing as people read it: its code, else "twice a day", plus when. */
function timingText(timing: fhir4.Timing | undefined): string | null {
  if (!timing) return null;
  const code = timing.code?.text ?? timing.code?.coding?.[0]?.display;
  if (code) return textOf(code, 200);
  const r = timing.repeat;
  if (!r) return null;
  const parts: string[] = [];
  const frequency = frequencyWords(r);
  if (frequency) parts.push(frequency);
  if (r.timeOfDay?.length) parts.push(`at ${r.timeOfDay.join(', ')}`);
  if (r.when?.length) parts.push(`(${r.when.map((w) => WHEN[w] ?? w).join(', ')})`);
  if (r.duration !== undefined && r.durationUnit) parts.push(`for ${r.duration} ${PERIOD_UNITS[r.durationUnit] ?? r.durationUnit}${r.duration === 1 ? '' : 's'}`);
  return parts.length ? parts.join(' ') : null;
}

function doseText(doseAndRate: fhir4.DosageDoseAndRate[] | undefined): string | null {
  const first = doseAndRate?.[0];
  if (!first) return null;
  if (first.doseQuantity) return quantityText(first.doseQuantity);
  if (first.doseRange) return [quantityText(first.doseRange.low), quantityText(first.doseRange.high)].filter(Boolean).join(' - ') || null;
  return null;
}

type StructuredParts = Pick<DosageLine, 'dose' | 'timing' | 'route' | 'site' | 'method' | 'asNeeded' | 'asNeededFor' | 'maxDosePerPeriod'>;

/**
 * A dosage line's structured parts in the words a clinician reads, e.g. "1 tablet twice a day, by
 * oral route, as needed for pain; no more than 8 tablet per 1 d": the line a source that sent no
 * text would otherwise lose (timing.repeat "once daily" dropped). Null when no part was sent.
 */
export function dosageWords(parts: StructuredParts): string | null {
  const concept = (c: ConceptValue | null) => c?.text ?? c?.display ?? null;
  const head = [parts.dose, parts.timing].filter(Boolean).join(' ');
  const route = concept(parts.route);
  const site = concept(parts.site);
  const method = concept(parts.method);
  const asNeeded = parts.asNeeded ? `as needed${concept(parts.asNeededFor) ? ` for ${concept(parts.asNeededFor)}` : ''}` : null;
  const words = [head || null, method, route ? `by ${route.toLowerCase().startsWith('by ') ? route.slice(3) : route}` : null, site ? `to ${site}` : null, asNeeded].filter(Boolean).join(', ');
  const max = parts.maxDosePerPeriod ? `no more than ${parts.maxDosePerPeriod}` : null;
  return [words || null, max].filter(Boolean).join('; ') || null;
}

/** Every dosage line (MedicationStatement.dosage, MedicationRequest.dosageInstruction, ...), in sequence order. */
export function dosageLinesOf(dosages: fhir4.Dosage[] | undefined, path: string): DosageLine[] {
  return (dosages ?? [])
    .map((d, i) => ({
      sequence: d.sequence ?? null,
      text: textOf(d.text, 1000),
      patientInstruction: textOf(d.patientInstruction, 1000),
      timing: timingText(d.timing),
      asNeeded: d.asNeededBoolean ?? (d.asNeededCodeableConcept ? true : null),
      asNeededFor: optionalConceptOf(d.asNeededCodeableConcept, `${path}[${i}].asNeededCodeableConcept`),
      site: optionalConceptOf(d.site, `${path}[${i}].site`),
      route: optionalConceptOf(d.route, `${path}[${i}].route`),
      method: optionalConceptOf(d.method, `${path}[${i}].method`),
      dose: doseText(d.doseAndRate),
      maxDosePerPeriod: d.maxDosePerPeriod ? `${quantityText(d.maxDosePerPeriod.numerator)} per ${quantityText(d.maxDosePerPeriod.denominator)}` : null,
      additionalInstructions: (d.additionalInstruction ?? []).map((c, j) => optionalConceptOf(c, `${path}[${i}].additionalInstruction[${j}]`)!),
    }))
    .map((line) => ({ ...line, structuredText: dosageWords(line) }))
    .sort((a, b) => (a.sequence ?? 0) - (b.sequence ?? 0));
}

/** The people and places references name, resolved within the bundle where they carry no display. */
export function namesOf(references: Array<fhir4.Reference | undefined> | undefined, from: any, bundle: BundleReferences): string[] {
  return (references ?? []).map((r) => referenceDisplay(r, from, bundle)).filter((n): n is string => Boolean(n));
}

/** The value of a (possibly nested) extension, by URLs, e.g. ['...RepeatInformation', 'numberOfPrescriptionsIssued']. */
export function extensionValue(element: { extension?: fhir4.Extension[] } | undefined, urls: string[]): unknown {
  let current: { extension?: fhir4.Extension[] } | undefined = element;
  let found: fhir4.Extension | undefined;
  for (const url of urls) {
    found = current?.extension?.find((e) => e.url === url);
    if (!found) return undefined;
    current = found;
  }
  if (!found) return undefined;
  const key = Object.keys(found).find((k) => k.startsWith('value'));
  return key ? (found as unknown as Record<string, unknown>)[key] : undefined;
}

/** A resource that names a medicine by medication[x]. */
type MedicineResource = fhir4.MedicationStatement | fhir4.MedicationRequest | fhir4.MedicationDispense | fhir4.MedicationAdministration;

/**
 * The medicine: medicationCodeableConcept, or the Medication that medicationReference names
 * (contained, in the bundle, or by reference with a display).
 */
export function medicineOf(r: MedicineResource, references: BundleReferences): ConceptValue {
  const type = r.resourceType;
  if (r.medicationCodeableConcept) return codingOf(r.medicationCodeableConcept, `${type}.medicationCodeableConcept`);
  const medication = references.resolve(r.medicationReference, r as never) as fhir4.Medication | null;
  if (medication?.resourceType === 'Medication' && medication.code) return codingOf(medication.code, `${type}.medicationReference -> Medication.code`);
  const display = textOf(r.medicationReference?.display, 500);
  if (display) return textConcept(display);
  throw new FeedProblem(
    `${type}.medicationReference`,
    `${type}.medicationReference must name a Medication with a code, contained (#id) or in the same bundle, or carry a display`,
  );
}
