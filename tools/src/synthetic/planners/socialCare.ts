/**
 * The council's social care record of a random patient: the case, the assessment, care packages,
 * carers and (rarely) a safeguarding alert.
 */

import { DAY, REFERENCE_INSTANT as NOW } from '../clock';
import { pickMobile, councilForTown } from '../places';
import { pickPersonName, pickStaffName, type Gender } from '../names';
import type { Rng } from '../prng';
import type { RelationshipKey } from '../terminology';
import type { SocialCarePlan } from '../plan';
import { daysAgo, workingTime, type Context } from './context';

const CARE_PACKAGES: readonly (readonly [readonly [string, number], number])[] = [
  [['Home care, 4 calls a day', 14], 20],
  [['Home care, 3 calls a day', 10.5], 20],
  [['Home care, 2 calls a day', 7], 20],
  [['Home care, 1 call a day', 3.5], 10],
  [['Day centre, 2 days a week', 12], 10],
  [['Direct payment for a personal assistant', 10], 10],
  [['Telecare: pendant alarm and falls sensor', 0], 10],
];

export function socialCarePlan(rng: Rng, ctx: Context, family: string): SocialCarePlan {
  const council = councilForTown(ctx.town);
  const child = ctx.age < 18;
  const active = rng.chance(0.75);
  const start = Math.max(ctx.birthMs + 30 * DAY, active ? daysAgo(rng, 20, 4 * 365) : daysAgo(rng, 200, 5 * 365));
  const end = active ? undefined : Math.min(start + rng.int(60, 720) * DAY, NOW - 14 * DAY);
  const worker = pickStaffName(rng);
  const plan: SocialCarePlan = {
    odsCode: council.odsCode,
    episode: { status: active ? 'active' : 'finished', start, ...(end ? { end } : {}), worker, team: `${ctx.borough} ${child ? 'Children’s' : 'Adult'} Social Care`, kind: child ? 'children' : 'adult' },
    packages: [],
    carers: [],
  };
  if (rng.chance(0.9)) {
    plan.assessment = {
      date: Math.min(start + rng.int(7, 40) * DAY, NOW - DAY),
      kind: child ? 'child-and-family' : 'care-act',
      outcome: child
        ? 'Child in need: support plan agreed with the family; review in three months.'
        : rng.pick([
            'Eligible needs under the Care Act 2014: personal care, preparing meals, maintaining a habitable home.',
            'Eligible needs under the Care Act 2014: personal care and managing medicines; carer’s assessment offered.',
            'Eligible needs under the Care Act 2014: getting about safely at home and accessing the community.',
          ]),
      assessor: worker,
    };
  }
  if (!child && rng.chance(active ? 0.8 : 0.5)) {
    const [description, hours] = rng.weighted(CARE_PACKAGES);
    const pStart = Math.min(start + rng.int(14, 60) * DAY, NOW - DAY);
    plan.packages.push({ description, hoursPerWeek: hours, start: pStart, ...(end ? { end } : {}) });
    if (hours > 0 && rng.chance(0.3)) plan.packages.push({ description: 'Telecare: pendant alarm and falls sensor', hoursPerWeek: 0, start: pStart, ...(end ? { end } : {}) });
  } else if (child && rng.chance(0.2)) {
    plan.packages.push({ description: 'Short breaks', hoursPerWeek: 6, start: Math.min(start + rng.int(14, 60) * DAY, NOW - DAY), ...(end ? { end } : {}) });
  }
  const carerChance = child ? 0.9 : ctx.age >= 65 ? 0.6 : 0.35;
  if (rng.chance(carerChance)) {
    const relationship: RelationshipKey = child
      ? rng.weighted<RelationshipKey>([['mother', 60], ['father', 25], ['grandmother', 15]])
      : ctx.age >= 65
        ? rng.weighted<RelationshipKey>([['daughter', 40], ['son', 25], [ctx.female ? 'husband' : 'wife', 25], ['neighbour', 10]])
        : rng.weighted<RelationshipKey>([[ctx.female ? 'husband' : 'wife', 50], ['mother', 30], ['friend', 20]]);
    const carerGender: Gender = ['daughter', 'mother', 'wife', 'grandmother'].includes(relationship) ? 'female' : ['son', 'father', 'husband'].includes(relationship) ? 'male' : rng.chance(0.6) ? 'female' : 'male';
    const name = pickPersonName(rng, carerGender, rng.int(1950, 1995), 'english');
    const sameFamily = ['son', 'father', 'wife', 'husband', 'mother'].includes(relationship) || (relationship === 'daughter' && rng.chance(0.5));
    plan.carers.push({ relationship, given: name.given, family: sameFamily ? family : name.family, phone: pickMobile(rng), main: true });
  }
  if (rng.chance(child ? 0.3 : 0.06)) {
    plan.safeguarding = {
      raised: workingTime(rng, Math.min(start + rng.int(0, 30) * DAY, NOW - DAY)),
      text: child
        ? 'Child protection plan in place. Discuss with the allocated social worker before sharing information with family members.'
        : 'Adult safeguarding enquiry (Care Act section 42) open. Contact the allocated social worker before sharing information with visitors.',
    };
  }
  // Drawn last, so the rest of the plan is as before: home care visitors are told where the key is.
  if (active && plan.packages.some((p) => p.hoursPerWeek > 0) && rng.chance(0.3)) {
    plan.alert = { raised: workingTime(rng, Math.min(plan.packages[0].start, NOW - DAY)), text: 'Key safe by the front door: the code is held by the home care agency.' };
  }
  return plan;
}
