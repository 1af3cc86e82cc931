import {
  codingOf,
  conceptsOf,
  conceptText,
  FHIR_STATUS,
  namesOf,
  oneOf,
  optionalCodingOf,
  optionalDateOf,
  periodOf,
  isCurrent,
  quantityOf,
  referenceDisplay,
  required,
  textOf,
  type BundleReferences,
  type SliceFeed,
} from '@shareforyou/kit/src/ingest';
import {
  allergyIntoleranceMapping,
  appointmentMapping,
  compositionMapping,
  conditionMapping,
  consentMapping,
  deviceUseStatementMapping,
  documentReferenceMapping,
  encounterMapping,
  episodeOfCareMapping,
  flagMapping as kitFlagMapping,
  immunizationMapping,
  listMapping,
  medicationAdministrationMapping,
  medicineMapping,
  observationMapping,
  relatedPersonMapping,
} from '@shareforyou/kit/src/catalogue';
import { socialCarePanels } from './panels';

/**
 * The council's social care FHIR R4 feed -> the social care slice's panels.
 * EpisodeOfCare -> the case (the kit's catalogue: allocated worker and role from careManager,
 * resolved from its reference); ServiceRequest or CarePlan -> care packages; Procedure ->
 * assessments; RelatedPerson -> carers (the kit's catalogue: every relationship, phone, address);
 * Flag -> by its codes (schema/clinical-codes.yaml): a safeguarding alert (sensitive) only when
 * coded as safeguarding, a mental-health risk alert (sensitive) only when coded as a risk, else a
 * general alert. Entered-in-error never reaches here: the kit deletes.
 * Those are the council's own. Everything else a council's record holds goes through the kit's
 * clinical catalogue as the GP's and the hospital's does (issue #18 point 1, H152): conditions it is
 * told of, allergies (a coded "no known allergy" and a nil-known List are statements), medicines home
 * care supports and the doses its carers give, observations (a care needs score, a falls risk),
 * immunisations, visits and other contacts (Encounter), booked visits (Appointment), documents
 * (DocumentReference, Composition), advance decisions (Consent) and equipment it provides
 * (DeviceUseStatement). Which of these a council holds is the kinds table's
 * (schema/organisation-kinds.yaml, local-authority).
 */

const ACTIVITY_STATUS = ['not-started', 'scheduled', 'in-progress', 'on-hold', 'completed', 'cancelled', 'stopped', 'unknown', 'entered-in-error'] as const;

/** Hours per week from a quantity in hours per week (UCUM h/wk), else null. */
function hoursPerWeek(quantity: fhir4.Quantity | undefined): number | null {
  if (quantity?.value === undefined) return null;
  return quantity.code === 'h/wk' || /hours? (per|a|\/) ?week/i.test(quantity.unit ?? '') ? quantity.value : null;
}

function serviceRequestMapping(r: fhir4.ServiceRequest, references: BundleReferences) {
  const status = oneOf(r.status, FHIR_STATUS.request, 'ServiceRequest.status');
  const code = codingOf(r.code, 'ServiceRequest.code');
  const service = code.text ?? code.display;
  const start = optionalDateOf(r.occurrencePeriod?.start ?? r.occurrenceDateTime ?? r.authoredOn, 'ServiceRequest.occurrence[x]');
  const end = optionalDateOf(r.occurrencePeriod?.end, 'ServiceRequest.occurrencePeriod.end');
  return {
    panel: socialCarePanels.carePackages,
    fields: {
      kind: 'serviceRequest',
      service,
      code,
      category: conceptText(r.category?.[0]),
      categories: conceptsOf(r.category, 'ServiceRequest.category'),
      description: textOf(r.note?.map((n) => n.text).filter(Boolean).join('\n') || service, 2000),
      hoursPerWeek: hoursPerWeek(r.quantityQuantity),
      quantity: quantityOf(r.quantityQuantity, 'ServiceRequest.quantityQuantity'),
      status,
      current: isCurrent('request', status, end),
      intent: textOf(r.intent, 50),
      start,
      end,
      requester: referenceDisplay(r.requester, r as never, references),
      performers: namesOf(r.performer, r, references),
      activities: [],
    },
  };
}

