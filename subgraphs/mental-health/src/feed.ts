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
  type BundleReferences,
  type SliceFeed,
} from '@shareforyou/kit/src/ingest';
import { carePlanActivitiesOf, carePlanMapping, conditionMapping, flagMapping, medicineMapping, observationMapping, serviceRequestMapping } from '@shareforyou/kit/src/catalogue';
import { carePlanKindOf } from '@shareforyou/schema';
import { mentalHealthPanels } from './panels';

/**
 * The mental health trust's FHIR R4 feed (UK Core resources) -> the mental health slice's panels.
 * EpisodeOfCare -> an episode (status history, types, team and care coordinator resolved from
 * their references, CPA status); ServiceRequest -> a referral (the kit's catalogue); CarePlan -> the crisis plan when its category is coded as one
 * (schema/clinical-codes.yaml), else a care plan (the kit's catalogue); RiskAssessment -> the risk summary (always: an assessment of risk is sensitive whatever it assesses); Flag -> by
 * its codes (the kit's catalogue): a mental-health risk, a safeguarding alert, or else a general alert. Entered-in-error
 * never reaches here: the kit deletes.
 */

const CPA = /^(non[- ]?)?(cpa|care programme approach)$/i;

/** "CPA" or "non-CPA" from whichever EpisodeOfCare.type says so, else null. */
function cpaStatusOf(types: fhir4.CodeableConcept[]): 'CPA' | 'non-CPA' | null {
  for (const type of types) {
    for (const label of [type.text, ...(type.coding ?? []).flatMap((c) => [c.code, c.display])]) {
      const match = label ? CPA.exec(label.trim()) : null;
      if (match) return match[1] ? 'non-CPA' : 'CPA';
    }
  }
  return null;
}

/** The coordinator's name without a trailing role or team ("…, Care Coordinator, Team"). */
function coordinatorName(display: string | null, team: string | null): string | null {
  let name = display?.trim();
  if (team && name?.toLowerCase().endsWith(`, ${team.toLowerCase()}`)) name = name.slice(0, -(team.length + 2));
  name = name?.replace(/,\s*care co-?ordinator$/i, '');
  return textOf(name, 200);
}

function periodOf(period: fhir4.Period | undefined, path: string) {
  return { start: optionalDateOf(period?.start, `${path}.start`), end: optionalDateOf(period?.end, `${path}.end`) };
}

function episodeOfCareMapping(r: fhir4.EpisodeOfCare, references: BundleReferences) {
  const status = oneOf(r.status, FHIR_STATUS.episodeOfCare, 'EpisodeOfCare.status');
  const types = r.type ?? [];
  const teams = namesOf(r.team, r, references);
  const team = textOf(teams[0], 200);
  const service = types.map(conceptText).find((text) => text && !CPA.test(text) && text !== team) ?? null;
  const period = periodOf(r.period, 'EpisodeOfCare.period');
  if (!period.start) throw new FeedProblem('EpisodeOfCare.period.start', 'EpisodeOfCare.period.start is required: it says since when the patient is in this care');
  return {
    panel: mentalHealthPanels.episodes,
    fields: {
      status,
      current: isCurrent('episodeOfCare', status, period.end),
      start: period.start,
      end: period.end,
      statusHistory: (r.statusHistory ?? []).map((h, i) => ({
        status: oneOf(h.status, FHIR_STATUS.episodeOfCare, `EpisodeOfCare.statusHistory[${i}].status`),
        ...periodOf(h.period, `EpisodeOfCare.statusHistory[${i}].period`),
      })),
      types: conceptsOf(types, 'EpisodeOfCare.type'),
      team: team ?? service,
      teams,
      service,
      careCoordinator: coordinatorName(referenceDisplay(r.careManager, r as never, references), team),
      cpaStatus: cpaStatusOf(types),
      managingOrganisation: referenceDisplay(r.managingOrganization, r as never, references),
    },
  };
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

/** Where the kit's Flag mapping files a risk-coded flag before it becomes a risk summary (never stored under this name). */
const RISK_FLAG = 'riskFlag';
const kitFlag = flagMapping({ alerts: mentalHealthPanels.alerts, safeguardingAlerts: mentalHealthPanels.safeguardingAlerts, riskAlerts: RISK_FLAG });

/**
 * A Flag through the kit's catalogue (filed by its codes); a risk-coded one becomes a risk summary
 * of kind `flag` beside the trust's risk assessments (one sensitive list of the patient's risks).
 */
function mentalHealthFlagMapping(r: fhir4.Flag, references: BundleReferences) {
  const mapped = kitFlag(r, references)!;
  if (mapped.panel !== RISK_FLAG) return mapped;
  const fields = mapped.fields as { status: string; current: boolean; code: { display: string }; description: string; start: string | null; end: string | null; author: string | null };
  return {
    panel: mentalHealthPanels.riskSummaries,
    fields: {
      kind: 'flag',
      status: fields.status,
      current: fields.current,
      date: fields.start,
      end: fields.end,
      code: fields.code,
      method: null,
      summary: fields.description,
      level: null,
      riskOf: fields.code.display,
      predictions: [],
      mitigation: null,
      assessedBy: fields.author,
    },
  };
}

export const mentalHealthFeed: SliceFeed = {
  resources: {
    EpisodeOfCare: episodeOfCareMapping,
    ServiceRequest: serviceRequestMapping(mentalHealthPanels.referrals),
    CarePlan: mentalHealthCarePlanMapping,
    RiskAssessment: riskAssessmentMapping,
    Flag: mentalHealthFlagMapping,
    Condition: conditionMapping(mentalHealthPanels.diagnoses),
    Observation: observationMapping(mentalHealthPanels.observations),
    MedicationRequest: medicineMapping(mentalHealthPanels.medications),
    MedicationStatement: medicineMapping(mentalHealthPanels.medications),
  },
};
