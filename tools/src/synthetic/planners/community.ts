/**
 * The community provider's record of a random patient: one or two episodes (district nursing,
 * physiotherapy…), home visits and a care plan for each.
 */

import { DAY, REFERENCE_INSTANT as NOW } from '../clock';
import { pickStaffName } from '../names';
import { services } from '../places';
import type { Rng } from '../prng';
import type { CommunityPlan, GpPlan } from '../plan';
import { daysAgo, has, workingTime, type Context } from './context';

const COMMUNITY_FOCUS: Record<string, { description: string; activities: string[]; reason: string }> = {
  'Leg ulcer care': { description: 'Venous leg ulcer, left lower leg. Aim: heal the ulcer and prevent recurrence.', activities: ['Clean and dress ulcer with compression bandaging twice weekly', 'Measure and photograph the wound every four weeks', 'Doppler assessment before changing compression'], reason: 'Leg ulcer dressing' },
  'Pressure area care': { description: 'At risk of pressure ulcers (Waterlow high risk). Aim: keep skin intact.', activities: ['Skin inspection at each visit', 'Pressure-relieving mattress and cushion in place', 'Teach family and carers to reposition every four hours'], reason: 'Pressure area check' },
  'Catheter care': { description: 'Long-term urinary catheter. Aim: prevent infection and blockage.', activities: ['Change catheter every 12 weeks', 'Check for signs of infection at each visit', 'Supply catheter bags and advice on fluid intake'], reason: 'Catheter review' },
  'Insulin administration': { description: 'Unable to self-administer insulin. Aim: safe glucose control at home.', activities: ['Give insulin as prescribed each morning', 'Check capillary glucose before each dose', 'Report readings above 20 or below 4 mmol/L to the GP'], reason: 'Insulin administration' },
  'Post-operative wound care': { description: 'Surgical wound after recent operation. Aim: healing without infection.', activities: ['Dressing change every three days', 'Remove clips on day 10 to 14', 'Escalate signs of infection to the GP'], reason: 'Wound dressing' },
  'Falls rehabilitation': { description: 'Recurrent falls at home. Aim: improve strength and balance, reduce falls.', activities: ['Strength and balance exercise programme', 'Home hazard assessment', 'Review walking aid'], reason: 'Falls rehabilitation session' },
  'Mobility after hip fracture': { description: 'Recovering after hip fracture surgery. Aim: return to independent walking indoors.', activities: ['Progressive walking programme with frame', 'Stairs practice', 'Review equipment with occupational therapy'], reason: 'Mobility rehabilitation' },
  'Back pain rehabilitation': { description: 'Persistent low back pain. Aim: return to usual activities.', activities: ['Graded exercise programme', 'Advice on pacing and activity', 'Review in six weeks'], reason: 'Physiotherapy review' },
  'Knee osteoarthritis exercise programme': { description: 'Knee osteoarthritis limiting walking. Aim: reduce pain and improve function.', activities: ['Quadriceps strengthening programme', 'Weight management advice', 'Review walking aid'], reason: 'Physiotherapy review' },
  'Heart failure case management': { description: 'Heart failure with recent admissions. Aim: stay well at home.', activities: ['Daily weights: report a gain of 2 kg in three days', 'Review diuretic dose with the heart failure nurse', 'Fortnightly review'], reason: 'Heart failure review' },
  'COPD case management': { description: 'COPD with frequent exacerbations. Aim: early treatment at home.', activities: ['Rescue pack in the home with written plan', 'Inhaler technique check', 'Refer to pulmonary rehabilitation'], reason: 'COPD review' },
  'Frailty review': { description: 'Moderate frailty. Aim: stay independent at home.', activities: ['Comprehensive geriatric assessment', 'Medication review with the GP', 'Link with social care and voluntary services'], reason: 'Frailty review' },
  'Diabetic foot care': { description: 'Diabetes with reduced foot sensation. Aim: prevent ulceration.', activities: ['Foot inspection and nail care every eight weeks', 'Footwear advice', 'Urgent referral pathway explained'], reason: 'Diabetic foot check' },
  'Nail care for a high-risk foot': { description: 'High-risk foot because of poor circulation. Aim: prevent injury.', activities: ['Nail care every ten weeks', 'Footwear advice'], reason: 'Podiatry nail care' },
  'Asthma management at home': { description: 'Asthma with recent hospital attendance. Aim: fewer attacks.', activities: ['Personalised asthma action plan', 'Inhaler and spacer technique with parents', 'Liaison with school nurse'], reason: 'Asthma review at home' },
  'Speech and language development': { description: 'Delayed expressive language. Aim: age-appropriate communication.', activities: ['Weekly therapy sessions for six weeks', 'Home activities with parents', 'Liaison with nursery or school'], reason: 'Speech and language therapy session' },
};

