/**
 * How a next of kin's relationships (RelatedPerson.relationship) read in the demographics panel. Pure
 * (no DOM), so the wording is unit-tested: every relationship the source sent, in its own words, each once.
 */

interface Concept {
  display?: string | null;
  text?: string | null;
}

/** "natural daughter, Next-of-Kin": each relationship's text, else its display, in the source's order. */
export function relationshipWords(relationships: Concept[] | null | undefined): string {
  const said = (relationships ?? []).map((r) => r.text ?? r.display ?? '').filter(Boolean);
  return [...new Set(said)].join(', ');
}
