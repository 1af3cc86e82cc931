/**
 * Plans for random synthetic patients: who they are, where they live, and what each organisation
 * holds about them, drawn from a PRNG seeded by (seed, patient index, stream). Each part of the
 * plan has its own stream, so changing how one slice is drawn leaves the others as they were.
 *
 * Rough proportions (by age, older patients more likely to have community and social care):
 * every patient has a GP record; ~25% acute data; ~8% mental health; ~12% community; ~10% social
 * care; ~1% a safeguarding flag. Clinical detail: a smoking status for ~80% of adults, blood
 * pressure for every hypertensive patient and a third of other over-40s, a weight for ~30% of
 * adults, "no known allergies" for ~20% of those without an allergy; in hospital a diagnosis for
 * every admission, the GP's allergy or "no known allergies" at most clerkings, a hip replacement
 * for a fractured neck of femur; at the mental health trust a diagnosis for ~80% and scores for
 * about half of those. Together about one resource in seven more than before they were added.
 */

import { DAY, REFERENCE_INSTANT as NOW, YEAR, ageAt, isoDate } from './clock';
import { heritageWeights, pickPersonName, type Gender } from './names';
import { syntheticNhsNumber } from './nhsNumbers';
import { councilForTown, pickLandline, pickMobile, pickPostcode, pickStreetLine, services, towns, townsForPractice } from './places';
import { Rng } from './prng';
import { conditions, medicines } from './terminology';
import type { PatientPlan } from './plan';
import type { Context } from './planners/context';
import { gpObservationsPlan, gpPlan } from './planners/gp';
import { acutePlan, hospitalRecordPlan } from './planners/acute';
import { mentalHealthPlan, mentalHealthRecordPlan } from './planners/mentalHealth';
import { communityPlan } from './planners/community';
import { socialCarePlan } from './planners/socialCare';

/**
 * Streams 7..9 draw the clinical detail added later (GP observations, what the hospital and the
 * mental health trust recorded): a stream of their own each, so the rest of every plan stayed as it was.
 */
const STREAM = { person: 1, gp: 2, acute: 3, mentalHealth: 4, community: 5, socialCare: 6, gpObservations: 7, hospitalRecord: 8, mentalHealthRecord: 9 } as const;

/** Age bands [min, max] with weights: a registered population skewed a little older. */
const AGE_BANDS: readonly (readonly [readonly [number, number], number])[] = [
  [[0, 17], 15],
  [[18, 39], 22],
  [[40, 64], 30],
  [[65, 79], 20],
  [[80, 100], 13],
];

/** Probability of a slice by age band: [<18, 18–39, 40–64, 65–79, 80+]. */
const SLICE_PROBABILITY = {
  acute: [0.18, 0.18, 0.22, 0.32, 0.45],
  mentalHealth: [0.05, 0.11, 0.09, 0.06, 0.06],
  community: [0.03, 0.03, 0.07, 0.18, 0.45],
  socialCare: [0.08, 0.04, 0.05, 0.12, 0.35],
} as const;

function band(age: number): number {
  return age < 18 ? 0 : age < 40 ? 1 : age < 65 ? 2 : age < 80 ? 3 : 4;
}

