import {
  conceptsOf,
  conceptText,
  isCurrent,
  FHIR_CODE,
  FHIR_STATUS,
  namesOf,
  oneOf,
  optionalOneOf,
  optionalCodingOf,
  optionalDateOf,
  referenceDisplay,
  referencedConceptOf,
  referencedConceptsOf,
  textOf,
  type BundleReferences,
  type SliceFeed,
} from '@shareforyou/kit/src/ingest';
import { conditionMapping, encounterMapping, observationMapping } from '@shareforyou/kit/src/catalogue';
import { communityPanels } from './panels';

/**
 * The community services provider's FHIR R4 feed -> the community slice's panels, kept whole:
 * EpisodeOfCare -> episodes (district nursing, community physiotherapy, …) with every service type,
 * diagnosis, referral (the ServiceRequest resolved from the bundle), team and care manager;
 * Encounter -> visits (home visits, class HH, and clinic contacts) with every participant, location
 * and reason; CarePlan -> care plans with every activity and its status. Each item says whether it
 * is current; entered-in-error never reaches here (the kit deletes), nor does an activity the
 * source marked entered-in-error (it is left out of its plan).
 */


const ACTIVITY_STATUS = ['not-started', 'scheduled', 'in-progress', 'on-hold', 'completed', 'cancelled', 'stopped', 'unknown', 'entered-in-error'] as const;

/** EpisodeOfCare.referralRequest: the ServiceRequest in the bundle when there, else what the reference says. */
function referralOf(ref: fhir4.Reference, r: fhir4.EpisodeOfCare, references: BundleReferences, path: string) {
  const found = references.resolve(ref, r as never);
  const request = found?.resourceType === 'ServiceRequest' ? (found as unknown as fhir4.ServiceRequest) : null;
  return {
    description: textOf(ref.display, 500) ?? conceptText(request?.code) ?? null,
    code: optionalCodingOf(request?.code, `${path} -> ServiceRequest.code`),
    reasons: request
      ? [...conceptsOf(request.reasonCode, `${path} -> ServiceRequest.reasonCode`), ...referencedConceptsOf(request.reasonReference, request, references, `${path} -> ServiceRequest.reasonReference`)]
      : [],
    requester: request ? referenceDisplay(request.requester, request as never, references) : null,
    authoredOn: optionalDateOf(request?.authoredOn, `${path} -> ServiceRequest.authoredOn`),
    priority: optionalOneOf(request?.priority, FHIR_CODE.requestPriority, `${path} -> ServiceRequest.priority`),
  };
}

function episodeMapping(r: fhir4.EpisodeOfCare, references: BundleReferences) {
  const status = oneOf(r.status, FHIR_STATUS.episodeOfCare, 'EpisodeOfCare.status');
  const types = conceptsOf(r.type, 'EpisodeOfCare.type');
  const diagnoses = (r.diagnosis ?? []).map((d, i) => ({
    condition: referencedConceptOf(d.condition, r, references, `EpisodeOfCare.diagnosis[${i}].condition`),
    role: optionalCodingOf(d.role, `EpisodeOfCare.diagnosis[${i}].role`),
    rank: d.rank ?? null,
  }));
  const referrals = (r.referralRequest ?? []).map((ref, i) => referralOf(ref, r, references, `EpisodeOfCare.referralRequest[${i}]`));
  const teams = namesOf(r.team, r, references);
  const firstDiagnosis = [...diagnoses].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity))[0]?.condition;
  return {
    panel: communityPanels.episodes,
    fields: {
      service: types[0] ? textOf(types[0].text ?? types[0].display, 200) : null,
      type: types,
      status,
      current: isCurrent('episodeOfCare', status, r.period?.end),
      start: optionalDateOf(r.period?.start, 'EpisodeOfCare.period.start'),
      end: optionalDateOf(r.period?.end, 'EpisodeOfCare.period.end'),
      team: teams[0] ?? null,
      teams,
      leadClinician: referenceDisplay(r.careManager, r as never, references),
      managingOrganisation: referenceDisplay(r.managingOrganization, r as never, references),
      diagnoses,
      referrals,
      referralReason: textOf(
        (firstDiagnosis && (firstDiagnosis.text ?? firstDiagnosis.display)) ??
          referrals.map((x) => x.reasons[0]?.text ?? x.reasons[0]?.display ?? x.description).find(Boolean),
        500,
      ),
    },
  };
}

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
    EpisodeOfCare: episodeMapping,
    Encounter: visit,
    CarePlan: carePlanMapping,
    Condition: conditionMapping(communityPanels.diagnoses),
    Observation: observationMapping(communityPanels.observations),
  },
};
