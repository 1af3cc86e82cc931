import {
  conceptsOf,
  conceptText,
  currentPlaceOf,
  encounterCliniciansOf,
  encounterLocationsOf,
  encounterParticipantsOf,
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
import { conditionMapping, episodeOfCareMapping, observationMapping } from '@shareforyou/kit/src/catalogue';
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
const V3_ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';

/** The source ids of the episodes of care a visit was part of (Encounter.episodeOfCare), where the reference names one. */
function episodeSourceIdsOf(r: fhir4.Encounter, references: BundleReferences): string[] {
  return (r.episodeOfCare ?? []).flatMap((ref) => {
    const resolved = references.resolve(ref, r as never);
    if (resolved?.resourceType === 'EpisodeOfCare' && typeof resolved.id === 'string') return [resolved.id];
    const named = /(?:^|\/)EpisodeOfCare\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(ref.reference ?? '');
    return named ? [named[1]] : [];
  });
}

function visitMapping(r: fhir4.Encounter, references: BundleReferences) {
  const status = oneOf(r.status, FHIR_STATUS.encounter, 'Encounter.status');
  const classCode = textOf(r.class?.code, 64);
  const types = conceptsOf(r.type, 'Encounter.type');
  const reasons = [...conceptsOf(r.reasonCode, 'Encounter.reasonCode'), ...referencedConceptsOf(r.reasonReference, r, references, 'Encounter.reasonReference')];
  const locations = encounterLocationsOf(r, references);
  return {
    panel: communityPanels.visits,
    fields: {
      status,
      current: isCurrent('encounter', status),
      date: optionalDateOf(r.period?.start, 'Encounter.period.start'),
      end: optionalDateOf(r.period?.end, 'Encounter.period.end'),
      class: classCode ? { system: r.class.system ?? V3_ACT_CODE, code: classCode, display: textOf(r.class.display, 200) ?? classCode } : null,
      setting: textOf(r.class?.display ?? r.class?.code, 100),
      type: types,
      visitType: types[0] ?? null,
      description: conceptText(r.type?.[0]),
      serviceType: optionalCodingOf(r.serviceType, 'Encounter.serviceType'),
      reason: reasons[0] ?? null,
      reasons,
      clinician: encounterCliniciansOf(r, references),
      participants: encounterParticipantsOf(r, references),
      location: currentPlaceOf(locations),
      locations,
      episodeSourceIds: episodeSourceIdsOf(r, references),
    },
  };
}

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
    Encounter: visitMapping,
    CarePlan: carePlanMapping,
    Condition: conditionMapping(communityPanels.diagnoses),
    Observation: observationMapping(communityPanels.observations),
  },
};
