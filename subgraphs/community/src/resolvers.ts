import { sourceItemId } from '@shareforyou/kit/src/ingest/feedTarget';
import { currentFirst, newestFirst, panelList } from '@shareforyou/kit/src/slice/panels';
import type { SliceItem } from '@shareforyou/kit/src/slice/patientSlice';
import { OPEN_EPISODE, PLAN_IN_FORCE, VISIT_UNDER_WAY } from './feed';
import { communityPanels } from './panels';

/**
 * The community panels, each current first, then newest first by instant. Items stored before the
 * mapping kept every element get what they lack filled the safe way round (never stored in place):
 * `current` from the status they were stored with, empty lists, the one coding they kept.
 */

const text = (value: unknown) => (typeof value === 'string' && value ? [{ system: 'text', code: '', display: value, coding: [], text: value }] : []);

export const upgradeEpisode = (item: SliceItem): SliceItem => ({
  current: OPEN_EPISODE.has(String(item.status)),
  type: text(item.service),
  teams: item.team ? [item.team] : [],
  managingOrganisation: null,
  diagnoses: [],
  referrals: [],
  ...item,
});

export const upgradeVisit = (item: SliceItem): SliceItem => ({
  current: VISIT_UNDER_WAY.has(String(item.status)),
  class: null,
  type: item.visitType ? [item.visitType] : [],
  serviceType: null,
  reasons: item.reason ? [item.reason] : [],
  participants: [],
  location: null,
  locations: [],
  ...item,
});

export const upgradeCarePlan = (item: SliceItem): SliceItem => ({
  current: PLAN_IN_FORCE.has(String(item.status)),
  categories: text(item.category),
  intent: null,
  activityDetails: ((item.activities as string[] | undefined) ?? []).map((description) => ({ description, code: null, status: null, doNotPerform: null, scheduled: null, performers: [], location: null })),
  created: null,
  author: null,
  careTeams: [],
  addresses: [],
  ...item,
});

export const communityResolvers = {
  Patient: {
    communityEpisodes: panelList(communityPanels.episodes, currentFirst(newestFirst('start')), upgradeEpisode),
    communityVisits: panelList(communityPanels.visits, currentFirst(newestFirst('date')), upgradeVisit),
    communityCarePlans: panelList(communityPanels.carePlans, currentFirst(newestFirst('start')), upgradeCarePlan),
  },
  // Resolved, not stored: the item ids of the episodes (the source ids carry no ODS code).
  CommunityVisit: {
    episodeIds: (visit: SliceItem) => ((visit.episodeSourceIds as string[] | undefined) ?? []).map((sourceId) => sourceItemId(visit.provenance, { resourceType: 'EpisodeOfCare', sourceId })),
  },
};
