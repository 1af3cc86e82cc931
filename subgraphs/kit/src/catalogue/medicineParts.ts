import {
  optionalCodingOf,
  referenceDisplay,
  textOf,
  type BundleReferences,
} from '../ingest';

/** What a hospital's dispensed and administered medicines share: who did it, and the prescription it fulfils. */

export function performersOf(performers: Array<{ function?: fhir4.CodeableConcept; actor: fhir4.Reference }> | undefined, from: fhir4.Resource, references: BundleReferences, path: string) {
  return (performers ?? []).map((p, i) => ({
    function: optionalCodingOf(p.function, `${path}[${i}].function`),
    actor: referenceDisplay(p.actor, from as never, references),
  }));
}

/** A prescription as the source names it: the display, else its reference (Type/id) or identifier. */
export function prescriptionLabel(reference: fhir4.Reference | undefined): string | null {
  if (!reference) return null;
  return textOf(reference.display ?? reference.reference ?? reference.identifier?.value, 200);
}
