import {
  conceptsOf,
  FHIR_STATUS,
  medicineOf,
  notesOf,
  oneOf,
  optionalCodingOf,
  optionalDateOf,
  quantityOf,
  quantityText,
  referenceDisplay,
  textConcept,
  textOf,
  type BundleReferences,
  type ResourceMapping,
} from '../ingest';
import { performersOf, prescriptionLabel } from './medicineParts';

/** FHIR R4 MedicationAdministration: a dose given, or recorded as not given (never shown as given), with dose, route, rate and reason. */

function rateText(dosage: fhir4.MedicationAdministrationDosage | undefined): string | null {
  if (dosage?.rateQuantity) return quantityText(dosage.rateQuantity);
  const ratio = dosage?.rateRatio;
  if (ratio?.numerator || ratio?.denominator) return [quantityText(ratio.numerator), quantityText(ratio.denominator)].filter(Boolean).join(' per ') || null;
  return null;
}

export function medicationAdministrationMapping(panel: string): ResourceMapping {
  return (r: fhir4.MedicationAdministration, references: BundleReferences) => medicationAdministrationItem(panel, r, references);
}

function medicationAdministrationItem(panel: string, r: fhir4.MedicationAdministration, references: BundleReferences) {
  const status = oneOf(r.status, FHIR_STATUS.medicationAdministration, 'MedicationAdministration.status');
  const dosage = r.dosage;
  return {
    panel,
    fields: {
      medication: medicineOf(r, references),
      status,
      // Given only when the administration completed; not-done is "not given", with its reasons.
      given: status === 'completed',
      notGiven: status === 'not-done',
      statusReasons: conceptsOf(r.statusReason, 'MedicationAdministration.statusReason'),
      category: optionalCodingOf(r.category, 'MedicationAdministration.category'),
      effective: optionalDateOf(r.effectiveDateTime ?? r.effectivePeriod?.start, r.effectiveDateTime ? 'MedicationAdministration.effectiveDateTime' : 'MedicationAdministration.effectivePeriod.start'),
      effectiveEnd: optionalDateOf(r.effectivePeriod?.end, 'MedicationAdministration.effectivePeriod.end'),
      dosage: dosage
        ? {
            text: textOf(dosage.text, 1000),
            site: optionalCodingOf(dosage.site, 'MedicationAdministration.dosage.site'),
            route: optionalCodingOf(dosage.route, 'MedicationAdministration.dosage.route'),
            method: optionalCodingOf(dosage.method, 'MedicationAdministration.dosage.method'),
            dose: quantityOf(dosage.dose, 'MedicationAdministration.dosage.dose'),
            rate: rateText(dosage),
          }
        : null,
      performers: performersOf(r.performer, r, references, 'MedicationAdministration.performer'),
      reasons: [
        ...conceptsOf(r.reasonCode, 'MedicationAdministration.reasonCode'),
        ...(r.reasonReference ?? [])
          .map((ref) => referenceDisplay(ref, r as never, references))
          .filter((d): d is string => Boolean(d))
          .map(textConcept),
      ],
      prescription: prescriptionLabel(r.request),
      notes: notesOf(r.note, 2000),
    },
  };
}
