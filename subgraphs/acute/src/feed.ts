import {
  allergyIntoleranceMapping,
  appointmentMapping,
  carePlanMapping,
  compositionMapping,
  conditionMapping,
  diagnosticReportMapping,
  documentReferenceMapping,
  flagMapping,
  listMapping,
  medicationAdministrationMapping,
  medicationDispenseMapping,
  medicineMapping,
  observationMapping,
  procedureMapping,
  serviceRequestMapping,
} from '@shareforyou/kit/src/catalogue';
import type { SliceFeed } from '@shareforyou/kit/src/ingest';
import { encounterMapping } from './mappings/encounters';
import { acutePanels } from './panels';

/**
 * The hospital trust's FHIR R4 feed (UK Core resources) -> the acute slice's panels, one mapping
 * per resource type: the kit's clinical catalogue where the type is shared, mappings/ for the
 * hospital's own. Each keeps the clinical content whole and says whether the item
 * is current; statuses that retract an item (entered-in-error) never reach here: the kit deletes.
 */
export const acuteFeed: SliceFeed = {
  resources: {
    Encounter: encounterMapping,
    Appointment: appointmentMapping(acutePanels.outpatientAppointments),
    DocumentReference: documentReferenceMapping(acutePanels.dischargeSummaries),
    Composition: compositionMapping(acutePanels.dischargeSummaries),
    Observation: observationMapping(acutePanels.testResults),
    Condition: conditionMapping(acutePanels.hospitalDiagnoses),
    AllergyIntolerance: allergyIntoleranceMapping({ allergies: acutePanels.hospitalAllergies, noKnownAllergies: acutePanels.hospitalNoKnownAllergies }),
    Procedure: procedureMapping(acutePanels.hospitalProcedures),
    MedicationRequest: medicineMapping(acutePanels.hospitalPrescriptions),
    MedicationStatement: medicineMapping(acutePanels.hospitalPrescriptions),
    DiagnosticReport: diagnosticReportMapping(acutePanels.testReports),
    MedicationDispense: medicationDispenseMapping(acutePanels.medicationDispenses),
    MedicationAdministration: medicationAdministrationMapping(acutePanels.medicationAdministrations),
    ServiceRequest: serviceRequestMapping(acutePanels.hospitalReferrals),
    CarePlan: carePlanMapping(acutePanels.hospitalCarePlans),
    Flag: flagMapping({ alerts: acutePanels.hospitalAlerts, safeguardingAlerts: acutePanels.hospitalSafeguardingAlerts, riskAlerts: acutePanels.hospitalRiskAlerts }),
    // Issue #18 point 1: an allergies List empty because nothing is known (a "no known allergies" statement)
    List: listMapping({ noKnownAllergies: acutePanels.hospitalNoKnownAllergies }),
  },
};
