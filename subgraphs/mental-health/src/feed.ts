import {
  conceptsOf,
  conceptText,
  FeedProblem,
  FHIR_STATUS,
  namesOf,
  oneOf,
  optionalCodingOf,
  optionalDateOf,
  isCurrent,
  referenceDisplay,
  textOf,
  required,
  type BundleReferences,
  type SliceFeed,
} from '@shareforyou/kit/src/ingest';
import {
  allergyIntoleranceMapping,
  appointmentMapping,
  carePlanActivitiesOf,
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
  INPATIENT_ENCOUNTER_CLASSES,
  listMapping,
  medicationAdministrationMapping,
  medicineMapping,
  observationMapping,
  procedureMapping,
  relatedPersonMapping,
  serviceRequestMapping,
  type EncounterPlacement,
} from '@shareforyou/kit/src/catalogue';
import { carePlanKindOf } from '@shareforyou/schema';
import { mentalHealthPanels } from './panels';

/**
 * The mental health trust's FHIR R4 feed (UK Core resources) -> the mental health slice's panels.
 * EpisodeOfCare -> an episode (the kit's catalogue: status history, types, diagnoses, team and care
 * coordinator resolved from their references, CPA status); ServiceRequest -> a referral (the kit's catalogue); CarePlan -> the crisis plan when its category is coded as one
 * (schema/clinical-codes.yaml), else a care plan (the kit's catalogue); RiskAssessment -> the risk summary (always: an assessment of risk is sensitive whatever it assesses); Flag -> by
 * its codes (the kit's catalogue): a mental-health risk alert (as the GP's, the hospital's and community
 * services' are, so the combined risk alerts merge them: H173), a safeguarding alert, or else a general alert. Entered-in-error
 * never reaches here: the kit deletes.
 */

const kitEpisodeOfCare = episodeOfCareMapping(mentalHealthPanels.episodes, { startRequiredBecause: 'it says since when the patient is in this care' });

/** An EpisodeOfCare through the kit's catalogue; the trust's episode names its service as the team when no team is named. */
function mentalHealthEpisodeMapping(r: fhir4.EpisodeOfCare, references: BundleReferences) {
  const mapped = kitEpisodeOfCare(r, references)!;
  return { ...mapped, fields: { ...mapped.fields, team: mapped.fields.team ?? mapped.fields.service } };
}

const CRISIS_PLAN_SECTIONS = {
  triggers: /^triggers?:\s*/i,
  earlyWarningSigns: /^early warning signs?:\s*/i,
  whatHelps: /^what helps:\s*/i,
  contacts: /^(crisis )?contacts?:\s*/i,
} as const;
type CrisisPlanSection = keyof typeof CRISIS_PLAN_SECTIONS;

/** A crisis plan's headed notes ("Triggers: …", "Early warning signs: …", "What helps: …", "Contacts: …"). */
function crisisPlanSections(notes: fhir4.Annotation[] | undefined): Record<CrisisPlanSection, string | null> {
  const found: Record<CrisisPlanSection, string | null> = { triggers: null, earlyWarningSigns: null, whatHelps: null, contacts: null };
  for (const note of notes ?? []) {
    for (const [section, heading] of Object.entries(CRISIS_PLAN_SECTIONS) as Array<[CrisisPlanSection, RegExp]>) {
      if (heading.test(note.text ?? '')) found[section] = textOf(note.text.replace(heading, ''), 2000);
    }
  }
  return found;
}

const kitCarePlan = carePlanMapping(mentalHealthPanels.carePlans);

/**
 * A CarePlan coded as a crisis plan (CarePlan.category, schema/clinical-codes.yaml; never the word
 * "crisis" in a title) -> the trust's crisis plan, with its headed sections; any other -> the
 * catalogue's care plan (the kit's CarePlan mapping), as the GP's and the hospital's are.
 */
function mentalHealthCarePlanMapping(r: fhir4.CarePlan, references: BundleReferences) {
  if (carePlanKindOf(r.category ?? []) !== 'crisisPlan') return kitCarePlan(r, references);
  const status = oneOf(r.status, FHIR_STATUS.request, 'CarePlan.status');
  const period = { start: optionalDateOf(r.period?.start, 'CarePlan.period.start'), end: optionalDateOf(r.period?.end, 'CarePlan.period.end') };
  const created = optionalDateOf(r.created, 'CarePlan.created') ?? period.start;
  if (!created) throw new FeedProblem('CarePlan.created', 'CarePlan.created or CarePlan.period.start is required: it says which plan is the latest');
  return {
    panel: mentalHealthPanels.crisisPlans,
    fields: {
      status,
      current: isCurrent('request', status, period.end),
      categories: conceptsOf(r.category, 'CarePlan.category'),
      created,
      start: period.start,
      end: period.end,
      summary: textOf(r.description, 4000),
      author: referenceDisplay(r.author, r as never, references) ?? (namesOf(r.contributor, r, references).join(', ') || null),
      activities: carePlanActivitiesOf(r, references),
      title: textOf(r.title, 200) ?? 'Crisis plan',
      ...crisisPlanSections(r.note),
    },
  };
}

