/**
 * The GP record of a random patient: long-term conditions by age and sex, their usual medicines,
 * allergies, immunisations and recent consultations; and, drawn from a stream of their own (so the
 * rest of the record is as it was before they existed), vital signs, smoking status and "no known
 * allergies" statements.
 */

import { DAY, HOUR, REFERENCE_INSTANT as NOW, YEAR, utc } from '../clock';
import { pickDoctorName } from '../names';
import type { Rng } from '../prng';
import { conditions, medicines, reasons, type AllergyKey, type Concept, type ConditionKey, type MedicineKey, type ReactionKey, type SmokingStatusKey } from '../terminology';
import type { GpPlan, PlannedGpObservation } from '../plan';
import { daysAgo, onMedicine, workingTime, type Context } from './context';

type Prevalence = (age: number, female: boolean) => number;

/** Long-term conditions: prevalence by age and sex, and the youngest plausible onset age. */
const CHRONIC: readonly (readonly [ConditionKey, Prevalence, number])[] = [
  ['hypertension', (a) => (a < 30 ? 0.01 : a < 50 ? 0.08 : a < 65 ? 0.25 : a < 80 ? 0.45 : 0.6), 25],
  ['type2Diabetes', (a) => (a < 30 ? 0.003 : a < 50 ? 0.04 : a < 65 ? 0.1 : a < 80 ? 0.17 : 0.18), 25],
  ['asthma', (a) => (a < 18 ? 0.1 : 0.08), 2],
  ['copd', (a) => (a < 40 ? 0 : a < 65 ? 0.03 : a < 80 ? 0.09 : 0.11), 40],
  ['atrialFibrillation', (a) => (a < 50 ? 0.002 : a < 65 ? 0.02 : a < 80 ? 0.07 : 0.15), 45],
  ['depression', (a) => (a < 16 ? 0.005 : a < 18 ? 0.04 : 0.12), 14],
  ['anxiety', (a) => (a < 16 ? 0.02 : 0.07), 12],
  ['hypothyroidism', (a, f) => (a < 18 ? 0.002 : f ? 0.06 : 0.015), 20],
  ['gord', (a) => (a < 18 ? 0.005 : 0.06), 18],
  ['osteoarthritis', (a) => (a < 45 ? 0.01 : a < 65 ? 0.12 : 0.3), 45],
  ['ckd3', (a) => (a < 60 ? 0.005 : a < 75 ? 0.08 : 0.2), 55],
  ['hypercholesterolaemia', (a) => (a < 40 ? 0.01 : a < 65 ? 0.1 : 0.15), 35],
  ['heartFailure', (a) => (a < 60 ? 0.002 : a < 75 ? 0.03 : 0.08), 55],
  ['ischaemicHeartDisease', (a) => (a < 45 ? 0.003 : a < 65 ? 0.04 : a < 80 ? 0.1 : 0.14), 40],
  ['dementia', (a) => (a < 70 ? 0.002 : a < 80 ? 0.04 : 0.12), 65],
  ['osteoporosis', (a, f) => (a < 55 ? 0 : f ? (a < 75 ? 0.08 : 0.18) : 0.03), 55],
];

/** Problems that are often resolved, with the probability that they are. */
const OFTEN_RESOLVED: Partial<Record<ConditionKey, number>> = { depression: 0.4, anxiety: 0.5 };

function onsetFor(rng: Rng, ctx: Context, minAge: number): number | undefined {
  const earliest = Math.max(ctx.birthMs + minAge * YEAR, NOW - 30 * YEAR);
  const latest = NOW - 30 * DAY;
  if (earliest >= latest) return undefined;
  return Math.floor(rng.float(earliest, latest) / DAY) * DAY;
}

function startAfter(rng: Rng, onset: number): number {
  return Math.min(onset + rng.int(0, 60) * DAY, NOW - DAY);
}

