import type { SliceFeed } from '@shareforyou/kit/src/ingest';
import {
  allergyIntoleranceMapping,
  appointmentMapping,
  carePlanMapping,
  compositionMapping,
  conditionMapping,
  consentMapping,
  deviceUseStatementMapping,
  documentReferenceMapping,
  encounterMapping,
  episodeOfCareMapping,
  familyMemberHistoryMapping,
  flagMapping,
  immunizationMapping,
  listMapping,
  medicationAdministrationMapping,
  medicineMapping,
  observationMapping,
  procedureMapping,
  relatedPersonMapping,
  serviceRequestMapping,
} from '@shareforyou/kit/src/catalogue';
import { communityPanels } from './panels';

/**
 * The community services provider's FHIR R4 feed -> the community slice's panels, kept whole:
 * EpisodeOfCare -> episodes (district nursing, community physiotherapy, …) through the kit's
 * catalogue, with every service type, diagnosis, referral (the ServiceRequest resolved from the
 * bundle), team and care manager;
 * Encounter -> visits (home visits, class HH, and clinic contacts) with every participant, location
 * and reason; CarePlan -> care plans with every activity and its status (the kit's catalogue). Each item says whether it
 * is current; entered-in-error never reaches here (the kit deletes), nor does an activity the
 * source marked entered-in-error (it is left out of its plan). Allergies, medicines (a depot
 * injection given in clinic, what the district nurse found the patient taking), procedures (wound
 * debridement), immunisations, referrals and alerts go through the kit's catalogue as the GP's do; a
 * Flag is filed by its codes (schema/clinical-codes.yaml): safeguarding, mental-health risk, or else
 * a general alert.
 */

/** A visit (home visit, class HH, or clinic contact): the catalogue's Encounter, with the community's names for when and where. */
const visit = encounterMapping((e) => ({
  panel: communityPanels.visits,
  names: { date: e.start, location: e.place, setting: e.class ? (e.class.display ?? e.class.code) : null, visitType: e.type[0] ?? null },
}));

export const communityFeed: SliceFeed = {
  resources: {
    EpisodeOfCare: episodeOfCareMapping(communityPanels.episodes),
    Encounter: visit,
    CarePlan: carePlanMapping(communityPanels.carePlans),
    Condition: conditionMapping(communityPanels.diagnoses),
    Observation: observationMapping(communityPanels.observations),
    AllergyIntolerance: allergyIntoleranceMapping({ allergies: communityPanels.allergies, noKnownAllergies: communityPanels.noKnownAllergies }),
    MedicationStatement: medicineMapping(communityPanels.medications),
    MedicationRequest: medicineMapping(communityPanels.medications),
    Procedure: procedureMapping(communityPanels.procedures),
    Immunization: immunizationMapping(communityPanels.immunisations),
    ServiceRequest: serviceRequestMapping(communityPanels.referrals),
    Flag: flagMapping({ alerts: communityPanels.alerts, safeguardingAlerts: communityPanels.safeguardingAlerts, riskAlerts: communityPanels.riskAlerts }),
    // A "nothing known" List is a statement (H123); a dose a district nurse gave is an administration, never a current medicine.
    List: listMapping({ noKnownAllergies: communityPanels.noKnownAllergies, noKnownProblems: communityPanels.noKnownProblems, noCurrentMedications: communityPanels.noCurrentMedications }),
    MedicationAdministration: medicationAdministrationMapping(communityPanels.medicationAdministrations),
    // Issue #18 point 1: every kind holds the catalogue.
    DocumentReference: documentReferenceMapping(communityPanels.documents),
    Composition: compositionMapping(communityPanels.documents),
    Appointment: appointmentMapping(communityPanels.appointments),
    Consent: consentMapping(communityPanels.advanceDecisions),
    DeviceUseStatement: deviceUseStatementMapping(communityPanels.medicalDevices),
    FamilyMemberHistory: familyMemberHistoryMapping(communityPanels.familyHistory),
    RelatedPerson: relatedPersonMapping(communityPanels.relatedPeople),
  },
};
