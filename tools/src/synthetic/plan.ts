/**
 * A patient plan: everything the generator decided about one synthetic patient, as plain data,
 * before any FHIR is built. Random patients and the demo patients both produce a plan; the slice
 * builders (slices/*.ts) turn any plan into FHIR resources the same way. Times are epoch
 * milliseconds (UTC), dates are "YYYY-MM-DD".
 */

import type { Gender } from './names';
import type { Town } from './places';
import type { AllergyKey, Concept, LabPanelKey, LabTestKey, ListHeadingKey, Medicine, NoKnownAllergyScope, ReactionKey, RelationshipKey, SmokingStatusKey, VaccinationKey } from './terminology';

export interface PlannedCondition {
  concept: Concept;
  onset: number;
  /** Set when the problem is resolved (inactive). */
  resolved?: number;
}

export interface PlannedMedication {
  medicine: Medicine;
  start: number;
  /** Set when the course has ended (status completed). */
  end?: number;
  /**
   * A repeat prescription in force for it (sent as a MedicationRequest with the UK Core repeat
   * information, instead of a statement): when the repeat was last authorised, by whom, how many
   * issues it allows and how many have been issued, and when the authorisation expires.
   */
  repeat?: { authorised: number; prescriber: string; repeatsAllowed: number; issued: number; expires: number };
  /** The problem it is prescribed for (sent as reasonReference to that Condition in the same feed). */
  reason?: Concept;
}

export interface PlannedAllergy {
  key: AllergyKey;
  recorded: number;
  reaction: ReactionKey;
  criticality: 'low' | 'high' | 'unable-to-assess';
  /**
   * Set when the practice found it was recorded in error (on the wrong patient): the allergy goes
   * out in the practice's feed, then again at this time, as version 2, marked entered-in-error.
   */
  enteredInError?: number;
}

/** A statement that the patient has no known allergies (of a scope): never an allergy itself. */
export interface PlannedNoKnownAllergies {
  scope: NoKnownAllergyScope;
  recorded: number;
}

/** What a GP records as an Observation: vital signs and lifestyle. */
export type PlannedGpObservation =
  | { kind: 'bloodPressure'; time: number; systolic: number; diastolic: number }
  | { kind: 'bodyWeight'; time: number; kg: number }
  | { kind: 'smokingStatus'; time: number; status: SmokingStatusKey };

export interface PlannedImmunisation {
  key: VaccinationKey;
  date: number;
}

export interface PlannedConsultation {
  mode: 'telephone' | 'face-to-face';
  start: number;
  minutes: number;
  reason: Concept;
  clinician: string;
}

/** A referral the practice made (a FHIR ServiceRequest). */
export interface PlannedReferral {
  authored: number;
  service: string;
  reason: Concept;
  requester: string;
}

/** An alert the practice keeps on the record (a FHIR Flag), coded as neither safeguarding nor a risk. */
export interface PlannedAlert {
  concept: Concept;
  start: number;
}

/**
 * An alert the practice keeps coded as a mental-health risk (a FHIR Flag coded as clinical-codes.yaml
 * `mentalHealthRisk` lists, e.g. 225444004 |At risk for suicide|), restricted; one with an `end` has
 * ended (sent inactive), so the record has its history too.
 */
export interface PlannedRiskAlert {
  concept: 'suicide' | 'otherDirectedViolence';
  /** What the practice wrote on the alert. */
  text: string;
  start: number;
  end?: number;
}

/** A relative's health as the practice recorded it (a FHIR FamilyMemberHistory). */
export interface PlannedFamilyMember {
  relationship: 'MTH' | 'FTH' | 'SIS' | 'BRO';
  condition: Concept;
  onsetAge: number;
  recorded: number;
}

/** A care plan the practice holds (a FHIR CarePlan), coded by its category, for a problem it addresses. */
export interface PlannedGpCarePlan {
  created: number;
  title: string;
  category: Concept;
  description: string;
  /** The problem it addresses (sent as addresses, a reference to that Condition in the same feed). */
  addresses?: Concept;
  activities: string[];
}

/** A device the patient uses (a FHIR DeviceUseStatement naming its Device, both in the feed). */
export interface PlannedDevice {
  device: Concept;
  start: number;
  bodySite?: Concept;
  note?: string;
}

