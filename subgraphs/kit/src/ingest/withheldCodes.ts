/**
 * Information national summaries withhold (IVF, sexually transmitted infection, termination of
 * pregnancy, gender reassignment) is not stored at all. Matched by SNOMED CT code and, as a safety
 * net for local codes, by the display text. The authoritative list is the national exclusion
 * reference set; load it here when the terminology server is available.
 */
const WITHHELD_SNOMED = new Set([
  '52637005', // In vitro fertilization
  '8098009', // Sexually transmitted infectious disease
  '386639001', // Termination of pregnancy
]);
const WITHHELD_TEXT = /in[ -]vitro fertili[sz]ation|\bIVF\b|sexually transmitted|termination of pregnancy|gender reassignment|sex reassignment/i;

/** True when any coding anywhere in the mapped fields is withheld. */
export function isWithheld(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some(isWithheld);
  const record = value as Record<string, unknown>;
  if (typeof record.code === 'string' && typeof record.system === 'string') {
    if (WITHHELD_SNOMED.has(record.code)) return true;
    if (typeof record.display === 'string' && WITHHELD_TEXT.test(record.display)) return true;
  }
  return Object.values(record).some(isWithheld);
}
