/// <reference types="fhir" />
/**
 * The community provider's slice: episodes of care (district nursing, community physiotherapy…),
 * home visits (Encounter, class HH) and care plans.
 */

import { MINUTE, isoDate, isoDateTime } from '../clock';
import { SliceFactory, snomed } from '../fhir';
import { SYSTEMS, encounterTypes } from '../terminology';
import type { PatientPlan } from '../plan';

const PRIMARY_PERFORMER = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'PPRF', display: 'primary performer' }] };

export function buildCommunitySlice(plan: PatientPlan): fhir4.FhirResource[] {
  const community = plan.community;
  if (!community) return [];
  const f = new SliceFactory(community.odsCode, plan.index, plan.nhsNumber);
  const out: fhir4.FhirResource[] = [];

  const episodeIds = community.episodes.map((ep) => {
    const id = f.nextId('communityEpisode');
    out.push({
      resourceType: 'EpisodeOfCare',
      id,
      meta: f.meta(id, ep.end ?? ep.start),
      status: ep.status,
      type: [{ text: ep.service }],
      patient: f.patient,
      managingOrganization: f.organisation,
      period: ep.end ? { start: isoDate(ep.start), end: isoDate(ep.end) } : { start: isoDate(ep.start) },
      // The referral that began it, as the reference names it (the ServiceRequest is held by the referrer).
      referralRequest: [{ display: `Referral for ${ep.focus.toLowerCase()}` }],
      careManager: { display: ep.lead },
      team: [{ display: ep.team }],
    });
    return id;
  });

  for (const v of community.visits) {
    const id = f.nextId('homeVisit');
    const ep = community.episodes[v.episode];
    out.push({
      resourceType: 'Encounter',
      id,
      meta: f.meta(id, v.start + v.minutes * MINUTE),
      status: 'finished',
      class: { system: SYSTEMS.actCode, code: 'HH', display: 'home health' },
      type: [snomed(encounterTypes.homeVisit, `${ep.service} home visit`)],
      subject: f.patient,
      episodeOfCare: [{ reference: `EpisodeOfCare/${episodeIds[v.episode]}` }],
      participant: [{ type: [PRIMARY_PERFORMER], individual: { display: v.clinician } }],
      period: { start: isoDateTime(v.start), end: isoDateTime(v.start + v.minutes * MINUTE) },
      reasonCode: [{ text: v.reason }],
      location: [{ location: { display: "Patient's home" }, status: 'completed' }],
      serviceProvider: f.organisation,
    });
  }

  for (const cp of community.carePlans) {
    const id = f.nextId('communityCarePlan');
    const ep = community.episodes[cp.episode];
    const active = ep.status === 'active';
    out.push({
      resourceType: 'CarePlan',
      id,
      meta: f.meta(id, ep.end ?? cp.created),
      status: active ? 'active' : 'completed',
      intent: 'plan',
      category: [{ text: `${ep.service} care plan` }],
      title: cp.title,
      description: cp.description,
      subject: f.patient,
      period: ep.end ? { start: isoDate(cp.created), end: isoDate(ep.end) } : { start: isoDate(cp.created) },
      created: isoDateTime(cp.created),
      author: f.organisation,
      supportingInfo: [{ reference: `EpisodeOfCare/${episodeIds[cp.episode]}` }],
      activity: cp.activities.map((description) => ({ detail: { status: active ? 'in-progress' : 'completed', description } })),
    });
  }
  return out;
}
