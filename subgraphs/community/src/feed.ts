import {
  conceptText,
  dateOf,
  oneOf,
  optionalCodingOf,
  optionalDateOf,
  required,
  textOf,
  FHIR_STATUS,
  type SliceFeed,
} from '@shareforyou/kit/src/ingest';
import { communityPanels } from './panels';

/**
 * The community services provider's FHIR R4 feed -> the community slice's panels.
 * EpisodeOfCare -> episodes (district nursing, community physiotherapy, …); Encounter -> visits
 * (home visits, class HH, and clinic contacts); CarePlan -> care plans.
 */


export const communityFeed: SliceFeed = {
  resources: {
    EpisodeOfCare: (r: fhir4.EpisodeOfCare) => ({
      panel: communityPanels.episodes,
      fields: {
        service: required(conceptText(r.type?.[0]), 'EpisodeOfCare.type'),
        status: oneOf(r.status, FHIR_STATUS.episodeOfCare, 'EpisodeOfCare.status'),
        start: dateOf(r.period?.start, 'EpisodeOfCare.period.start'),
        end: optionalDateOf(r.period?.end, 'EpisodeOfCare.period.end'),
        team: textOf(r.team?.[0]?.display, 200),
        leadClinician: textOf(r.careManager?.display, 200),
        referralReason: textOf(r.diagnosis?.[0]?.condition?.display ?? r.referralRequest?.[0]?.display, 500),
      },
    }),
    Encounter: (r: fhir4.Encounter) => ({
      panel: communityPanels.visits,
      fields: {
        date: dateOf(r.period?.start, 'Encounter.period.start'),
        end: optionalDateOf(r.period?.end, 'Encounter.period.end'),
        status: oneOf(r.status, FHIR_STATUS.encounter, 'Encounter.status'),
        setting: textOf(required(r.class?.display ?? r.class?.code, 'Encounter.class'), 100),
        visitType: optionalCodingOf(r.type?.[0], 'Encounter.type'),
        description: conceptText(r.type?.[0]),
        reason: optionalCodingOf(r.reasonCode?.[0], 'Encounter.reasonCode'),
        clinician: textOf(r.participant?.map((p) => p.individual?.display).filter(Boolean).join(', '), 200),
      },
    }),
    CarePlan: (r: fhir4.CarePlan) => ({
      panel: communityPanels.carePlans,
      fields: {
        title: textOf(required(r.title ?? conceptText(r.category?.[0]), 'CarePlan.title'), 200),
        category: conceptText(r.category?.[0]),
        status: oneOf(r.status, FHIR_STATUS.request, 'CarePlan.status'),
        description: textOf(r.description, 4000),
        activities: (r.activity ?? [])
          .map((a) => a.detail?.description ?? conceptText(a.detail?.code) ?? a.reference?.display)
          .filter((text): text is string => Boolean(text))
          .map((text) => text.slice(0, 1000)),
        start: dateOf(r.period?.start ?? r.created, 'CarePlan.period.start'),
        end: optionalDateOf(r.period?.end, 'CarePlan.period.end'),
      },
    }),
  },
};
