import { codingOf, conceptsOf, conceptText, FHIR_STATUS, isCurrent, namesOf, oneOf, optionalDateOf, textOf, type BundleReferences } from '../ingest';
import type { ResourceMapping } from '../ingest';
import { attachmentsOf } from './documentParts';
import { observationSourceId } from './Observation';

/**
 * DiagnosticReport -> a test report with the results issued in it (their Observations are mapped
 * by the kit's catalogue, Observation.ts). A cancelled report is never current; an
 * entered-in-error one never reaches here (the kit deletes it).
 */

export function diagnosticReportMapping(panel: string): ResourceMapping {
  return (r: fhir4.DiagnosticReport, references: BundleReferences) => diagnosticReportItem(panel, r, references);
}

function diagnosticReportItem(panel: string, r: fhir4.DiagnosticReport, references: BundleReferences) {
  const code = codingOf(r.code, 'DiagnosticReport.code');
  const status = oneOf(r.status, FHIR_STATUS.diagnosticReport, 'DiagnosticReport.status');
  return {
    panel,
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