/** The plan for random patient `index` (any index, including 0..4, which demo plans replace). */
export function randomPlan(index: number, seed: number): PatientPlan {
  const rng = new Rng(seed, index, STREAM.person);
  const svc = services();
  const practice = rng.pick(svc.practices);
  const town = rng.weighted(townsForPractice(practice.odsCode));
  const borough = towns[town].borough;
  const gender: Gender = rng.chance(0.51) ? 'female' : 'male';
  const [minAge, maxAge] = rng.weighted(AGE_BANDS);
  const wholeYears = rng.int(minAge, maxAge);
  const birthMs = Math.floor((NOW - (wholeYears + rng.float(0.003, 0.997)) * YEAR) / DAY) * DAY;
  const birthDate = isoDate(birthMs);
  const age = ageAt(birthDate);
  const heritage = rng.weighted(heritageWeights(borough));
  const { given, family } = pickPersonName(rng, gender, new Date(birthMs).getUTCFullYear(), heritage);
  const middleCandidate = rng.chance(0.35) ? pickPersonName(rng, gender, new Date(birthMs).getUTCFullYear(), heritage).given : undefined;
  const prefix = age < 16 ? undefined : gender === 'male' ? 'Mr' : rng.weighted([['Mrs', 55], ['Ms', 30], ['Miss', 15]]);
  const ctx: Context = { index, age, gender, female: gender === 'female', birthMs, town, borough };

  const plan: PatientPlan = {
    index,
    nhsNumber: syntheticNhsNumber(index),
    given,
    ...(middleCandidate && middleCandidate !== given ? { middle: middleCandidate } : {}),
    family,
    ...(prefix ? { prefix } : {}),
    gender,
    birthDate,
    practiceOdsCode: practice.odsCode,
    councilOdsCode: councilForTown(town).odsCode,
    registeredSince: Math.max(birthMs + 7 * DAY, Math.floor((NOW - rng.float(0.1, 30) * YEAR) / DAY) * DAY),
    town,
    addressLine: pickStreetLine(rng),
    postcode: pickPostcode(rng, town),
    gp: gpPlan(new Rng(seed, index, STREAM.gp), ctx),
  };
  if (age >= 16 && rng.chance(0.85)) plan.mobile = pickMobile(rng);
  if (age >= 16 && rng.chance(age >= 65 ? 0.6 : 0.25)) plan.landline = pickLandline(rng);
  if (age < 16) {
    const relationship = rng.chance(0.7) ? 'mother' : 'father';
    const parentName = pickPersonName(rng, relationship === 'mother' ? 'female' : 'male', rng.int(1978, 2000), heritage);
    plan.parent = { given: parentName.given, family: rng.chance(0.8) ? family : parentName.family, relationship, phone: pickMobile(rng) };
  }

  const b = band(age);
  const acuteRng = new Rng(seed, index, STREAM.acute);
  if (acuteRng.chance(SLICE_PROBABILITY.acute[b])) plan.acute = acutePlan(acuteRng, ctx, plan.gp);

  const mhRng = new Rng(seed, index, STREAM.mentalHealth);
  if (mhRng.chance(SLICE_PROBABILITY.mentalHealth[b])) {
    plan.mentalHealth = mentalHealthPlan(mhRng, ctx);
    // Someone known to mental health services has a matching problem on their GP record.
    if (!plan.gp.conditions.some((c) => c.concept === conditions.depression || c.concept === conditions.anxiety)) {
      const onset = Math.max(ctx.birthMs + 12 * YEAR, plan.mentalHealth.episode.start - mhRng.int(30, 400) * DAY);
      plan.gp.conditions.push({ concept: conditions.depression, onset: Math.floor(onset / DAY) * DAY });
      if (age >= 16 && !plan.gp.medications.some((m) => m.medicine === medicines.sertraline50)) {
        plan.gp.medications.push({ medicine: medicines.sertraline50, start: Math.min(onset + mhRng.int(0, 30) * DAY, NOW - DAY) });
      }
    }
  }

  Object.assign(plan.gp, gpObservationsPlan(new Rng(seed, index, STREAM.gpObservations), ctx, plan.gp));
  if (plan.acute) hospitalRecordPlan(new Rng(seed, index, STREAM.hospitalRecord), plan.gp, plan.acute);
  if (plan.mentalHealth) mentalHealthRecordPlan(new Rng(seed, index, STREAM.mentalHealthRecord), plan.gp, plan.mentalHealth);

  const communityRng = new Rng(seed, index, STREAM.community);
  if (communityRng.chance(SLICE_PROBABILITY.community[b])) plan.community = communityPlan(communityRng, ctx, plan.gp);

  const socialRng = new Rng(seed, index, STREAM.socialCare);
  if (socialRng.chance(SLICE_PROBABILITY.socialCare[b])) plan.socialCare = socialCarePlan(socialRng, ctx, family);

  return plan;
}
