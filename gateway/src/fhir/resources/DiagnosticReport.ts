/// <reference types="fhir" />
import { codeableConcepts, compact, fhirCode, itemReference, patientReference, requiredConcept, sourceResource, type SourceItem } from '../datatypes';

/**
 * DiagnosticReport from the catalogue's TestReport: its status as the source gave it (a cancelled
 * report stays cancelled), the conclusion in words and codes, the results issued in it as references
 * to their Observations (GET /fhir/Observation/<id> reads each), and the report as presented (a PDF:
 * linked, never inline bytes).
 */

export const REPORT_SELECTION =
  'id code { ...C } name status categories { ...C } effectiveDate issued performer conclusion conclusionCodes { ...C } presentedForms { title contentType language url size creation } resultIds provenance { ...P }';

export function diagnosticReport(item: SourceItem, nhsNumber: string): fhir4.DiagnosticReport {
  return compact({
    ...sourceResource('DiagnosticReport', item, nhsNumber),
    status: fhirCode(item.status) as fhir4.DiagnosticReport['status'],
    category: codeableConcepts(item.categories),
    code: requiredConcept(item.code),
    subject: patientReference(nhsNumber),
    effectiveDateTime: item.effectiveDate ?? undefined,
    issued: item.issued ?? undefined,
    performer: (item.performer ?? []).map((display: string) => ({ display })),
    result: (item.resultIds ?? []).map((id: string) => itemReference(id, nhsNumber)).filter(Boolean),
    conclusion: item.conclusion ?? undefined,
    conclusionCode: codeableConcepts(item.conclusionCodes),
    presentedForm: (item.presentedForms ?? []).map((f: SourceItem) => compact({ contentType: f.contentType, language: f.language, url: f.url, size: f.size ?? undefined, creation: f.creation, title: f.title })),
  });
}
