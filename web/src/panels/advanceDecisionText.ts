/**
 * How an advance decision (FHIR Consent) reads in the per-source panel. Pure (no DOM), so the wording
 * is unit-tested: what it refuses or permits is said in words, never as deny / permit codes.
 */

interface Concept {
  display?: string | null;
  text?: string | null;
}

const words = (c: Concept | null | undefined) => c?.text ?? c?.display ?? '';

/** The decision by the document that holds it, else by what it is about (Consent.scope). */
export const advanceDecisionName = (a: { source?: string | null; scope: Concept }) => a.source || words(a.scope);

/** "Refuses: cardiopulmonary resuscitation", "Permits: ..."; the treatments alone when the source did not say which. */
export function advanceDecisionProvision(a: { provisionType?: string | null; provisionCodes?: Concept[] | null }): string {
  const treatments = (a.provisionCodes ?? []).map(words).filter(Boolean).join(', ');
  const verb = a.provisionType === 'deny' ? 'Refuses' : a.provisionType === 'permit' ? 'Permits' : '';
  return [verb, treatments].filter(Boolean).join(': ');
}
