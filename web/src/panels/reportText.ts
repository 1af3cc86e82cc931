import { resultText, type ResultLike } from './resultText';
import { resultFlag, type FlaggedResult } from './resultFlag';

/**
 * How a report (FHIR DiagnosticReport) reads in the per-source results panel. Pure (no DOM), so the
 * wording is unit-tested: every result issued in it is named with its value and, outside its range,
 * its flag in letters and words ("H (High)"), in the report's order; a result the report names that
 * this record does not hold is counted, never silently dropped.
 */

interface ReportResult extends ResultLike, FlaggedResult {
  code: { display?: string | null; text?: string | null };
}

/** "Haemoglobin 112 g/L L (Low); White cell count 11.8 × 10⁹/L"; "(1 more result not held in this record)" when the report names results the record lacks. */
export function reportResults(r: { resultIds: string[]; results: ReportResult[] }): string {
  const listed = r.results.map((result) => [result.code.text ?? result.code.display, resultText(result), resultFlag(result)].filter(Boolean).join(' ')).join('; ');
  const missing = r.resultIds.length - r.results.length;
  const more = missing > 0 ? `(${missing} more ${missing === 1 ? 'result' : 'results'} not held in this record)` : '';
  return [listed, more].filter(Boolean).join(' ');
}
