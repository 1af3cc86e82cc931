import {
  clinicalTimeOf,
  codingOf,
  conceptsOf,
  conceptText,
  FeedProblem,
  FHIR_STATUS,
  isCurrent,
  namesOf,
  notesOf,
  oneOf,
  optionalCodingOf,
  optionalDateOf,
  textOf,
  type BundleReferences,
  type ConceptValue,
} from '@shareforyou/kit/src/ingest';
import { acutePanels } from '../panels';
import { attachmentsOf } from './documents';
import { observationValueOf, referenceRangesOf } from './observationValues';

/**
 * Observation -> a test result, DiagnosticReport -> a test report, kept whole: every value type,
 * every component (a blood pressure is one observation with two), panel members (hasMember),
 * data-absent reasons, every flag and reference range. A cancelled result is never current; an
 * entered-in-error one never reaches here (the kit deletes it).
 */

/** Results that stand. Cancelled has no result; unknown means the source cannot say it stands. */
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
function observationSourceId(reference: fhir4.Reference, from: any, references: BundleReferences, path: string): string {
  const resolved = references.resolve(reference, from);
  if (resolved?.resourceType === 'Observation' && typeof resolved.id === 'string') return resolved.id;
  const match = /(?:^|\/)Observation\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(reference.reference ?? '');
  if (match) return match[1];
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

export function observationMapping(r: fhir4.Observation, references: BundleReferences) {
  const status = oneOf(r.status, FHIR_STATUS.observation, 'Observation.status');
  const result = observationValueOf(r, 'Observation');
  const components = (r.component ?? []).map((c, i) => componentOf(c, `Observation.component[${i}]`));
  const memberSourceIds = (r.hasMember ?? []).map((ref, i) => observationSourceId(ref, r, references, `Observation.hasMember[${i}]`));
  const dataAbsentReason = optionalCodingOf(r.dataAbsentReason, 'Observation.dataAbsentReason');
  // What this record needs to show a result: a value, or why there is none, or its parts.
  if (!result && !dataAbsentReason && components.length === 0 && memberSourceIds.length === 0 && status !== 'registered' && status !== 'cancelled') {
    throw new FeedProblem('Observation.value[x]', 'Observation needs a value[x], a dataAbsentReason, components or hasMember (unless it is registered or cancelled)');
  }
  const effective = clinicalTimeOf(r, 'effective');
  const issued = optionalDateOf(r.issued, 'Observation.issued');
  if (!effective?.start && !issued) {
    throw new FeedProblem('Observation.effective[x]', 'Observation needs effective[x] (when it was made) or issued (when it was released): a result without a time cannot be placed');
  }
  const interpretations = conceptsOf(r.interpretation, 'Observation.interpretation');
  const referenceRanges = referenceRangesOf(r.referenceRange, 'Observation.referenceRange');
  const categories = conceptsOf(r.category, 'Observation.category');
  return {
    panel: acutePanels.testResults,
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

export function diagnosticReportMapping(r: fhir4.DiagnosticReport, references: BundleReferences) {
  const code = codingOf(r.code, 'DiagnosticReport.code');
  const status = oneOf(r.status, FHIR_STATUS.diagnosticReport, 'DiagnosticReport.status');
  return {
    panel: acutePanels.testReports,
    fields: {
      code,
      name: conceptText(r.code) ?? code.display,
      status,
      current: isCurrent('diagnosticReport', status),
      categories: conceptsOf(r.category, 'DiagnosticReport.category'),
      effectiveDate: optionalDateOf(r.effectiveDateTime ?? r.effectivePeriod?.start, 'DiagnosticReport.effective[x]'),
      issued: optionalDateOf(r.issued, 'DiagnosticReport.issued'),
      performer: namesOf([...(r.performer ?? []), ...(r.resultsInterpreter ?? [])], r, references),
      conclusion: textOf(r.conclusion, 4000),
      conclusionCodes: conceptsOf(r.conclusionCode, 'DiagnosticReport.conclusionCode'),
      presentedForms: attachmentsOf(r.presentedForm, code.display),
      resultSourceIds: (r.result ?? []).map((ref, i) => observationSourceId(ref, r, references, `DiagnosticReport.result[${i}]`)),
    },
  };
}
