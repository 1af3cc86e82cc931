import {
  conceptsOf,
  conceptText,
  isCurrent,
  FHIR_CODE,
  FHIR_STATUS,
  namesOf,
  oneOf,
  optionalCodingOf,
  optionalDateOf,
  referenceDisplay,
  referencedConceptsOf,
  textOf,
  type BundleReferences,
  type SliceFeed,
} from '@shareforyou/kit/src/ingest';
import { conditionMapping, encounterMapping, episodeOfCareMapping, observationMapping } from '@shareforyou/kit/src/catalogue';
import { communityPanels } from './panels';

/**
 * The community services provider's FHIR R4 feed -> the community slice's panels, kept whole:
 * EpisodeOfCare -> episodes (district nursing, community physiotherapy, …) through the kit's
 * catalogue, with every service type, diagnosis, referral (the ServiceRequest resolved from the
 * bundle), team and care manager;
 * Encounter -> visits (home visits, class HH, and clinic contacts) with every participant, location
 * and reason; CarePlan -> care plans with every activity and its status. Each item says whether it
 * is current; entered-in-error never reaches here (the kit deletes), nor does an activity the
 * source marked entered-in-error (it is left out of its plan).
 */


const ACTIVITY_STATUS = ['not-started', 'scheduled', 'in-progress', 'on-hold', 'completed', 'cancelled', 'stopped', 'unknown', 'entered-in-error'] as const;

/** A visit (home visit, class HH, or clinic contact): the catalogue's Encounter, with the community's names for when and where. */
const visit = encounterMapping((e) => ({
  panel: communityPanels.visits,
  names: { date: e.start, location: e.place, setting: e.class ? (e.class.display ?? e.class.code) : null, visitType: e.type[0] ?? null },
}));

function carePlanMapping(r: fhir4.CarePlan, references: BundleReferences) {
  const status = oneOf(r.status, FHIR_STATUS.request, 'CarePlan.status');
  const categories = conceptsOf(r.category, 'CarePlan.category');
  const activityDetails = (r.activity ?? [])
    .map((a, i) => {
      const path = `CarePlan.activity[${i}]`;
      const d = a.detail;
      const activityStatus = d ? oneOf(d.status, ACTIVITY_STATUS, `${path}.detail.status`) : null;
      return {
        description: textOf(d?.description ?? conceptText(d?.code) ?? a.reference?.display ?? referenceDisplay(a.reference, r as never, references), 1000),
        code: optionalCodingOf(d?.code, `${path}.detail.code`),
        status: activityStatus,
        doNotPerform: d?.doNotPerform ?? null,
        scheduled: textOf(d?.scheduledString, 200) ?? optionalDateOf(d?.scheduledPeriod?.start, `${path}.detail.scheduledPeriod.start`),
        performers: namesOf(d?.performer, r, references),
        location: referenceDisplay(d?.location, r as never, references),
      };
    })
    // An activity the source marked entered in error was never planned: it is not shown.
    .filter((a) => a.status !== 'entered-in-error');
  return {
    panel: communityPanels.carePlans,
    fields: {
      title: textOf(r.title ?? conceptText(r.category?.[0]), 200),
      category: conceptText(r.category?.[0]),
      categories,
      status,
      current: isCurrent('request', status, r.period?.end),
      intent: oneOf(r.intent, FHIR_CODE.carePlanIntent, 'CarePlan.intent'),
      description: textOf(r.description, 4000),
      activities: activityDetails.map((a) => a.description).filter((text): text is string => Boolean(text)),
      activityDetails,
      start: optionalDateOf(r.period?.start ?? r.created, 'CarePlan.period.start'),
      end: optionalDateOf(r.period?.end, 'CarePlan.period.end'),
      created: optionalDateOf(r.created, 'CarePlan.created'),
      author: referenceDisplay(r.author, r as never, references),
      careTeams: namesOf(r.careTeam, r, references),
      addresses: referencedConceptsOf(r.addresses, r, references, 'CarePlan.addresses'),
    },
  };
}

export const communityFeed: SliceFeed = {
  resources: {
    EpisodeOfCare: episodeOfCareMapping(communityPanels.episodes),
    Encounter: visit,
    CarePlan: carePlanMapping,
    Condition: conditionMapping(communityPanels.diagnoses),
    Observation: observationMapping(communityPanels.observations),
  },
};