function riskAssessmentMapping(r: fhir4.RiskAssessment, references: BundleReferences) {
  const status = oneOf(r.status, FHIR_STATUS.observation, 'RiskAssessment.status');
  const predictions = (r.prediction ?? []).map((p, i) => ({
    outcome: optionalCodingOf(p.outcome, `RiskAssessment.prediction[${i}].outcome`),
    qualitativeRisk: optionalCodingOf(p.qualitativeRisk, `RiskAssessment.prediction[${i}].qualitativeRisk`),
    probability: p.probabilityDecimal ?? null,
    rationale: textOf(p.rationale, 4000),
  }));
  const first = predictions[0];
  const date = optionalDateOf(r.occurrenceDateTime ?? r.occurrencePeriod?.start, 'RiskAssessment.occurrence[x]');
  const summary = textOf(r.note?.map((n) => n.text).filter(Boolean).join('\n') || first?.rationale || conceptText(r.code), 4000);
  if (!summary && predictions.length === 0) throw new FeedProblem('RiskAssessment.prediction', 'RiskAssessment carries neither a prediction, a note nor a code: nothing to show');
  return {
    panel: mentalHealthPanels.riskSummaries,
    fields: {
      kind: 'assessment',
      status,
      current: isCurrent('observation', status),
      date,
      code: optionalCodingOf(r.code, 'RiskAssessment.code'),
      method: optionalCodingOf(r.method, 'RiskAssessment.method'),
      summary: summary ?? first?.outcome?.display ?? 'Risk assessment',
      level: first?.qualitativeRisk ? textOf(first.qualitativeRisk.code || first.qualitativeRisk.display, 50) : null,
      riskOf: first?.outcome?.display ?? null,
      predictions,
      mitigation: textOf(r.mitigation, 4000),
      assessedBy: referenceDisplay(r.performer, r as never, references),
      end: null,
    },
  };
}

/**
 * A mental health inpatient stay (an inpatient class of v3 ActCode: the kit's
 * INPATIENT_ENCOUNTER_CLASSES) is an admission, named as the hospital's are and required to say when
 * it began; any other encounter (a clinic, home or virtual contact with a team) is a contact. Only
 * where the encounter is filed: which events form a care relationship with the trust stays the
 * kinds table's (schema/organisation-kinds.yaml: an open EpisodeOfCare), and the registry alone reads it.
 */
const mentalHealthEncounter: EncounterPlacement = (e) => {
  if (e.class && (INPATIENT_ENCOUNTER_CLASSES as readonly string[]).includes(e.class.code)) {
    return {
      panel: mentalHealthPanels.admissions,
      names: { admitted: required(e.start, 'Encounter.period.start'), discharged: e.end, specialty: e.serviceType, ward: e.place, consultant: e.clinician },
    };
  }
  return { panel: mentalHealthPanels.contacts, names: { specialty: e.serviceType } };
};

export const mentalHealthFeed: SliceFeed = {
  resources: {
    EpisodeOfCare: mentalHealthEpisodeMapping,
    ServiceRequest: serviceRequestMapping(mentalHealthPanels.referrals),
    CarePlan: mentalHealthCarePlanMapping,
    RiskAssessment: riskAssessmentMapping,
    // By its codes (the kit's catalogue): a risk-coded flag is a risk alert (mentalHealthRiskAlerts, merged in combinedRiskAlerts), never a risk summary.
    Flag: flagMapping({ alerts: mentalHealthPanels.alerts, safeguardingAlerts: mentalHealthPanels.safeguardingAlerts, riskAlerts: mentalHealthPanels.riskAlerts }),
    Condition: conditionMapping(mentalHealthPanels.diagnoses),
    Observation: observationMapping(mentalHealthPanels.observations),
    MedicationRequest: medicineMapping(mentalHealthPanels.medications),
    MedicationStatement: medicineMapping(mentalHealthPanels.medications),
    AllergyIntolerance: allergyIntoleranceMapping({ allergies: mentalHealthPanels.allergies, noKnownAllergies: mentalHealthPanels.noKnownAllergies }),
    Immunization: immunizationMapping(mentalHealthPanels.immunisations),
    Procedure: procedureMapping(mentalHealthPanels.procedures),
    Encounter: encounterMapping(mentalHealthEncounter),
    // A "nothing known" List is a statement (H123), as the GP's and the hospital's; letters and care plan documents as the hospital's.
    List: listMapping({ noKnownAllergies: mentalHealthPanels.noKnownAllergies, noKnownProblems: mentalHealthPanels.noKnownProblems, noCurrentMedications: mentalHealthPanels.noCurrentMedications }),
    DocumentReference: documentReferenceMapping(mentalHealthPanels.documents),
    Composition: compositionMapping(mentalHealthPanels.documents),
    // Issue #18 point 1: every kind holds the catalogue. A depot injection given is a MedicationAdministration (a dose, never a current medicine: H153).
    MedicationAdministration: medicationAdministrationMapping(mentalHealthPanels.medicationAdministrations),
    Appointment: appointmentMapping(mentalHealthPanels.appointments),
    Consent: consentMapping(mentalHealthPanels.advanceDecisions),
    DeviceUseStatement: deviceUseStatementMapping(mentalHealthPanels.medicalDevices),
    FamilyMemberHistory: familyMemberHistoryMapping(mentalHealthPanels.familyHistory),
    RelatedPerson: relatedPersonMapping(mentalHealthPanels.relatedPeople),
  },
};
