/**
 * What every slice planner knows about the patient, and small helpers they share.
 */

import { DAY, REFERENCE_INSTANT as NOW, atTimeOfDay } from '../clock';
import type { Gender } from '../names';
import type { Borough, Town } from '../places';
import type { Rng } from '../prng';
import { conditions, medicines, type ConditionKey, type MedicineKey } from '../terminology';
import type { GpPlan } from '../plan';

export interface Context {
  index: number;
  age: number;
  gender: Gender;
  female: boolean;
  birthMs: number;
  town: Town;
  borough: Borough;
}

/** A time of day in working hours (on a 5-minute grid). */
export function workingTime(rng: Rng, dayMs: number, fromHour = 8, toHour = 17): number {
  return atTimeOfDay(dayMs, rng.int(fromHour, toHour - 1), rng.int(0, 11) * 5);
}

export function daysAgo(rng: Rng, min: number, max: number): number {
  return NOW - rng.int(min, max) * DAY;
}

export function has(gp: GpPlan, key: ConditionKey, activeOnly = true): boolean {
  const c = conditions[key];
  return gp.conditions.some((x) => x.concept === c && (!activeOnly || x.resolved === undefined));
}

export function onMedicine(gp: GpPlan, key: MedicineKey): boolean {
  return gp.medications.some((m) => m.medicine === medicines[key] && m.end === undefined);
}
