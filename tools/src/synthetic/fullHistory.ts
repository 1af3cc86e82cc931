import { DAY, MINUTE, REFERENCE_INSTANT, YEAR } from './clock';
import { DEFAULT_SEED, patientFromPlan, type SyntheticPatient } from './feeds';
import type { PatientPlan, PlannedConsultation, PlannedGpObservation } from './plan';
import { Rng } from './prng';
import { randomPlan } from './randomPlan';
import { reasons } from './terminology';

/**
 * A patient's whole GP record as one bundle of exactly `entries` resources, as a practice sends it
 * when it first shares a record (or moves to a new clinical system): patient `index`'s own plan,
 * with what a long-followed patient accumulates added going back from today: a consultation, then a
 * blood pressure and a weight, every few weeks for as many years as it takes. For the benchmark's
 * full-history ingest (entries per second); the demo and the bench dataset never use it.
 */
export interface FullHistory {
  patient: SyntheticPatient;
  /** The practice that sends it, and its one `batch` of `entries` entries. */
  odsCode: string;
  bundle: fhir4.Bundle;
}

/** Apart from the person's own streams, so their plan is the same with or without a full history. */
const FULL_HISTORY_STREAM = 97;

export function generateFullHistory(index: number, entries: number, seed: number = DEFAULT_SEED): FullHistory {
  const plan = randomPlan(index, seed);
  const base = gpResources(plan, seed).length;
  const added = entries - base;
  if (added < 0) throw new RangeError(`patient ${index}'s GP record alone has ${base} resources, more than the ${entries} asked for`);
  const history = addHistory(plan, added, new Rng(seed, index, FULL_HISTORY_STREAM));
  const patient = patientFromPlan(history, seed);
  const resources = gpResources(history, seed);
  if (resources.length !== entries) throw new Error(`full history of patient ${index}: ${resources.length} resources, not ${entries}`);
  return {
    patient,
    odsCode: history.practiceOdsCode,
    bundle: { resourceType: 'Bundle', type: 'batch', entry: resources.map((resource) => ({ resource })) },
  };
}

/** What the practice's feeds of this plan send, in order (its record, then its corrections). */
function gpResources(plan: PatientPlan, seed: number): fhir4.FhirResource[] {
  return patientFromPlan(plan, seed).feeds.filter((f) => f.target === 'gp').flatMap((f) => (f.bundle.entry ?? []).map((e) => e.resource!));
}

/** `count` more GP resources in the plan: visits of three (a consultation, a blood pressure, a weight) back from today, every few weeks. */
function addHistory(plan: PatientPlan, count: number, rng: Rng): PatientPlan {
  const born = Date.parse(plan.birthDate);
  // From the patient's 16th birthday (or their birth, for a child) to last week, evenly.
  const earliest = Math.max(born + (REFERENCE_INSTANT - born > 17 * YEAR ? 16 * YEAR : DAY), REFERENCE_INSTANT - 40 * YEAR);
  const step = (REFERENCE_INSTANT - 7 * DAY - earliest) / Math.max(1, Math.ceil(count / 3));
  const consultations: PlannedConsultation[] = [];
  const observations: PlannedGpObservation[] = [];
  const clinician = plan.gp.consultations[0]?.clinician ?? 'Dr Amina Shah';
  for (let i = 0; i < count; i += 1) {
    const visit = Math.floor(i / 3);
    const start = Math.floor((REFERENCE_INSTANT - 7 * DAY - visit * step) / MINUTE) * MINUTE;
    if (i % 3 === 0) consultations.push({ mode: rng.chance(0.4) ? 'telephone' : 'face-to-face', start, minutes: rng.int(8, 15), reason: reasons.medicationReview, clinician });
    else if (i % 3 === 1) {
      const systolic = rng.int(110, 160);
      observations.push({ kind: 'bloodPressure', time: start + 5 * MINUTE, systolic, diastolic: Math.min(systolic - 30, rng.int(65, 95)) });
    } else observations.push({ kind: 'bodyWeight', time: start + 6 * MINUTE, kg: rng.int(550, 1100) / 10 });
  }
  const byTime = <T>(time: (item: T) => number) => (a: T, b: T) => time(a) - time(b);
  return {
    ...plan,
    gp: {
      ...plan.gp,
      consultations: [...plan.gp.consultations, ...consultations].sort(byTime((c) => c.start)),
      observations: [...plan.gp.observations, ...observations].sort(byTime((o) => o.time)),
    },
  };
}
