/**
 * The mental health trust's record of a random patient: an episode (CPA or not), often a crisis
 * plan and a risk summary; and its diagnosis and questionnaire scores (PHQ-9, GAD-7).
 */

import { DAY, REFERENCE_INSTANT as NOW } from '../clock';
import { pickStaffName } from '../names';
import { pickLandline, services } from '../places';
import type { Rng } from '../prng';
import { conditions } from '../terminology';
import type { GpPlan, MentalHealthPlan } from '../plan';
import { daysAgo, workingTime, type Context } from './context';

const TRIGGERS = [
  'Anniversaries of bereavement, money worries, disrupted sleep.',
  'Conflict at home, stopping medication, drinking more alcohol.',
  'Being alone at weekends, flare-ups of pain, letters about debt.',
  'Pressure at work or college, arguments online, poor sleep.',
];
const WARNING_SIGNS = [
  'Withdrawing from friends, not answering the phone, staying in bed.',
  'Talking about being a burden, giving belongings away.',
  'Not eating, pacing at night, more irritable than usual.',
];
const WHAT_HELPS = [
  'A walk outdoors, talking to a trusted friend, music, an early call from the care coordinator.',
  'Keeping a structured day, time at the allotment, support from family, less caffeine.',
  'Distraction techniques practised with the team, calling the crisis line early, staying with family.',
];
const RISK_TEXT = {
  low: { summary: 'No current thoughts of self-harm. Protective factors: supportive family, engaged with treatment.', mitigation: 'Continue routine review; crisis plan shared with the patient and GP.' },
  moderate: { summary: 'History of self-harm when distressed, last episode over a year ago. No current plans. Protective factors: engaged with care coordinator.', mitigation: 'Weekly contact with care coordinator; crisis plan shared with GP and family.' },
  high: { summary: 'Recent self-harm with ongoing thoughts of ending life. Under daily contact with the home treatment team.', mitigation: 'Daily home treatment team contact; medicines dispensed weekly; crisis plan shared.' },
} as const;

export function mentalHealthPlan(rng: Rng, ctx: Context): MentalHealthPlan {
  const active = rng.chance(0.65);
  const start = active ? daysAgo(rng, 30, 3 * 365) : daysAgo(rng, 200, 5 * 365);
  const end = active ? undefined : Math.min(start + rng.int(60, 540) * DAY, NOW - 14 * DAY);
  const cpa = rng.chance(active ? 0.3 : 0.2);
  const coordinator = pickStaffName(rng);
  const team = ctx.age < 18 ? `${ctx.borough} Healthy Young Minds (CAMHS)` : `${ctx.borough} Community Mental Health Team`;
  const plan: MentalHealthPlan = {
    odsCode: services().mentalHealth.odsCode,
    episode: { status: active ? 'active' : 'finished', start, ...(end ? { end } : {}), cpa, coordinator, team },
    diagnoses: [],
    scores: [],
  };
  if (active && (cpa || rng.chance(0.5))) {
    plan.crisisPlan = {
      created: workingTime(rng, Math.min(start + rng.int(7, 60) * DAY, NOW - DAY)),
      triggers: rng.pick(TRIGGERS),
      warningSigns: rng.pick(WARNING_SIGNS),
      whatHelps: rng.pick(WHAT_HELPS),
      contacts: `Care coordinator ${coordinator}, ${team}, Monday to Friday 9am to 5pm on ${pickLandline(rng)}; out of hours the trust's 24/7 mental health crisis line; in an emergency call 999.`,
    };
  }
  if (rng.chance(active ? 0.75 : 0.3)) {
    const level = rng.weighted<'low' | 'moderate' | 'high'>([['low', 55], ['moderate', 35], ['high', 10]]);
    plan.risk = {
      date: workingTime(rng, Math.max(start, active ? daysAgo(rng, 7, 180) : end ?? start)),
      level,
      outcome: rng.weighted([['Self-harm', 60], ['Self-neglect', 30], ['Harm to others', 10]]),
      summary: RISK_TEXT[level].summary,
      mitigation: RISK_TEXT[level].mitigation,
      assessor: coordinator,
    };
  }
  // A high risk of harm is also raised as an alert, coded so that the record files it as a risk.
  if (plan.risk?.level === 'high' && plan.risk.outcome !== 'Self-neglect') {
    plan.riskFlag = { raised: plan.risk.date, concept: plan.risk.outcome === 'Harm to others' ? 'otherDirectedViolence' : 'suicide' };
  }
  return plan;
}

/**
 * The trust's diagnosis (the GP's depression or anxiety, recorded when the episode began) and the
 * scores it took for it, drawn from a stream of their own (the episode, plans and risk stay as they
 * were): PHQ-9 for depression, GAD-7 for anxiety, at assessment and at reviews, improving a little.
 */
export function mentalHealthRecordPlan(rng: Rng, gp: GpPlan, mh: MentalHealthPlan): void {
  const problem = gp.conditions.find((c) => c.concept === conditions.depression || c.concept === conditions.anxiety);
  if (!problem || !rng.chance(0.8)) return;
  const ep = mh.episode;
  const recorded = workingTime(rng, ep.start);
  mh.diagnoses.push({ concept: problem.concept, onset: Math.min(problem.onset, ep.start), recorded, ...(ep.end ? { resolved: ep.end } : {}) });
  if (!rng.chance(0.6)) return;
  const questionnaire = problem.concept === conditions.depression ? 'phq9' : 'gad7';
  const max = questionnaire === 'phq9' ? 27 : 21;
  const until = ep.end ?? NOW - DAY;
  let score = rng.int(Math.round(max * 0.45), max);
  let time = recorded;
  for (let i = rng.int(1, 3); i > 0 && time < until; i--) {
    mh.scores.push({ questionnaire, time, score, assessor: ep.coordinator });
    time = workingTime(rng, time + rng.int(60, 180) * DAY);
    score = Math.max(0, score - rng.int(0, 6));
  }
}
