/** Which panels the record shows in each of its views. Pure, so the choice is unit-tested. */

/**
 * The combined record's sections (International Patient Summary order), each shown when the role
 * may see the per-organisation panel it is computed from; "View by source" shows those panels instead.
 */
const COMBINED: Array<{ name: string; label: string; from: string }> = [
  { name: 'combinedAllergies', label: 'Allergies', from: 'allergies' },
  { name: 'combinedProblems', label: 'Problems and diagnoses', from: 'problems' },
  { name: 'combinedMedications', label: 'Medications', from: 'medications' },
  { name: 'combinedProcedures', label: 'Operations and procedures', from: 'procedures' },
  { name: 'combinedResults', label: 'Test results', from: 'results' },
  { name: 'combinedVitalSigns', label: 'Vital signs', from: 'results' },
  { name: 'combinedSocialHistory', label: 'Social history', from: 'results' },
];
const COMBINED_FROM = new Set(COMBINED.map((c) => c.from));

export type RecordView = 'combined' | 'source';

/** The panels of the record, in order, for a view: the emergency summary and who the patient is first; then the combined sections or each source's panels; then what has no combined section. */
export function panelsOfView(allowed: Array<{ name: string; label: string }>, view: RecordView): Array<{ name: string; label: string }> {
  const has = (name: string) => allowed.some((p) => p.name === name);
  const first = allowed.filter((p) => p.name === 'emergencySummary' || p.name === 'demographics');
  const rest = allowed.filter((p) => !['emergencySummary', 'demographics', 'accessHistory'].includes(p.name));
  if (view === 'source') return [...first, ...rest];
  return [...first, ...COMBINED.filter((c) => has(c.from)), ...rest.filter((p) => !COMBINED_FROM.has(p.name))];
}
