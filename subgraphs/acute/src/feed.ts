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
  type EncounterPlacement,
} from '@shareforyou/kit/src/catalogue';
import { required, type SliceFeed } from '@shareforyou/kit/src/ingest';
import { encounterClassesOf } from '@shareforyou/schema';
import { acutePanels } from './panels';

const INPATIENT_CLASSES = encounterClassesOf('acute-trust', 'admission');
const EMERGENCY_CLASSES = encounterClassesOf('acute-trust', 'attendance');

/**
 * An encounter is an admission, an A&E attendance or another hospital encounter by its class, as
 * the table of organisation kinds names them (schema/organisation-kinds.yaml). Admissions and
 * attendances must say when they began (they open a care relationship).
 */
const hospitalEncounter: EncounterPlacement = (e) => {
  const classCode = required(e.class?.code, 'Encounter.class.code');
  if (EMERGENCY_CLASSES.includes(classCode)) {
    return {
      panel: acutePanels.aeAttendances,
      names: { arrival: required(e.start, 'Encounter.period.start'), departure: e.end, department: e.place, outcome: e.dischargeDestination },
    };
  }
  if (INPATIENT_CLASSES.includes(classCode)) {
    return {
      panel: acutePanels.admissions,
      names: {
        admitted: required(e.start, 'Encounter.period.start'),
        discharged: e.end,
        specialty: e.serviceType,
        ward: e.place,
        consultant: e.clinician,
      },
    };
  }
  return { panel: acutePanels.otherEncounters, names: { specialty: e.serviceType } };
};

/**
 * The hospital trust's FHIR R4 feed (UK Core resources) -> the acute slice's panels, one mapping
 * per resource type, each from the kit's clinical catalogue; what is the hospital's own is where
 * an encounter goes (above). Each keeps the clinical content whole and says whether the item
 * is current; statuses that retract an item (entered-in-error) never reach here: the kit deletes.
 */
export const acuteFeed: SliceFeed = {
  resources: {
    Encounter: encounterMapping(hospitalEncounter),
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
    // Issue #18 point 1: an allergies, problems or medications List empty because nothing is known (a statement)
    List: listMapping({ noKnownAllergies: acutePanels.hospitalNoKnownAllergies, noKnownProblems: acutePanels.hospitalNoKnownProblems, noCurrentMedications: acutePanels.hospitalNoCurrentMedications }),
    // Issue #18 point 1: every kind holds the catalogue.
    Immunization: immunizationMapping(acutePanels.hospitalImmunisations),
    Consent: consentMapping(acutePanels.hospitalAdvanceDecisions),
    DeviceUseStatement: deviceUseStatementMapping(acutePanels.hospitalMedicalDevices),
    FamilyMemberHistory: familyMemberHistoryMapping(acutePanels.hospitalFamilyHistory),
    RelatedPerson: relatedPersonMapping(acutePanels.hospitalRelatedPeople),
  },
};
