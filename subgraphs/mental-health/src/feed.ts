import {
  conceptText,
  dateOf,
  oneOf,
  optionalDateOf,
  personNamed,
  required,
  textOf,
  FHIR_STATUS,
  type SliceFeed,
} from '@shareforyou/kit/src/ingest';
import { mentalHealthPanels } from './panels';

/**
 * The mental health trust's FHIR R4 feed -> the mental health slice's panels.
 * EpisodeOfCare -> an episode that also carries its care coordinator and CPA status;
 * CarePlan (crisis plans only) -> the crisis plan; RiskAssessment or Flag -> the risk summary.
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

/** The coordinator's name from careManager.display, without a trailing role or team ("…, Care Coordinator, Team"). */
function coordinatorName(display: string | undefined, team: string | null): string | null {
  let name = display?.trim();
  if (team && name?.toLowerCase().endsWith(`, ${team.toLowerCase()}`)) name = name.slice(0, -(team.length + 2));
  name = name?.replace(/,\s*care co-?ordinator$/i, '');
  return textOf(name, 200);
}

function episodeOfCareMapping(r: fhir4.EpisodeOfCare) {
  const types = r.type ?? [];
  const team = textOf(r.team?.[0]?.display, 200);
  const service = types.map(conceptText).find((text) => text && !CPA.test(text) && text !== team) ?? null;
  return {
    panel: mentalHealthPanels.episodes,
    fields: {
      status: oneOf(r.status, FHIR_STATUS.episodeOfCare, 'EpisodeOfCare.status'),
      start: dateOf(r.period?.start, 'EpisodeOfCare.period.start'),
      end: optionalDateOf(r.period?.end, 'EpisodeOfCare.period.end'),
      team: team ?? service,
      service,
      careCoordinator: coordinatorName(r.careManager?.display, team),
      cpaStatus: cpaStatusOf(types),
    },
  };
}

const CRISIS_PLAN_SECTIONS = {
  triggers: /^triggers?:\s*/i,
  earlyWarningSigns: /^early warning signs?:\s*/i,
  whatHelps: /^what helps:\s*/i,
  contacts: /^(crisis )?contacts?:\s*/i,
} as const;

/** A crisis plan's headed notes ("Triggers: …", "Early warning signs: …", "What helps: …", "Contacts: …"). */
function crisisPlanSections(notes: fhir4.Annotation[] | undefined): Record<keyof typeof CRISIS_PLAN_SECTIONS, string | null> {
  const found = { triggers: null, earlyWarningSigns: null, whatHelps: null, contacts: null } as Record<keyof typeof CRISIS_PLAN_SECTIONS, string | null>;
  for (const note of notes ?? []) {
    for (const [section, heading] of Object.entries(CRISIS_PLAN_SECTIONS) as Array<[keyof typeof CRISIS_PLAN_SECTIONS, RegExp]>) {
      if (heading.test(note.text ?? '')) found[section] = textOf(note.text.replace(heading, ''), 2000);
    }
  }
  return found;
}

function carePlanMapping(r: fhir4.CarePlan) {
  // Only crisis plans belong here: any other care plan carries nothing this record shows (null).
  const labels = [r.title, ...(r.category ?? []).map(conceptText)];
  if (!labels.some((label) => label && /crisis/i.test(label))) return null;
  return {
    panel: mentalHealthPanels.crisisPlans,
    fields: {
      title: textOf(r.title, 200) ?? 'Crisis plan',
      status: oneOf(r.status, FHIR_STATUS.request, 'CarePlan.status'),
      created: dateOf(r.created ?? r.period?.start, 'CarePlan.created'),
      summary: textOf(r.description, 4000),
      ...crisisPlanSections(r.note),
      author: personNamed(r.author),
    },
  };
}

function riskAssessmentMapping(r: fhir4.RiskAssessment) {
  const prediction = r.prediction?.[0];
  return {
    panel: mentalHealthPanels.riskSummaries,
    fields: {
      status: oneOf(r.status, FHIR_STATUS.observation, 'RiskAssessment.status'),
      date: dateOf(r.occurrenceDateTime ?? r.occurrencePeriod?.start, 'RiskAssessment.occurrence[x]'),
      summary: textOf(required(r.note?.[0]?.text ?? prediction?.rationale, 'RiskAssessment.note'), 4000),
      level: textOf(prediction?.qualitativeRisk?.coding?.find((c) => c.code)?.code ?? conceptText(prediction?.qualitativeRisk), 50),
      riskOf: conceptText(prediction?.outcome),
      mitigation: textOf(r.mitigation, 4000),
      assessedBy: personNamed(r.performer),
    },
  };
}

function flagMapping(r: fhir4.Flag) {
  return {
    panel: mentalHealthPanels.riskSummaries,
    fields: {
      status: oneOf(r.status, ['active', 'inactive', 'entered-in-error'] as const, 'Flag.status'),
      date: dateOf(r.period?.start, 'Flag.period.start'),
      summary: required(conceptText(r.code), 'Flag.code'),
      level: null,
      riskOf: conceptText(r.category?.[0]),
      mitigation: null,
      assessedBy: personNamed(r.author),
    },
  };
}

export const mentalHealthFeed: SliceFeed = {
  sealedPanels: [mentalHealthPanels.crisisPlans, mentalHealthPanels.riskSummaries],
  resources: {
    EpisodeOfCare: episodeOfCareMapping,
    CarePlan: carePlanMapping,
    RiskAssessment: riskAssessmentMapping,
    Flag: flagMapping,
  },
};
