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
import { carePlanMapping, conditionMapping, observationMapping } from '@shareforyou/kit/src/catalogue';
import { communityPanels } from './panels';

/**
 * The community services provider's FHIR R4 feed -> the community slice's panels, kept whole:
 * EpisodeOfCare -> episodes (district nursing, community physiotherapy, …) with every service type,
 * diagnosis, referral (the ServiceRequest resolved from the bundle), team and care manager;
 * Encounter -> visits (home visits, class HH, and clinic contacts) with every participant, location
 * and reason; CarePlan -> care plans with every activity and its status (the kit's catalogue). Each item says whether it
 * is current; entered-in-error never reaches here (the kit deletes), nor does an activity the
 * source marked entered-in-error (it is left out of its plan).
 */


const V3_ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';

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

export const communityFeed: SliceFeed = {
  resources: {
    EpisodeOfCare: episodeMapping,
    Encounter: visitMapping,
    CarePlan: carePlanMapping(communityPanels.carePlans),
    Condition: conditionMapping(communityPanels.diagnoses),
    Observation: observationMapping(communityPanels.observations),
  },
};
