import {
  allergyIntoleranceMapping,
  appointmentMapping,
  carePlanMapping,
  compositionMapping,
  conditionMapping,
  consentMapping,
  deviceUseStatementMapping,
  diagnosticReportMapping,
  documentReferenceMapping,
  encounterMapping,
  familyMemberHistoryMapping,
  flagMapping,
  immunizationMapping,
  listMapping,
  medicationAdministrationMapping,
  medicationDispenseMapping,
  medicineMapping,
  observationMapping,
  procedureMapping,
  relatedPersonMapping,
  serviceRequestMapping,
} from '@shareforyou/kit/src/catalogue';
import { required, type SliceFeed } from '@shareforyou/kit/src/ingest';
import { gpPanels } from './panels';

/**
 * The GP system's FHIR R4 feed (UK Core resources) -> the GP slice's panels: the kit's clinical
 * catalogue for the types every slice shares, the GP's own mappings below. Each mapping keeps the
 * clinical content whole (every coding, reaction and dosage line) and says whether the item is
 * current; statuses that retract an item (entered-in-error) never reach here: the kit deletes.
 */

/** A consultation: the catalogue's Encounter; the practice's type names its first type and its start (both required). */
const consultation = encounterMapping((e) => ({
  panel: gpPanels.consultations,
  names: { type: required(e.type[0], 'Encounter.type'), types: e.type, date: required(e.start, 'Encounter.period.start') },
}));

export const gpFeed: SliceFeed = {
  resources: {
    MedicationStatement: medicineMapping(gpPanels.medications),
    MedicationRequest: medicineMapping(gpPanels.medications),
    AllergyIntolerance: allergyIntoleranceMapping({ allergies: gpPanels.allergies, noKnownAllergies: gpPanels.noKnownAllergies }),
    Condition: conditionMapping(gpPanels.problems),
    Observation: observationMapping(gpPanels.observations),
    Procedure: procedureMapping(gpPanels.procedures),
    Immunization: immunizationMapping(gpPanels.immunisations),
    ServiceRequest: serviceRequestMapping(gpPanels.referrals),
    CarePlan: carePlanMapping(gpPanels.carePlans),
    Flag: flagMapping({ alerts: gpPanels.alerts, safeguardingAlerts: gpPanels.safeguardingAlerts, riskAlerts: gpPanels.riskAlerts }),
    // Issue #18 point 1
    FamilyMemberHistory: familyMemberHistoryMapping(gpPanels.familyHistory),
    List: listMapping({ noKnownAllergies: gpPanels.noKnownAllergies, noKnownProblems: gpPanels.noKnownProblems, noCurrentMedications: gpPanels.noCurrentMedications }),
    DeviceUseStatement: deviceUseStatementMapping(gpPanels.medicalDevices),
    Consent: consentMapping(gpPanels.advanceDecisions),
    Encounter: consultation,
    // Issue #18 point 1: every kind holds the catalogue.
    Appointment: appointmentMapping(gpPanels.appointments),
    DocumentReference: documentReferenceMapping(gpPanels.documents),
    Composition: compositionMapping(gpPanels.documents),
    DiagnosticReport: diagnosticReportMapping(gpPanels.testReports),
    MedicationAdministration: medicationAdministrationMapping(gpPanels.medicationAdministrations),
    MedicationDispense: medicationDispenseMapping(gpPanels.medicationDispenses),
    RelatedPerson: relatedPersonMapping(gpPanels.relatedPeople),
  },
};
