import {
  conceptsOf,
  conceptText,
  FeedProblem,
  FHIR_STATUS,
  namesOf,
  notesOf,
  oneOf,
  optionalCodingOf,
  optionalDateOf,
  isCurrent,
  referenceDisplay,
  textOf,
  type BundleReferences,
  type SliceFeed,
} from '@shareforyou/kit/src/ingest';
import { conditionMapping, episodeOfCareMapping, flagMapping, medicineMapping, observationMapping, serviceRequestMapping } from '@shareforyou/kit/src/catalogue';
import { carePlanKindOf } from '@shareforyou/schema';
import { mentalHealthPanels } from './panels';

/**
 * The mental health trust's FHIR R4 feed (UK Core resources) -> the mental health slice's panels.
 * EpisodeOfCare -> an episode (the kit's catalogue: status history, types, diagnoses, team and care
 * coordinator resolved from their references, CPA status); ServiceRequest -> a referral (the kit's catalogue); CarePlan -> the crisis plan when its category is coded as one
 * (schema/clinical-codes.yaml), else a care plan; RiskAssessment -> the risk summary (always: an assessment of risk is sensitive whatever it assesses); Flag -> by
 * its codes (the kit's catalogue): a mental-health risk, a safeguarding alert, or else a general alert. Entered-in-error
 * never reaches here: the kit deletes.
 */

const ACTIVITY_STATUS = ['not-started', 'scheduled', 'in-progress', 'on-hold', 'completed', 'cancelled', 'stopped', 'unknown', 'entered-in-error'] as const;

function periodOf(period: fhir4.Period | undefined, path: string) {
  return { start: optionalDateOf(period?.start, `${path}.start`), end: optionalDateOf(period?.end, `${path}.end`) };
}

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

/** Every activity of a plan: what is to be done, its code and status. */
function activitiesOf(r: fhir4.CarePlan) {
  return (r.activity ?? []).map((a, i) => ({
    description: textOf(a.detail?.description ?? a.progress?.[0]?.text, 2000),
    code: optionalCodingOf(a.detail?.code, `CarePlan.activity[${i}].detail.code`),
    status: a.detail ? oneOf(a.detail.status, ACTIVITY_STATUS, `CarePlan.activity[${i}].detail.status`) : null,
  }));
}

function carePlanMapping(r: fhir4.CarePlan, references: BundleReferences) {
  const status = oneOf(r.status, FHIR_STATUS.request, 'CarePlan.status');
  const period = periodOf(r.period, 'CarePlan.period');
  const created = optionalDateOf(r.created, 'CarePlan.created') ?? period.start;
  if (!created) throw new FeedProblem('CarePlan.created', 'CarePlan.created or CarePlan.period.start is required: it says which plan is the latest');
  const common = {
    status,
    current: isCurrent('request', status, period.end),
    categories: conceptsOf(r.category, 'CarePlan.category'),
    created,
    start: period.start,
    end: period.end,
    summary: textOf(r.description, 4000),
    author: referenceDisplay(r.author, r as never, references) ?? (namesOf(r.contributor, r, references).join(', ') || null),
    activities: activitiesOf(r),
  };
  // A crisis plan by its code (CarePlan.category), never by the word "crisis" in a title.
  if (carePlanKindOf(r.category ?? []) === 'crisisPlan') {
    return {
      panel: mentalHealthPanels.crisisPlans,
      fields: { ...common, title: textOf(r.title, 200) ?? 'Crisis plan', ...crisisPlanSections(r.note) },
    };
  }
  return {
    panel: mentalHealthPanels.carePlans,
    fields: {
      ...common,
      title: textOf(r.title, 200) ?? conceptText(r.category?.[0]) ?? 'Care plan',
      notes: notesOf(r.note),
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
    EpisodeOfCare: mentalHealthEpisodeMapping,
    ServiceRequest: serviceRequestMapping(mentalHealthPanels.referrals),
    CarePlan: carePlanMapping,
    RiskAssessment: riskAssessmentMapping,
    Flag: mentalHealthFlagMapping,
    Condition: conditionMapping(mentalHealthPanels.diagnoses),
    Observation: observationMapping(mentalHealthPanels.observations),
    MedicationRequest: medicineMapping(mentalHealthPanels.medications),
    MedicationStatement: medicineMapping(mentalHealthPanels.medications),
  },
};
