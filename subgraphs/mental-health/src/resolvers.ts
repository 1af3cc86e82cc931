import type { GraphQLResolveInfo } from 'graphql';
import { isCurrent } from '@shareforyou/kit/src/ingest/fhirStatuses';
import { textConcept } from '@shareforyou/kit/src/ingest/fhirValues';
import {
  administrationList,
  admissionList,
  advanceDecisionList,
  appointmentList,
  alertList,
  allergyList,
  carePlanActivity,
  carePlanList,
  documentList,
  encounterList,
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
import { readableItems } from '@shareforyou/kit/src/slice/unreadableItems';
import type { SliceItem } from '@shareforyou/kit/src/slice/patientSlice';
import type { SubgraphContext } from '@shareforyou/kit/src/context';
import { mentalHealthPanels } from './panels';

type Patient = { nhsNumber: string };
/** Newest first by a date field, by instant; an item without one by when the source last changed it. */
const newestBy = (field: string) => newestFirst(field, 'provenance.lastUpdated');

// `current` is read, never trusted from the store alone: a period that has ended since the item was
// written is history now. Items stored before a field was kept get it filled the safe way round.
const episode = (item: SliceItem): SliceItem => ({
  statusHistory: [],
  types: [],
  teams: item.team ? [item.team] : [],
  managingOrganisation: null,
  ...item,
  current: isCurrent('episodeOfCare', item.status, item.end),
});
const crisisPlan = (item: SliceItem): SliceItem => ({
  categories: [],
  start: null,
  end: null,
  ...item,
  activities: ((item.activities as unknown[] | undefined) ?? []).map(carePlanActivity),
  current: isCurrent('request', item.status, item.end),
});
/** A care plan stored before the trust's plans went through the catalogue's mapping: its description was `summary`. */
const earlierCarePlan = ({ summary, ...item }: SliceItem): SliceItem => ({ description: summary ?? null, ...item, start: item.start ?? item.created ?? null });
const risk = (item: SliceItem): SliceItem => {
  // Before `kind` was kept, a flag's status was active or inactive; an assessment's never is.
  const kind = item.kind ?? (['active', 'inactive'].includes(String(item.status)) ? 'flag' : 'assessment');
  return {
    code: null,
    method: null,
    predictions: [],
    end: null,
    ...item,
    kind,
    current: kind === 'flag' ? isCurrent('flag', item.status, item.end) : isCurrent('observation', item.status),
  };
};

const episodes = panelList(mentalHealthPanels.episodes, currentFirst(newestBy('start')), episode);
const crisisPlans = panelList(mentalHealthPanels.crisisPlans, currentFirst(newestBy('created')), crisisPlan);
/**
 * The risk summaries panel as stored: risk assessments, and, from before the trust's risk-coded
 * flags were filed as risk alerts (H173), those flags (kind `flag`). Nothing is rewritten in place:
 * a stored flag is read as a risk alert until the trust sends it again, when the kit moves it.
 */
const storedRiskSummaries = panelList(mentalHealthPanels.riskSummaries, undefined, risk);
const riskSummaryOrder = currentFirst(newestBy('date'));
const alertOrder = currentFirst(newestBy('start'));

/** The trust's risk summaries: its risk assessments only. Its risk-coded flags are risk alerts (mentalHealthRiskAlerts), so the emergency summary never shows one flag twice. */
async function riskSummaries(parent: Patient, args: unknown, context: SubgraphContext, info?: GraphQLResolveInfo) {
  const assessments = (await storedRiskSummaries(parent, args, context)).filter((r) => r.kind !== 'flag');
  return readableItems(assessments, info, context).sort(riskSummaryOrder);
}

/** A risk-coded flag stored as a risk summary (kind `flag`), read as the catalogue's Alert: the same values under the Alert's names, nothing dropped. */
const flagStoredAsRiskSummary = ({ kind: _kind, date, summary, assessedBy, riskOf: _riskOf, level: _level, method: _method, predictions: _predictions, mitigation: _mitigation, ...item }: SliceItem): SliceItem => ({
  ...item,
  code: item.code ?? textConcept(String(summary)),
  description: summary,
  categories: [],
  start: date ?? null,
  end: item.end ?? null,
  author: assessedBy ?? null,
  current: isCurrent('flag', item.status, item.end),
});

const filedRiskAlerts = alertList(mentalHealthPanels.riskAlerts);

/** The trust's risk-coded flags: those filed as risk alerts, and those stored as risk summaries before (H173), in force first. */
async function mentalHealthRiskAlerts(parent: Patient, args: unknown, context: SubgraphContext, info?: GraphQLResolveInfo) {
  const [filed, stored] = await Promise.all([filedRiskAlerts(parent, args, context, info), storedRiskSummaries(parent, args, context)]);
  const storedFlags = stored.filter((r) => r.kind === 'flag').map(flagStoredAsRiskSummary);
  return [...filed, ...readableItems(storedFlags, info, context)].sort(alertOrder);
}

/** The current episode that records `field`: where the care coordinator and CPA status come from. */
async function currentEpisodeWith(field: string, parent: Patient, args: unknown, context: SubgraphContext) {
  return (await episodes(parent, args, context)).find((e) => e.current && e[field]) ?? null;
}

const first = (list: typeof episodes) => async (parent: Patient, args: unknown, context: SubgraphContext) => (await list(parent, args, context))[0] ?? null;

export const mentalHealthResolvers = {
  Patient: {
    mentalHealthDiagnoses: problemList(mentalHealthPanels.diagnoses),
    mentalHealthObservations: observationList(mentalHealthPanels.observations),
    mentalHealthMedications: medicineList(mentalHealthPanels.medications, mentalHealthPanels.diagnoses),
    careCoordinator: async (parent: Patient, args: unknown, context: SubgraphContext) => {
      const e = await currentEpisodeWith('careCoordinator', parent, args, context);
      return e && { id: e.id, name: e.careCoordinator, team: e.team, phone: null, since: e.start, provenance: e.provenance };
    },
    careProgrammeStatus: async (parent: Patient, args: unknown, context: SubgraphContext) => {
      const e = await currentEpisodeWith('cpaStatus', parent, args, context);
      return e && { id: e.id, status: e.cpaStatus, since: e.start, provenance: e.provenance };
    },
    crisisPlan: first(crisisPlans),
    crisisPlans,
    mentalHealthCarePlans: carePlanList(mentalHealthPanels.carePlans, earlierCarePlan),
    mentalHealthEpisodes: episodes,
    mentalHealthReferrals: referralList(mentalHealthPanels.referrals),
    riskSummary: first(riskSummaries),
    riskSummaries,
    mentalHealthRiskAlerts,
    mentalHealthAlerts: alertList(mentalHealthPanels.alerts),
    mentalHealthSafeguardingAlerts: alertList(mentalHealthPanels.safeguardingAlerts),
    mentalHealthAllergies: allergyList(mentalHealthPanels.allergies),
    mentalHealthNoKnownAllergies: noKnownAllergyList(mentalHealthPanels.noKnownAllergies),
    mentalHealthImmunisations: immunisationList(mentalHealthPanels.immunisations),
    mentalHealthProcedures: procedureList(mentalHealthPanels.procedures),
    mentalHealthAdmissions: admissionList(mentalHealthPanels.admissions),
    mentalHealthContacts: encounterList(mentalHealthPanels.contacts),
    mentalHealthNoKnownProblems: listStatementList(mentalHealthPanels.noKnownProblems),
    mentalHealthNoCurrentMedications: listStatementList(mentalHealthPanels.noCurrentMedications),
    mentalHealthDocuments: documentList(mentalHealthPanels.documents),
    mentalHealthMedicationAdministrations: administrationList(mentalHealthPanels.medicationAdministrations),
    mentalHealthAppointments: appointmentList(mentalHealthPanels.appointments),
    mentalHealthAdvanceDecisions: advanceDecisionList(mentalHealthPanels.advanceDecisions),
    mentalHealthMedicalDevices: medicalDeviceList(mentalHealthPanels.medicalDevices),
    mentalHealthFamilyHistory: familyHistoryList(mentalHealthPanels.familyHistory),
    mentalHealthRelatedPeople: relatedPersonList(mentalHealthPanels.relatedPeople),
  },
};