/** An advance decision to refuse treatment the patient made (a FHIR Consent, scope adr, category acd). */
export interface PlannedAdvanceDecision {
  made: number;
  /** The document that holds it, by its title. */
  title: string;
  refuses: Concept[];
}

/** A relative the practice records as next of kin (a FHIR RelatedPerson, coded next of kin). */
export interface PlannedNextOfKin {
  relationship: RelationshipKey;
  given: string;
  family: string;
  phone: string;
}

/** A medicine the practice supplied itself, as a dispensing practice does (a FHIR MedicationDispense). */
export interface PlannedGpDispense {
  medicine: Medicine;
  handedOver: number;
  tablets: number;
}

/** A test the practice did and reported itself (a FHIR DiagnosticReport with its Observation): the anticoagulation clinic's INR. */
export interface PlannedGpReport {
  test: LabTestKey;
  time: number;
  value: number;
  /** The range the patient is kept in (for an INR on warfarin, not the population's). */
  target: { low: number; high: number; text: string };
  conclusion: string;
}

/** A heading of the record sent empty because nothing is known (a FHIR List, emptyReason nilknown): a statement, never an item. */
export interface PlannedNilKnownList {
  heading: ListHeadingKey;
  recorded: number;
}

export interface GpPlan {
  conditions: PlannedCondition[];
  medications: PlannedMedication[];
  allergies: PlannedAllergy[];
  noKnownAllergies?: PlannedNoKnownAllergies;
  immunisations: PlannedImmunisation[];
  consultations: PlannedConsultation[];
  observations: PlannedGpObservation[];
  /** The demo patients' only: referrals, alerts and family history (random patients have none). */
  referrals?: PlannedReferral[];
  alerts?: PlannedAlert[];
  /** The demo patients' only: alerts coded as a mental-health risk (restricted). */
  riskAlerts?: PlannedRiskAlert[];
  familyHistory?: PlannedFamilyMember[];
  /** The demo patients' only: care plans, devices, advance decisions and nil-known headings. */
  carePlans?: PlannedGpCarePlan[];
  devices?: PlannedDevice[];
  advanceDecisions?: PlannedAdvanceDecision[];
  nilKnownLists?: PlannedNilKnownList[];
  /** The demo patients' only: next of kin, medicines the practice supplied, tests it reported. */
  nextOfKin?: PlannedNextOfKin[];
  dispenses?: PlannedGpDispense[];
  reports?: PlannedGpReport[];
}

export interface PlannedAttendance {
  start: number;
  end: number;
  reasons: Concept[];
  site: string;
  /** Index into AcutePlan.admissions when the attendance ended in admission. */
  admission?: number;
  clinician: string;
}

export interface PlannedAdmission {
  start: number;
  /** Absent while the patient is still in hospital. */
  end?: number;
  reasons: Concept[];
  site: string;
  ward: string;
  consultant: string;
  viaEmergencyDepartment: boolean;
  disposition?: 'home' | 'snf' | 'rehab';
  /** Fixed discharge summary text; otherwise one is written from the reason. */
  summary?: string;
}

export interface PlannedOutpatient {
  start: number;
  /** When the appointment was booked (its last change at source). */
  booked: number;
  status: 'booked' | 'fulfilled';
  specialty: Concept;
  clinic: string;
  site: string;
}

export interface PlannedLabPanel {
  panel: LabPanelKey;
  time: number;
  results: { test: LabTestKey; value: number; comparator?: '>' | '<' }[];
  /** Index of the admission (or attendance) the sample was taken in. */
  admission?: number;
  attendance?: number;
}

/** Where in hospital an item was recorded: index of the A&E attendance or of the admission. */
export interface HospitalEncounterLink {
  attendance?: number;
  admission?: number;
}

/** A diagnosis made in hospital (Condition, category encounter-diagnosis, in its encounter). */
export interface PlannedHospitalDiagnosis extends HospitalEncounterLink {
  concept: Concept;
  onset: number;
  recorded: number;
  /** Set when it has resolved (an infection treated), at discharge. */
  resolved?: number;
  bodySite?: { concept: Concept; text: string };
}

