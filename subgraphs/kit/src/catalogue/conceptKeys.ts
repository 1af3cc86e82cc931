/**
 * A coded concept as the record stores it (the preferred coding's system/code/display, every coding
 * the source sent, the clinician's text), and the codes that identify it, for deciding that two items
 * are the same thing: the combined record's merge, a medicine's statement and its prescription.
 */

export interface Concept {
  system?: string | null;
  code?: string | null;
  display?: string | null;
  text?: string | null;
  coding?: Array<{ system?: string | null; code?: string | null; display?: string | null }> | null;
}

/** The concept's text-only pseudo-system (a concept the source gave as words alone). */
const TEXT_ONLY = 'text';

/**
 * The codes that identify a concept: every coding of a code system (SNOMED CT, dm+d, LOINC, ...).
 * A concept given as text only has none, so it is never the same as another by its codes: two
 * sources' free text is not evidence of the same fact.
 */
export function conceptKeys(concept: Concept | null | undefined): string[] {
  if (!concept) return [];
  const codings = [...(concept.coding ?? []), { system: concept.system, code: concept.code }];
  return [...new Set(codings.filter((c) => c.system && c.code && c.system !== TEXT_ONLY).map((c) => `${c.system}|${c.code}`))];
}
