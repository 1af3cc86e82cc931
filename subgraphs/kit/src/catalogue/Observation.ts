import {
  clinicalTimeOf,
  codingOf,
  conceptsOf,
  conceptText,
  FeedProblem,
  FHIR_STATUS,
  literalReference,
  isCurrent,
  namesOf,
  notesOf,
  oneOf,
  optionalCodingOf,
  optionalDateOf,
  type BundleReferences,
  type ConceptValue,
  type ResourceMapping,
} from '../ingest';
import { observationValueOf, referenceRangesOf } from './observationValues';

/**
 * FHIR R4 Observation of every category (vital signs, laboratory, social history such as smoking
 * and alcohol, examination, survey, imaging) -> a result, kept whole: every value type, every
 * component (a blood pressure is one observation with two), panel members (hasMember),
 * data-absent reasons, every flag and reference range. A cancelled result is never current; an
 * entered-in-error one never reaches here (the kit deletes it).
 */

/** HL7 v3 ObservationInterpretation codes that flag a result as outside its reference range. */
const ABNORMAL_FLAGS = new Set(['A', 'AA', 'H', 'HH', 'HU', 'L', 'LL', 'LU', '<', '>']);
const NORMAL_FLAGS = new Set(['N']);

/** Abnormal when any flag says so, normal when every flag says normal, else not flagged (null). */
function abnormalOf(flags: ConceptValue[]): boolean | null {
  const codes = flags.flatMap((f) => (f.coding.length ? f.coding.map((c) => c.code) : [f.code]));
  if (codes.some((c) => ABNORMAL_FLAGS.has(c))) return true;
  if (codes.length > 0 && codes.every((c) => NORMAL_FLAGS.has(c))) return false;
  return null;
}

/** The source id of the Observation a reference names: in the bundle (urn:uuid, Type/id) or by "Observation/<id>". */
export function observationSourceId(reference: fhir4.Reference, from: any, references: BundleReferences, path: string): string {
  const resolved = references.resolve(reference, from);
  if (resolved?.resourceType === 'Observation' && typeof resolved.id === 'string') return resolved.id;
  const literal = literalReference(reference.reference);
  if (literal?.resourceType === 'Observation') return literal.id;
  throw new FeedProblem(path, `${path} must reference an Observation ("Observation/<id>", or an entry of the same bundle)`);
}

function componentOf(c: fhir4.ObservationComponent, path: string) {
  return {
    code: codingOf(c.code, `${path}.code`),
    value: observationValueOf(c, path),
    dataAbsentReason: optionalCodingOf(c.dataAbsentReason, `${path}.dataAbsentReason`),
    interpretations: conceptsOf(c.interpretation, `${path}.interpretation`),
    referenceRanges: referenceRangesOf(c.referenceRange, `${path}.referenceRange`),
  };
}

export function observationMapping(panel: string): ResourceMapping {
  return (r: fhir4.Observation, references: BundleReferences) => observationItem(panel, r, references);
}

function observationItem(panel: string, r: fhir4.Observation, references: BundleReferences) {
  const status = oneOf(r.status, FHIR_STATUS.observation, 'Observation.status');
  const result = observationValueOf(r, 'Observation');
  const components = (r.component ?? []).map((c, i) => componentOf(c, `Observation.component[${i}]`));
  const memberSourceIds = (r.hasMember ?? []).map((ref, i) => observationSourceId(ref, r, references, `Observation.hasMember[${i}]`));
  const dataAbsentReason = optionalCodingOf(r.dataAbsentReason, 'Observation.dataAbsentReason');
  // No value, no reason, no parts: FHIR R4 allows it, and then the code is itself the finding
  // ("breathing room air", "awareness of diagnosis"); shown as the code alone (codeIsFinding).
  const codeIsFinding = !result && !dataAbsentReason && components.length === 0 && memberSourceIds.length === 0;
  const effective = clinicalTimeOf(r, 'effective');
  const issued = optionalDateOf(r.issued, 'Observation.issued');
  if (!effective?.start && !issued) {
    throw new FeedProblem('Observation.effective[x]', 'Observation needs effective[x] (when it was made) or issued (when it was released): a result without a time cannot be placed');
  }
  const interpretations = conceptsOf(r.interpretation, 'Observation.interpretation');
  const referenceRanges = referenceRangesOf(r.referenceRange, 'Observation.referenceRange');
  const categories = conceptsOf(r.category, 'Observation.category');
  return {
    panel,
    fields: {
      code: codingOf(r.code, 'Observation.code'),
      status,
      current: isCurrent('observation', status),
      category: conceptText(r.category?.[0]),
      categories,
      // The number as reported (with any comparator) beside its unit; every other type as read.
      value: result?.quantity ? `${result.quantity.comparator ?? ''}${result.quantity.value}` : (result?.text ?? null),
      unit: result?.quantity?.unit ?? null,
      result,
      dataAbsentReason,
      codeIsFinding,
      components,
      memberSourceIds,
      referenceRange: referenceRanges[0]?.text ?? null,
      referenceRanges,
      interpretation: interpretations[0] ?? null,
      interpretations,
      abnormal: abnormalOf(interpretations.length ? interpretations : components.flatMap((c) => c.interpretations)),
      effectiveDate: effective?.start ?? null,
      effective,
      issued,
      performer: namesOf(r.performer, r, references),
      method: optionalCodingOf(r.method, 'Observation.method'),
      bodySite: optionalCodingOf(r.bodySite, 'Observation.bodySite'),
      notes: notesOf(r.note, 2000),
    },
  };
}
