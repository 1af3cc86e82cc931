import {
  allergyIntoleranceMapping,
  conditionMapping,
  consentMapping,
  deviceUseStatementMapping,
  familyMemberHistoryMapping,
  listMapping,
  medicineMapping,
  observationMapping,
  procedureMapping,
} from '@shareforyou/kit/src/catalogue';
import {
  clinicalTimeOf,
  codingOf,
  dateOf,
  FeedProblem,
  namesOf,
  oneOf,
  optionalCodingOf,
  quantityOf,
  referenceDisplay,
  textOf,
  type BundleReferences,
  type SliceFeed,
} from '@shareforyou/kit/src/ingest';
import { gpPanels } from './panels';

/**
 * The GP system's FHIR R4 feed (UK Core resources) -> the GP slice's panels: the kit's clinical
 * catalogue for the types every slice shares, the GP's own mappings below. Each mapping keeps the
 * clinical content whole (every coding, reaction and dosage line) and says whether the item is
 * current; statuses that retract an item (entered-in-error) never reach here: the kit deletes.
 */

function immunizationMapping(r: fhir4.Immunization, references: BundleReferences) {
  const occurrence = clinicalTimeOf(r, 'occurrence');
  if (!occurrence) throw new FeedProblem('Immunization.occurrence[x]', 'Immunization.occurrence[x] is required');
  const dose = r.protocolApplied?.[0];
  return {
    panel: gpPanels.immunisations,
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

export const gpFeed: SliceFeed = {
  resources: {
    MedicationStatement: medicineMapping(gpPanels.medications),
    MedicationRequest: medicineMapping(gpPanels.medications),
    AllergyIntolerance: allergyIntoleranceMapping({ allergies: gpPanels.allergies, noKnownAllergies: gpPanels.noKnownAllergies }),
    Condition: conditionMapping(gpPanels.problems),
    Observation: observationMapping(gpPanels.observations),
    Procedure: procedureMapping(gpPanels.procedures),
    Immunization: immunizationMapping,
    // Issue #18 point 1
    FamilyMemberHistory: familyMemberHistoryMapping(gpPanels.familyHistory),
    List: listMapping({ noKnownAllergies: gpPanels.noKnownAllergies }),
    DeviceUseStatement: deviceUseStatementMapping(gpPanels.medicalDevices),
    Consent: consentMapping(gpPanels.advanceDecisions),
    Encounter: (r: fhir4.Encounter, references: BundleReferences) => ({
      panel: gpPanels.consultations,
      fields: {
        type: codingOf(r.type?.[0], 'Encounter.type'),
        reason: optionalCodingOf(r.reasonCode?.[0], 'Encounter.reasonCode'),
        date: dateOf(r.period?.start, 'Encounter.period.start'),
        clinician: referenceDisplay(r.participant?.[0]?.individual, r as never, references),
      },
    }),
  },
};
