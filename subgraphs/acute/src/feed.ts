import type { SliceFeed } from '@shareforyou/kit/src/ingest';
import { appointmentMapping } from './mappings/appointments';
import { compositionMapping, documentReferenceMapping } from './mappings/documents';
import { encounterMapping } from './mappings/encounters';
import { medicationAdministrationMapping, medicationDispenseMapping } from './mappings/medicines';
import { diagnosticReportMapping, observationMapping } from './mappings/results';

/**
 * The hospital trust's FHIR R4 feed (UK Core resources) -> the acute slice's panels, one mapping
 * per resource type (mappings/). Each keeps the clinical content whole and says whether the item
 * is current; statuses that retract an item (entered-in-error) never reach here: the kit deletes.
 */
export const acuteFeed: SliceFeed = {
  resources: {
    Encounter: encounterMapping,
    Appointment: appointmentMapping,
    DocumentReference: documentReferenceMapping,
    Composition: compositionMapping,
    Observation: observationMapping,
    DiagnosticReport: diagnosticReportMapping,
    MedicationDispense: medicationDispenseMapping,
    MedicationAdministration: medicationAdministrationMapping,
  },
};
