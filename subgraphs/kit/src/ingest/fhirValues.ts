import { FeedProblem } from './feedProblem';

/**
 * Reading FHIR values in a feed mapping: each helper either returns a clean value or throws a
 * FeedProblem that names where in the resource the fault is. Mappings stay declarative and every
 * rejection explains itself in the OperationOutcome.
 */

export interface CodingValue {
  system: string;
  code: string;
  display: string;
}

const PREFERRED_SYSTEMS = ['http://snomed.info/sct', 'https://dmd.nhs.uk', 'http://loinc.org'];

/**
 * A FHIR CodeableConcept kept whole: every coding (a GP2GP record may carry a degraded code beside
 * the original) and the clinician's text, plus the preferred coding (SNOMED CT, dm+d, LOINC first)
 * flattened as system/code/display. A text-only concept has system "text", code "" and the text.
 */
export interface ConceptValue extends CodingValue {
  coding: CodingValue[];
  text: string | null;
}

export function codingOf(concept: fhir4.CodeableConcept | undefined, path: string): ConceptValue {
  const found = optionalCodingOf(concept, path);
  if (!found) throw new FeedProblem(path, `${path} is required and must carry a coding with system and code, or text`);
  return found;
}

/** A CodeableConcept with text only: what a source wrote without a code (or a name a reference gave). */
export function textConcept(text: string): ConceptValue {
  return { system: 'text', code: '', display: text, coding: [], text };
}

export function optionalCodingOf(concept: fhir4.CodeableConcept | undefined, path: string): ConceptValue | null {
  if (!concept) return null;
  // A coding without system or code cannot be matched; its display is kept as text. A system and
  // code must be strings (FHIR uri and code): a coding whose code is a number, an object or true is not one.
  const isCoding = (c: fhir4.Coding) => typeof c?.system === 'string' && c.system !== '' && typeof c.code === 'string' && c.code.trim() !== '';
  const codings = (Array.isArray(concept.coding) ? concept.coding : [])
    .filter(isCoding)
    .map((c) => ({ system: c.system!, code: c.code!, display: textOf(c.display, 500) ?? c.code! }));
  const text = textOf(concept.text ?? (Array.isArray(concept.coding) ? concept.coding : []).find((c) => !isCoding(c) && c?.display)?.display, 2000);
  const preferred = PREFERRED_SYSTEMS.map((s) => codings.find((c) => c.system === s)).find(Boolean) ?? codings[0];
  if (!preferred) {
    if (text) return textConcept(text);
    throw new FeedProblem(path, `${path} has neither a coding nor text`);
  }
  // An empty display falls back like a missing one: a concept is never shown without words.
  const display = textOf(concept.coding?.find((c) => c.system === preferred.system && c.code === preferred.code)?.display, 500) ?? text ?? preferred.code;
  return { ...preferred, display: textOf(display, 500)!, coding: codings, text };
}

/** CodeableConcept is the FHIR name; codingOf/optionalCodingOf are kept for the mappings that use them. */
export const conceptOf = codingOf;
export const optionalConceptOf = optionalCodingOf;

export function conceptsOf(concepts: fhir4.CodeableConcept[] | undefined, path: string): ConceptValue[] {
  return (concepts ?? []).map((c, i) => codingOf(c, `${path}[${i}]`));
}

/**
 * The code of a status CodeableConcept (clinicalStatus, verificationStatus) from its value set,
 * whichever coding carries it; null when the element is absent.
 */
export function statusCodeOf<T extends string>(concept: fhir4.CodeableConcept | undefined, allowed: readonly T[], path: string): T | null {
  if (!concept) return null;
  const code = concept.coding?.map((c) => c.code).find((c): c is T => allowed.includes(c as T));
  if (!code) throw new FeedProblem(path, `${path} must carry one of ${allowed.join(', ')}`);
  return code;
}

export function required<T>(value: T | undefined | null, path: string): T {
  if (value === undefined || value === null || value === '') throw new FeedProblem(path, `${path} is required`);
  return value;
}

const DATE = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/** A FHIR date or dateTime, kept as the source wrote it (partial dates are legitimate). */
export function dateOf(value: string | undefined, path: string): string {
  const date = required(value, path);
  if (!DATE.test(date) || Number.isNaN(Date.parse(date.length === 4 ? `${date}-01-01` : date))) {
    throw new FeedProblem(path, `${path} is not a FHIR date or dateTime: "${String(date).slice(0, 40)}"`);
  }
  return date;
}

const CALENDAR_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** A FHIR `date` (no time of day): "1944", "1944-03" or "1944-03-12", kept at that precision (Patient.birthDate). */
export function calendarDateOf(value: string | undefined, path: string): string {
  const date = dateOf(value, path);
  if (!CALENDAR_DATE.test(date)) throw new FeedProblem(path, `${path} is a FHIR date (YYYY, YYYY-MM or YYYY-MM-DD), not a date-time: "${date.slice(0, 40)}"`);
  return date;
}

export function optionalDateOf(value: string | undefined, path: string): string | null {
  return value === undefined || value === null ? null : dateOf(value, path);
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], path: string): T {
  const given = required(value, path);
  if (!allowed.includes(given as T)) throw new FeedProblem(path, `${path} must be one of ${allowed.join(', ')}; got "${given}"`);
  return given as T;
}

/** A Period's start and end, each a FHIR date or dateTime at its precision, null when not sent. */
export function periodOf(period: fhir4.Period | undefined, path: string): { start: string | null; end: string | null } {
  return { start: optionalDateOf(period?.start, `${path}.start`), end: optionalDateOf(period?.end, `${path}.end`) };
}

/** An optional code of a required value set: null when absent, refused (naming the path) when outside the set. */
export function optionalOneOf<T extends string>(value: string | undefined, allowed: readonly T[], path: string): T | null {
  return value === undefined || value === null ? null : oneOf(value, allowed, path);
}

export function textOf(value: string | undefined | null, maxLength = 4000): string | null {
  return value ? value.slice(0, maxLength) : null;
}

/** Annotations (a resource's `note`) as their texts, empty ones left out. */
export function notesOf(notes: fhir4.Annotation[] | undefined, maxLength = 4000): string[] {
  return (notes ?? []).map((n) => textOf(n.text, maxLength)).filter((n): n is string => Boolean(n));
}

/** A concept as readable text: its text, else the first coding's display. */
export function conceptText(concept: fhir4.CodeableConcept | undefined): string | null {
  return textOf(concept?.text ?? concept?.coding?.find((c) => c.display)?.display, 500);
}

export const ODS_SYSTEM = 'https://fhir.nhs.uk/Id/ods-organization-code';

/** The person a reference names (a worker, a clinician), never an organisation. */
export function personNamed(reference: fhir4.Reference | undefined): string | null {
  return reference?.identifier?.system === ODS_SYSTEM ? null : textOf(reference?.display, 200);
}