/** An allergy the hospital recorded (clerking in A&E or on the ward), by whom. */
export interface PlannedHospitalAllergy extends HospitalEncounterLink {
  key: AllergyKey;
  recorded: number;
  reaction: ReactionKey;
  criticality: PlannedAllergy['criticality'];
  recorder: string;
}

/** An operation done in an admission, for one of the hospital's diagnoses. */
export interface PlannedProcedure {
  concept: Concept;
  admission: number;
  performed: number;
  surgeon: string;
  /** Index into AcutePlan.diagnoses: why it was done (reasonReference). */
  reason: number;
  bodySite: { concept: Concept; text: string };
}

export interface AcutePlan {
  odsCode: string;
  attendances: PlannedAttendance[];
  admissions: PlannedAdmission[];
  outpatients: PlannedOutpatient[];
  labs: PlannedLabPanel[];
  diagnoses: PlannedHospitalDiagnosis[];
  allergies: PlannedHospitalAllergy[];
  noKnownAllergies?: PlannedNoKnownAllergies & HospitalEncounterLink;
  procedures: PlannedProcedure[];
}

export interface MentalHealthPlan {
  odsCode: string;
  episode: { status: 'active' | 'finished'; start: number; end?: number; cpa: boolean; coordinator: string; team: string };
  crisisPlan?: { created: number; triggers: string; warningSigns: string; whatHelps: string; contacts: string };
  risk?: { date: number; level: 'low' | 'moderate' | 'high'; outcome: string; summary: string; mitigation: string; assessor: string };
  /** A risk alert (Flag coded as a mental-health risk in SNOMED CT), raised with a high risk. */
  riskFlag?: { raised: number; concept: 'suicide' | 'otherDirectedViolence' };
  /** The trust's diagnoses (Condition). */
  diagnoses: { concept: Concept; onset: number; recorded: number; resolved?: number }[];
  /** Questionnaire total scores (Observation, category survey): PHQ-9 for depression, GAD-7 for anxiety. */
  scores: { questionnaire: 'phq9' | 'gad7'; time: number; score: number; assessor: string }[];
  /** Doses the trust gave or watched taken (MedicationAdministration), e.g. by its home treatment team. */
  administrations?: { medicine: Concept; time: number; dose: string; doseMg: number; route: Concept; nurse: string }[];
  /** The trust's appointments (Appointment): booked ones still to come, fulfilled ones attended. */
  appointments?: { service: string; start: number; booked: number; clinician: string; status: 'booked' | 'fulfilled' }[];
}

export interface CommunityEpisode {
  service: string;
  focus: string;
  status: 'active' | 'finished';
  start: number;
  end?: number;
  lead: string;
  team: string;
}

export interface CommunityPlan {
  odsCode: string;
  episodes: CommunityEpisode[];
  visits: { episode: number; start: number; minutes: number; reason: string; clinician: string }[];
  carePlans: { episode: number; created: number; title: string; description: string; activities: string[] }[];
}

export interface SocialCarePlan {
  odsCode: string;
  episode: { status: 'active' | 'finished'; start: number; end?: number; worker: string; team: string; kind: 'adult' | 'children' };
  assessment?: { date: number; kind: 'care-act' | 'child-and-family'; outcome: string; assessor: string };
  packages: { description: string; hoursPerWeek: number; start: number; end?: number }[];
  carers: { relationship: RelationshipKey; given: string; family: string; phone: string; main: boolean }[];
  safeguarding?: { raised: number; text: string };
  /** A general alert (a Flag coded by the council's own system, not safeguarding), e.g. a key safe. */
  alert?: { raised: number; text: string };
}

export interface PatientPlan {
  index: number;
  nhsNumber: string;
  given: string;
  middle?: string;
  family: string;
  prefix?: string;
  gender: Gender;
  birthDate: string;
  practiceOdsCode: string;
  councilOdsCode: string;
  registeredSince: number;
  town: Town;
  addressLine: string;
  postcode: string;
  mobile?: string;
  landline?: string;
  /** For children: the parent recorded as their contact. */
  parent?: { given: string; family: string; relationship: 'mother' | 'father'; phone: string };
  gp: GpPlan;
  acute?: AcutePlan;
  mentalHealth?: MentalHealthPlan;
  community?: CommunityPlan;
  socialCare?: SocialCarePlan;
}