function carePlanMapping(r: fhir4.CarePlan, references: BundleReferences) {
  const status = oneOf(r.status, FHIR_STATUS.request, 'CarePlan.status');
  const service = textOf(required(r.title ?? conceptText(r.category?.[0]), 'CarePlan.title'), 500)!;
  const activities = (r.activity ?? []).map((a, i) => ({
    description: textOf(a.detail?.description ?? a.progress?.[0]?.text, 2000),
    code: optionalCodingOf(a.detail?.code, `CarePlan.activity[${i}].detail.code`),
    status: a.detail ? oneOf(a.detail.status, ACTIVITY_STATUS, `CarePlan.activity[${i}].detail.status`) : null,
  }));
  const period = periodOf(r.period, 'CarePlan.period');
  const start = period.start ?? optionalDateOf(r.created, 'CarePlan.created');
  return {
    panel: socialCarePanels.carePackages,
    fields: {
      kind: 'carePlan',
      service,
      code: null,
      category: conceptText(r.category?.[0]),
      categories: conceptsOf(r.category, 'CarePlan.category'),
      description: textOf(r.description ?? (activities.map((a) => a.description ?? a.code?.display).filter(Boolean).join('; ') || service), 2000),
      hoursPerWeek: null,
      quantity: null,
      status,
      current: isCurrent('request', status, period.end),
      intent: textOf(r.intent, 50),
      start,
      end: period.end,
      requester: referenceDisplay(r.author, r as never, references),
      performers: namesOf(r.contributor, r, references),
      activities,
    },
  };
}

function procedureMapping(r: fhir4.Procedure, references: BundleReferences) {
  const code = codingOf(r.code, 'Procedure.code');
  const date = optionalDateOf(r.performedDateTime ?? r.performedPeriod?.start, 'Procedure.performed[x]');
  const status = oneOf(r.status, FHIR_STATUS.event, 'Procedure.status');
  return {
    panel: socialCarePanels.assessments,
    fields: {
      type: code.text ?? code.display,
      code,
      category: optionalCodingOf(r.category, 'Procedure.category'),
      status,
      date,
      end: optionalDateOf(r.performedPeriod?.end, 'Procedure.performedPeriod.end'),
      outcome: textOf(conceptText(r.outcome) ?? r.note?.[0]?.text, 4000),
      outcomeCode: optionalCodingOf(r.outcome, 'Procedure.outcome'),
      notes: (r.note ?? []).map((n) => textOf(n.text, 4000)).filter((n): n is string => Boolean(n)),
      assessor: namesOf(r.performer?.map((p) => p.actor), r, references).join(', ') || null,
    },
  };
}

/**
 * A Flag through the kit's catalogue, filed by its codes: safeguarding-coded to the safeguarding
 * alerts (sensitive), risk-coded (at risk for suicide, of violence) to the council's risk alerts
 * (sensitive, `mentalHealthRisk`, merged in combinedRiskAlerts as every source's are: H174), anything
 * else (a key safe, an uncoded flag) to the general alerts, which roles without that category see.
 */
const flagMapping = kitFlagMapping({ alerts: socialCarePanels.alerts, safeguardingAlerts: socialCarePanels.safeguardingAlerts, riskAlerts: socialCarePanels.riskAlerts });

export const socialCareFeed: SliceFeed = {
  resources: {
    EpisodeOfCare: episodeOfCareMapping(socialCarePanels.cases, { startRequiredBecause: 'it says since when the case is open' }),
    ServiceRequest: serviceRequestMapping,
    CarePlan: carePlanMapping,
    Procedure: procedureMapping,
    RelatedPerson: relatedPersonMapping(socialCarePanels.carers),
    Flag: flagMapping,
    Condition: conditionMapping(socialCarePanels.diagnoses),
    AllergyIntolerance: allergyIntoleranceMapping({ allergies: socialCarePanels.allergies, noKnownAllergies: socialCarePanels.noKnownAllergies }),
    List: listMapping({ noKnownAllergies: socialCarePanels.noKnownAllergies, noKnownProblems: socialCarePanels.noKnownProblems, noCurrentMedications: socialCarePanels.noCurrentMedications }),
    MedicationStatement: medicineMapping(socialCarePanels.medications),
    MedicationRequest: medicineMapping(socialCarePanels.medications),
    MedicationAdministration: medicationAdministrationMapping(socialCarePanels.medicationAdministrations),
    Observation: observationMapping(socialCarePanels.observations),
    Immunization: immunizationMapping(socialCarePanels.immunisations),
    // A home visit, a review, a telephone contact: every class is a contact; none forms a care relationship (only an open case does).
    Encounter: encounterMapping((e) => ({ panel: socialCarePanels.contacts, names: { specialty: e.serviceType } })),
    Appointment: appointmentMapping(socialCarePanels.appointments),
    DocumentReference: documentReferenceMapping(socialCarePanels.documents),
    Composition: compositionMapping(socialCarePanels.documents),
    Consent: consentMapping(socialCarePanels.advanceDecisions),
    DeviceUseStatement: deviceUseStatementMapping(socialCarePanels.equipment),
  },
};
