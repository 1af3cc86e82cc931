import {
  conceptsOf,
  dosageLinesOf,
  FHIR_STATUS,
  isCurrent,
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
} from '@shareforyou/kit/src/ingest';
import { acutePanels } from '../panels';

/**
 * MedicationDispense and MedicationAdministration -> the hospital's dispensed and administered
 * medicines, kept whole: the medicine (coded, or the Medication referenced: contained, in the
 * bundle, or by display), every dosage instruction of a dispense, an administration's dose, route
 * and rate, who did it, and the prescription it fulfils. Status is told truly: a dispense that was
 * cancelled, declined or stopped was not supplied, and an administration that was not done is
 * shown as not given, with the reason, never as given. Entered-in-error never reaches here (the
 * kit deletes).
 */


/** Who took part and how (performer.function, performer.actor). */
function performersOf(performers: Array<{ function?: fhir4.CodeableConcept; actor: fhir4.Reference }> | undefined, from: fhir4.Resource, references: BundleReferences, path: string) {
  return (performers ?? []).map((p, i) => ({
    function: optionalCodingOf(p.function, `${path}[${i}].function`),
    actor: referenceDisplay(p.actor, from as never, references),
  }));
}

/** A prescription as the source names it: the display, else its reference (Type/id) or identifier. */
function prescriptionLabel(reference: fhir4.Reference | undefined): string | null {
  if (!reference) return null;
  return textOf(reference.display ?? reference.reference ?? reference.identifier?.value, 200);
}

export function medicationDispenseMapping(r: fhir4.MedicationDispense, references: BundleReferences) {
  const status = oneOf(r.status, FHIR_STATUS.medicationDispense, 'MedicationDispense.status');
  const statusReason = r.statusReasonCodeableConcept
    ? optionalCodingOf(r.statusReasonCodeableConcept, 'MedicationDispense.statusReasonCodeableConcept')
    : r.statusReasonReference
      ? ((display) => (display ? textConcept(display) : null))(referenceDisplay(r.statusReasonReference, r as never, references) ?? prescriptionLabel(r.statusReasonReference))
      : null;
  return {
    panel: acutePanels.medicationDispenses,
    fields: {
      medication: medicineOf(r, references),
      status,
      statusReason,
      // Only a dispense handed over (completed) supplied the medicine to the patient.
      supplied: status === 'completed',
      current: isCurrent('medicationDispense', status),
      category: optionalCodingOf(r.category, 'MedicationDispense.category'),
      type: optionalCodingOf(r.type, 'MedicationDispense.type'),
      quantity: quantityOf(r.quantity, 'MedicationDispense.quantity'),
      daysSupply: quantityOf(r.daysSupply, 'MedicationDispense.daysSupply'),
      whenPrepared: optionalDateOf(r.whenPrepared, 'MedicationDispense.whenPrepared'),
      whenHandedOver: optionalDateOf(r.whenHandedOver, 'MedicationDispense.whenHandedOver'),
      // Every line, in sequence order: a reducing dose or morning and evening doses are several.
      dosageInstructions: dosageLinesOf(r.dosageInstruction, 'MedicationDispense.dosageInstruction'),
      performers: performersOf(r.performer, r, references, 'MedicationDispense.performer'),
      location: referenceDisplay(r.location, r as never, references),
      prescriptions: (r.authorizingPrescription ?? []).map(prescriptionLabel).filter((p): p is string => Boolean(p)),
      substitution: r.substitution
        ? {
            wasSubstituted: r.substitution.wasSubstituted,
            type: optionalCodingOf(r.substitution.type, 'MedicationDispense.substitution.type'),
            reasons: conceptsOf(r.substitution.reason, 'MedicationDispense.substitution.reason'),
          }
        : null,
      notes: notesOf(r.note, 2000),
    },
  };
}

/** dosage.rate[x] as people read it: "50 mL/h", or a ratio "5 mg per 1 h". */
function rateText(dosage: fhir4.MedicationAdministrationDosage | undefined): string | null {
  if (dosage?.rateQuantity) return quantityText(dosage.rateQuantity);
  const ratio = dosage?.rateRatio;
  if (ratio?.numerator || ratio?.denominator) return [quantityText(ratio.numerator), quantityText(ratio.denominator)].filter(Boolean).join(' per ') || null;
  return null;
}

export function medicationAdministrationMapping(r: fhir4.MedicationAdministration, references: BundleReferences) {
  const status = oneOf(r.status, FHIR_STATUS.medicationAdministration, 'MedicationAdministration.status');
  const dosage = r.dosage;
  return {
    panel: acutePanels.medicationAdministrations,
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