export function communityPlan(rng: Rng, ctx: Context, gp: GpPlan): CommunityPlan {
  const diabetic = has(gp, 'type2Diabetes');
  const services_: readonly (readonly [string, number])[] =
    ctx.age < 18
      ? [['Children’s community nursing', 40], ['Speech and language therapy', 60]]
      : ctx.age >= 65
        ? [['District nursing', 55], ['Community physiotherapy', 20], ['Community matron', 15], ['Podiatry', 10]]
        : [['Community physiotherapy', 50], ['District nursing', 30], ['Podiatry', 20]];
  const focusFor = (service: string): string => {
    switch (service) {
      case 'District nursing':
        return rng.pick(diabetic ? ['Leg ulcer care', 'Pressure area care', 'Catheter care', 'Insulin administration', 'Post-operative wound care'] : ['Leg ulcer care', 'Pressure area care', 'Catheter care', 'Post-operative wound care']);
      case 'Community physiotherapy':
        return rng.pick(ctx.age >= 65 ? ['Falls rehabilitation', 'Mobility after hip fracture', 'Knee osteoarthritis exercise programme'] : ['Back pain rehabilitation', 'Knee osteoarthritis exercise programme']);
      case 'Community matron':
        return has(gp, 'heartFailure') ? 'Heart failure case management' : has(gp, 'copd') ? 'COPD case management' : 'Frailty review';
      case 'Podiatry':
        return diabetic ? 'Diabetic foot care' : 'Nail care for a high-risk foot';
      case 'Children’s community nursing':
        return 'Asthma management at home';
      default:
        return 'Speech and language development';
    }
  };
  const plan: CommunityPlan = { odsCode: services().community.odsCode, episodes: [], visits: [], carePlans: [] };
  const episodeCount = rng.chance(0.8) ? 1 : 2;
  const chosen = new Set<string>();
  for (let e = 0; e < episodeCount; e++) {
    const service = rng.weighted(services_);
    if (chosen.has(service)) continue;
    chosen.add(service);
    const focus = focusFor(service);
    const active = rng.chance(0.6);
    const start = active ? daysAgo(rng, 14, 200) : daysAgo(rng, 120, 3 * 365);
    const end = active ? undefined : Math.min(start + rng.int(14, 120) * DAY, NOW - 7 * DAY);
    const lead = pickStaffName(rng);
    const episodeIndex = plan.episodes.length;
    plan.episodes.push({ service, focus, status: active ? 'active' : 'finished', start, ...(end ? { end } : {}), lead, team: `${ctx.town} ${service.toLowerCase()} team` });
    const detail = COMMUNITY_FOCUS[focus];
    plan.carePlans.push({ episode: episodeIndex, created: workingTime(rng, start + rng.int(0, 7) * DAY), title: focus, description: detail.description, activities: detail.activities });
    const visitCount = rng.int(2, 5);
    const until = end ?? NOW - DAY;
    for (let v = 0; v < visitCount; v++) {
      const day = rng.float(start, until);
      plan.visits.push({ episode: episodeIndex, start: workingTime(rng, day), minutes: rng.int(20, 60), reason: detail.reason, clinician: rng.chance(0.7) ? lead : pickStaffName(rng) });
    }
  }
  plan.visits.sort((a, b) => a.start - b.start);
  return plan;
}