export function gpPlan(rng: Rng, ctx: Context): GpPlan {
  const gp: GpPlan = { conditions: [], medications: [], allergies: [], immunisations: [], consultations: [], observations: [] };

  for (const [key, prevalence, minAge] of CHRONIC) {
    if (!rng.chance(prevalence(ctx.age, ctx.female))) continue;
    const onset = onsetFor(rng, ctx, minAge);
    if (onset === undefined) continue;
    const resolveChance = OFTEN_RESOLVED[key] ?? 0;
    let resolved: number | undefined;
    if (resolveChance > 0 && rng.chance(resolveChance)) {
      const when = onset + rng.float(0.3, 3) * YEAR;
      if (when < NOW - 14 * DAY) resolved = Math.floor(when / DAY) * DAY;
    }
    gp.conditions.push({ concept: conditions[key], onset, ...(resolved ? { resolved } : {}) });
  }

  // Allergies first: they decide which antibiotics can be prescribed.
  if (rng.chance(ctx.age < 18 ? 0.06 : 0.12)) {
    const key = rng.weighted<AllergyKey>(ctx.age < 18 ? [['penicillin', 40], ['peanut', 50], ['latex', 10]] : [['penicillin', 60], ['aspirin', 8], ['peanut', 17], ['latex', 15]]);
    const reactionsFor: Record<AllergyKey, readonly (readonly [ReactionKey, number])[]> = {
      penicillin: [['urticaria', 45], ['rash', 45], ['anaphylaxis', 10]],
      aspirin: [['wheeze', 60], ['angioedema', 40]],
      peanut: [['urticaria', 60], ['anaphylaxis', 40]],
      latex: [['rash', 60], ['urticaria', 40]],
    };
    const reaction = rng.weighted(reactionsFor[key]);
    const criticality = reaction === 'anaphylaxis' || reaction === 'angioedema' ? 'high' : rng.chance(0.75) ? 'low' : 'unable-to-assess';
    const recorded = Math.floor(rng.float(Math.max(ctx.birthMs + YEAR, NOW - 25 * YEAR), NOW - 20 * DAY) / DAY) * DAY + 10 * HOUR;
    gp.allergies.push({ key, recorded, reaction, criticality });
  }
  const penicillinAllergic = gp.allergies.some((a) => a.key === 'penicillin');

  // Short illnesses, resolved.
  const episodic: readonly (readonly [ConditionKey, number, number])[] = [
    ['lowerRespiratoryInfection', ctx.age >= 65 ? 0.2 : 0.1, 14],
    ['urinaryTractInfection', ctx.female ? 0.1 : 0.03, 7],
    ['ankleSprain', ctx.age >= 10 && ctx.age < 60 ? 0.05 : 0, 30],
  ];
  for (const [key, p, days] of episodic) {
    if (!rng.chance(p)) continue;
    const onset = Math.max(daysAgo(rng, 30, 3 * 365), ctx.birthMs + 30 * DAY);
    gp.conditions.push({ concept: conditions[key], onset: Math.floor(onset / DAY) * DAY, resolved: Math.floor((onset + days * DAY) / DAY) * DAY });
    if (key === 'lowerRespiratoryInfection' && !penicillinAllergic && ctx.age >= 12) {
      gp.medications.push({ medicine: medicines.amoxicillin250, start: Math.floor(onset / DAY) * DAY, end: Math.floor((onset + 5 * DAY) / DAY) * DAY });
    }
  }

  // Medication for long-term conditions, each naming the problem it treats.
  let treating: Concept | undefined;
  const addMedicine = (key: MedicineKey, onset: number, end?: number) => {
    if (gp.medications.some((m) => m.medicine === medicines[key])) return;
    const start = startAfter(rng, onset);
    gp.medications.push({ medicine: medicines[key], start, ...(end && end > start ? { end } : {}), ...(treating ? { reason: treating } : {}) });
  };
  for (const c of [...gp.conditions]) {
    treating = c.concept;
    const key = (Object.keys(conditions) as ConditionKey[]).find((k) => conditions[k] === c.concept);
    switch (key) {
      case 'hypertension':
        if (rng.chance(0.6)) addMedicine('amlodipine5', c.onset);
        else addMedicine('ramipril5', c.onset);
        if (rng.chance(0.25)) addMedicine(onMedicine(gp, 'ramipril5') ? 'amlodipine5' : 'ramipril5', c.onset + 200 * DAY);
        break;
      case 'type2Diabetes':
        addMedicine('metformin500', c.onset);
        if (rng.chance(0.85)) addMedicine('atorvastatin20', c.onset + 90 * DAY);
        break;
      case 'atrialFibrillation':
        if (rng.chance(0.65)) addMedicine(ctx.age >= 80 && rng.chance(0.4) ? 'apixaban2_5' : 'apixaban5', c.onset);
        else {
          addMedicine('warfarin3', c.onset);
          if (rng.chance(0.4)) addMedicine('warfarin1', c.onset);
        }
        break;
      case 'hypercholesterolaemia':
      case 'ischaemicHeartDisease':
        addMedicine('atorvastatin20', c.onset);
        break;
      case 'hypothyroidism':
        addMedicine('levothyroxine50', c.onset);
        break;
      case 'gord':
        addMedicine(rng.chance(0.7) ? 'omeprazole20' : 'lansoprazole30', c.onset);
        break;
      case 'asthma':
      case 'copd':
        addMedicine('salbutamolInhaler', c.onset);
        break;
      case 'depression':
      case 'anxiety':
        if (ctx.age >= 16 && rng.chance(0.7)) addMedicine('sertraline50', c.onset, c.resolved);
        break;
      case 'heartFailure':
        addMedicine('furosemide40', c.onset);
        if (!onMedicine(gp, 'ramipril5')) addMedicine('ramipril2_5', c.onset);
        break;
      case 'osteoarthritis':
        if (rng.chance(0.6)) addMedicine('paracetamol500', c.onset);
        break;
      default:
        break;
    }
  }
  treating = undefined;

  // Immunisations.
  const birthYear = new Date(ctx.birthMs).getUTCFullYear();
  if (ctx.age >= 65) {
    for (const season of [2024, 2025, 2026]) {
      if (rng.chance(0.75)) gp.immunisations.push({ key: 'influenza', date: workingTime(rng, utc(season, 10, rng.int(1, 28))) });
    }
    if (ctx.age >= 66 && rng.chance(0.8)) {
      gp.immunisations.push({ key: 'pneumococcal', date: workingTime(rng, ctx.birthMs + 65 * YEAR + rng.int(10, 300) * DAY) });
    }
  }
  if (2021 - birthYear >= 18 && rng.chance(0.85)) {
    const ageIn2021 = 2021 - birthYear;
    const month = ageIn2021 >= 70 ? rng.int(1, 2) : ageIn2021 >= 50 ? rng.int(3, 4) : rng.int(5, 7);
    const first = workingTime(rng, utc(2021, month, rng.int(1, 28)));
    gp.immunisations.push({ key: 'covidDose1', date: first });
    if (rng.chance(0.95)) gp.immunisations.push({ key: 'covidDose2', date: workingTime(rng, first + rng.int(56, 84) * DAY) });
  }
  if (birthYear >= 2010 && rng.chance(0.92)) {
    const first = ctx.birthMs + (396 + rng.int(0, 30)) * DAY;
    const second = ctx.birthMs + (1218 + rng.int(0, 60)) * DAY;
    if (first < NOW) gp.immunisations.push({ key: 'mmr', date: workingTime(rng, first) });
    if (second < NOW) gp.immunisations.push({ key: 'mmr', date: workingTime(rng, second) });
  }
  gp.immunisations.sort((a, b) => a.date - b.date);

  // Consultations over the last two years.
  const doctors = [pickDoctorName(rng), pickDoctorName(rng)];
  const active = gp.conditions.filter((c) => c.resolved === undefined);
  const count = ctx.age >= 65 ? rng.int(2, 5) : rng.int(1, 3);
  const symptoms: Concept[] = [reasons.cough, reasons.soreThroat, reasons.headache, reasons.fatigue, reasons.lowBackPain];
  if (gp.medications.length) symptoms.push(reasons.medicationReview);
  for (let i = 0; i < count; i++) {
    const start = workingTime(rng, daysAgo(rng, 1, 730), 8, 18);
    if (start < ctx.birthMs) continue;
    const telephone = rng.chance(0.45);
    gp.consultations.push({
      mode: telephone ? 'telephone' : 'face-to-face',
      start,
      minutes: telephone ? rng.int(6, 12) : rng.int(10, 20),
      reason: active.length && rng.chance(0.5) ? rng.pick(active).concept : rng.pick(symptoms),
      clinician: rng.pick(doctors),
    });
  }
  gp.consultations.sort((a, b) => a.start - b.start);
  return gp;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/**
 * What the practice measured and asked, over the last three years: smoking status for most adults
 * (QOF asks), blood pressure for everyone over 40 now and then and at every hypertension review,
 * a weight for some; and, for some with no allergy recorded, "no known allergies". Kept to about
 * one resource per patient so the benchmark dataset's volume stays near what it was.
 */
export function gpObservationsPlan(rng: Rng, ctx: Context, gp: GpPlan): Pick<GpPlan, 'observations' | 'noKnownAllergies'> {
  const observations: PlannedGpObservation[] = [];
  const when = () => workingTime(rng, Math.max(daysAgo(rng, 7, 3 * 365), ctx.birthMs + 16 * YEAR), 8, 18);
  if (ctx.age >= 16 && rng.chance(0.8)) {
    const status = rng.weighted<SmokingStatusKey>(ctx.age >= 50 ? [['never', 50], ['ex', 35], ['current', 15]] : [['never', 65], ['ex', 15], ['current', 20]]);
    observations.push({ kind: 'smokingStatus', time: when(), status });
  }
  const hypertensive = gp.conditions.some((c) => c.concept === conditions.hypertension && c.resolved === undefined);
  const readings = hypertensive ? 2 : ctx.age >= 40 && rng.chance(0.35) ? 1 : 0;
  for (let i = 0; i < readings; i++) {
    const systolic = Math.round(clamp(rng.normal(hypertensive ? 142 : 126, 12), 95, 190));
    const diastolic = Math.round(clamp(rng.normal(hypertensive ? 84 : 77, 8), 55, Math.min(115, systolic - 25)));
    observations.push({ kind: 'bloodPressure', time: when(), systolic, diastolic });
  }
  if (ctx.age >= 18 && rng.chance(0.3)) {
    observations.push({ kind: 'bodyWeight', time: when(), kg: Math.round(clamp(rng.normal(ctx.female ? 72 : 85, 14), 40, 170) * 10) / 10 });
  }
  observations.sort((a, b) => a.time - b.time);
  const noKnownAllergies =
    gp.allergies.length === 0 && rng.chance(0.2)
      ? { scope: rng.chance(0.8) ? ('all' as const) : ('medication' as const), recorded: workingTime(rng, Math.max(daysAgo(rng, 30, 10 * 365), ctx.birthMs + 30 * DAY)) }
      : undefined;
  return { observations, ...(noKnownAllergies ? { noKnownAllergies } : {}) };
}
