import { sourceItemId } from '@shareforyou/kit/src/ingest/feedTarget';
import { isCurrent } from '@shareforyou/kit/src/ingest/fhirStatuses';
import { textConcept } from '@shareforyou/kit/src/ingest/fhirValues';
import {
  administrationList,
  advanceDecisionList,
  alertList,
  allergyList,
  appointmentList,
  carePlanList,
  documentList,
  familyHistoryList,
  immunisationList,
  listStatementList,
  medicalDeviceList,
  medicineList,
  noKnownAllergyList,
  observationList,
  problemList,
  procedureList,
  referralList,
  relatedPersonList,
} from '@shareforyou/kit/src/slice/catalogueLists';
import { currentFirst, newestFirst, panelList } from '@shareforyou/kit/src/slice/panels';
import type { SliceItem } from '@shareforyou/kit/src/slice/patientSlice';
import { communityPanels } from './panels';

/**
 * The community panels, each current first, then newest first by instant. Items stored before the
 * mapping kept every element get what they lack filled the safe way round (never stored in place):
 * empty lists, the one coding they kept. `current` is read again from status and period (a period
 * that has ended since the item was written is history now).
 */

const text = (value: unknown) => (typeof value === 'string' && value ? [textConcept(value)] : []);

export const upgradeEpisode = (item: SliceItem): SliceItem => ({
  type: text(item.service),
  teams: item.team ? [item.team] : [],
  managingOrganisation: null,
  diagnoses: [],
  referrals: [],
  ...item,
  current: isCurrent('episodeOfCare', item.status, item.end),
});

export const upgradeVisit = (item: SliceItem): SliceItem => ({
  class: null,
  type: item.visitType ? [item.visitType] : [],
  serviceType: null,
  reasons: item.reason ? [item.reason] : [],
  participants: [],
  location: null,
  locations: [],
  ...item,
  current: isCurrent('encounter', item.status),
});

/**
 * A care plan stored before the community plans went through the catalogue's CarePlan mapping: its
 * activities were kept twice (one line each in `activities`, in full in `activityDetails`) and its
 * first category's text as `category`. Read as the catalogue's CarePlan, nothing lost.
 */
export const earlierCarePlan = ({ activityDetails, category, ...item }: SliceItem): SliceItem => ({
  categories: text(category),
  ...item,
  activities: (activityDetails as unknown[] | undefined) ?? item.activities,
});

export const communityResolvers = {
  Patient: {
    communityDiagnoses: problemList(communityPanels.diagnoses),
    communityObservations: observationList(communityPanels.observations),
    communityEpisodes: panelList(communityPanels.episodes, currentFirst(newestFirst('start')), upgradeEpisode),
    communityVisits: panelList(communityPanels.visits, currentFirst(newestFirst('date')), upgradeVisit),
    communityCarePlans: carePlanList(communityPanels.carePlans, earlierCarePlan),
    communityAllergies: allergyList(communityPanels.allergies),
    communityNoKnownAllergies: noKnownAllergyList(communityPanels.noKnownAllergies),
    communityMedications: medicineList(communityPanels.medications, communityPanels.diagnoses),
    communityProcedures: procedureList(communityPanels.procedures),
    communityImmunisations: immunisationList(communityPanels.immunisations),
    communityReferrals: referralList(communityPanels.referrals),
    communityAlerts: alertList(communityPanels.alerts),
    communitySafeguardingAlerts: alertList(communityPanels.safeguardingAlerts),
    communityRiskAlerts: alertList(communityPanels.riskAlerts),
    communityNoKnownProblems: listStatementList(communityPanels.noKnownProblems),
    communityNoCurrentMedications: listStatementList(communityPanels.noCurrentMedications),
    communityMedicationAdministrations: administrationList(communityPanels.medicationAdministrations),
    communityDocuments: documentList(communityPanels.documents),
    communityAppointments: appointmentList(communityPanels.appointments),
    communityAdvanceDecisions: advanceDecisionList(communityPanels.advanceDecisions),
    communityMedicalDevices: medicalDeviceList(communityPanels.medicalDevices),
    communityFamilyHistory: familyHistoryList(communityPanels.familyHistory),
    communityRelatedPeople: relatedPersonList(communityPanels.relatedPeople),
  },
  // Resolved, not stored: the item ids of the episodes (the source ids carry no ODS code).
  CommunityVisit: {
    episodeIds: (visit: SliceItem) => ((visit.episodeSourceIds as string[] | undefined) ?? []).map((sourceId) => sourceItemId(visit.provenance, { resourceType: 'EpisodeOfCare', sourceId })),
  },
};
