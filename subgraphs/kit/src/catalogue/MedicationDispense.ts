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
  referenceDisplay,
  textConcept,
  type BundleReferences,
  type ResourceMapping,
} from '../ingest';
import { performersOf, prescriptionLabel } from './medicineParts';


/**
 * FHIR R4 MedicationDispense (and, in MedicationAdministration.ts, MedicationAdministration) -> dispensed and administered
 * medicines, kept whole: the medicine (coded, or the Medication referenced: contained, in the
 * bundle, or by display), every dosage instruction of a dispense, an administration's dose, route
 * and rate, who did it, and the prescription it fulfils. Status is told truly: a dispense that was
 * cancelled, declined or stopped was not supplied, and an administration that was not done is
 * shown as not given, with the reason, never as given. Entered-in-error never reaches here (the
 * kit deletes).
 */


/** Who took part and how (performer.function, performer.actor). */
export function medicationDispenseMapping(panel: string): ResourceMapping {
  return (r: fhir4.MedicationDispense, references: BundleReferences) => medicationDispenseItem(panel, r, references);
}

function medicationDispenseItem(panel: string, r: fhir4.MedicationDispense, references: BundleReferences) {
  const status = oneOf(r.status, FHIR_STATUS.medicationDispense, 'MedicationDispense.status');
  const statusReason = r.statusReasonCodeableConcept
    ? optionalCodingOf(r.statusReasonCodeableConcept, 'MedicationDispense.statusReasonCodeableConcept')
    : r.statusReasonReference
      ? ((display) => (display ? textConcept(display) : null))(referenceDisplay(r.statusReasonReference, r as never, references) ?? prescriptionLabel(r.statusReasonReference))
      : null;
  return {
    panel,
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
