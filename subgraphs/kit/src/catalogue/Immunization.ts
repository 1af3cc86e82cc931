import {
  clinicalTimeOf,
  codingOf,
  FeedProblem,
  namesOf,
  oneOf,
  optionalCodingOf,
  quantityOf,
  referenceDisplay,
  textOf,
  type BundleReferences,
  type ResourceMapping,
} from '../ingest';

/**
 * FHIR R4 Immunization (UKCore-Immunization) -> an immunisation given, or recorded as not done with
 * why (never shown as given): the vaccine with every coding, when, dose number, lot, site, route,
 * dose, who gave it and the manufacturer.
 */

export function immunizationMapping(panel: string): ResourceMapping {
  return (r: fhir4.Immunization, references: BundleReferences) => immunizationItem(panel, r, references);
}

function immunizationItem(panel: string, r: fhir4.Immunization, references: BundleReferences) {
  const occurrence = clinicalTimeOf(r, 'occurrence');
  if (!occurrence) throw new FeedProblem('Immunization.occurrence[x]', 'Immunization.occurrence[x] is required');
  const dose = r.protocolApplied?.[0];
  return {
    panel,
    fields: {
      vaccine: codingOf(r.vaccineCode, 'Immunization.vaccineCode'),
      date: occurrence.start,
      occurrence,
      status: oneOf(r.status, ['completed', 'not-done'] as const, 'Immunization.status'),
      statusReason: optionalCodingOf(r.statusReason, 'Immunization.statusReason'),
      doseNumber: dose ? String(dose.doseNumberPositiveInt ?? dose.doseNumberString ?? '') || null : null,
      lotNumber: textOf(r.lotNumber, 100),
      site: optionalCodingOf(r.site, 'Immunization.site'),
      route: optionalCodingOf(r.route, 'Immunization.route'),
      doseQuantity: quantityOf(r.doseQuantity, 'Immunization.doseQuantity'),
      performer: namesOf(r.performer?.map((p) => p.actor), r, references).join(', ') || null,
      manufacturer: referenceDisplay(r.manufacturer, r as never, references),
    },
  };
}
