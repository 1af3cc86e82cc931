import type { SliceFeed } from '@shareforyou/kit/src/ingest';
import { carePlanMapping, conditionMapping, encounterMapping, episodeOfCareMapping, observationMapping } from '@shareforyou/kit/src/catalogue';
import { communityPanels } from './panels';

/**
 * The community services provider's FHIR R4 feed -> the community slice's panels, kept whole:
 * EpisodeOfCare -> episodes (district nursing, community physiotherapy, …) through the kit's
 * catalogue, with every service type, diagnosis, referral (the ServiceRequest resolved from the
 * bundle), team and care manager;
 * Encounter -> visits (home visits, class HH, and clinic contacts) with every participant, location
 * and reason; CarePlan -> care plans with every activity and its status (the kit's catalogue). Each item says whether it
 * is current; entered-in-error never reaches here (the kit deletes), nor does an activity the
 * source marked entered-in-error (it is left out of its plan).
 */

/** A visit (home visit, class HH, or clinic contact): the catalogue's Encounter, with the community's names for when and where. */
const visit = encounterMapping((e) => ({
  panel: communityPanels.visits,
  names: { date: e.start, location: e.place, setting: e.class ? (e.class.display ?? e.class.code) : null, visitType: e.type[0] ?? null },
}));

export const communityFeed: SliceFeed = {
  resources: {
    EpisodeOfCare: episodeOfCareMapping(communityPanels.episodes),
    Encounter: visit,
    CarePlan: carePlanMapping(communityPanels.carePlans),
    Condition: conditionMapping(communityPanels.diagnoses),
    Observation: observationMapping(communityPanels.observations),
  },
};
