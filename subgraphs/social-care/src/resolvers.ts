import type { GraphQLResolveInfo } from 'graphql';
import { flagMeaningOf, type Coded } from '@shareforyou/schema/src/clinicalCodes';
import { isCurrent } from '@shareforyou/kit/src/ingest/fhirStatuses';
import { textConcept as concept } from '@shareforyou/kit/src/ingest/fhirValues';
import {
  administrationList,
  advanceDecisionList,
  alertList,
  allergyList,
  appointmentList,
  documentList,
  encounterList,
  immunisationList,
  listStatementList,
  medicalDeviceList,
  medicineList,
  noKnownAllergyList,
  observationList,
  problemList,
  relatedPersonList,
} from '@shareforyou/kit/src/slice/catalogueLists';
import { currentFirst, newestFirst, panelList } from '@shareforyou/kit/src/slice/panels';
import { readableItems } from '@shareforyou/kit/src/slice/unreadableItems';
import type { SliceItem } from '@shareforyou/kit/src/slice/patientSlice';
import type { SubgraphContext } from '@shareforyou/kit/src/context';
import { socialCarePanels } from './panels';

type Patient = { nhsNumber: string };
/** Newest first by a date field, by instant; an item without one by when the source last changed it. */
const newestBy = (field: string) => newestFirst(field, 'provenance.lastUpdated');

// `current` is read, never trusted from the store alone: a period that has ended since the item was
// written is history now. Items stored before a field was kept get it filled the safe way round.
const textConcept = (text: unknown) => (typeof text === 'string' && text ? concept(text) : null);

const socialCareCase = (item: SliceItem): SliceItem => ({
  statusHistory: [],
  types: textConcept(item.caseType) ? [textConcept(item.caseType)] : [],
  teams: item.team ? [item.team] : [],
  ...item,
  current: isCurrent('episodeOfCare', item.status, item.end),
});
const carePackage = (item: SliceItem): SliceItem => ({
  kind: null,
  code: null,
  categories: textConcept(item.category) ? [textConcept(item.category)] : [],
  quantity: null,
  intent: null,
  requester: null,
  performers: [],
  activities: [],
  ...item,
  current: isCurrent('request', item.status, item.end),
});
const assessment = (item: SliceItem): SliceItem => ({
  code: textConcept(item.type),
  category: null,
  end: null,
  outcomeCode: null,
  notes: [],
  ...item,
});
/**
 * An alert stored under the council's earlier names (raised, ended, raisedBy, category: before its
 * Flags went through the catalogue's mapping) read as the catalogue's Alert: the same values, nothing lost.
 */
const earlierAlert = ({ raised, ended, raisedBy, category, ...item }: SliceItem): SliceItem => ({
  code: textConcept(item.description),
  categories: textConcept(category) ? [textConcept(category)] : [],
  ...(raised !== undefined || ended !== undefined || raisedBy !== undefined ? { start: raised ?? null, end: ended ?? null, author: raisedBy ?? null } : {}),
  ...item,
});

const cases = panelList(socialCarePanels.cases, currentFirst(newestBy('start')), socialCareCase);
/** Current alerts first: a newer closed alert must not hide an open one. */
const safeguardingAlerts = alertList(socialCarePanels.safeguardingAlerts, earlierAlert);

/**
 * The general alerts panel as stored: before H174 a risk-coded flag was filed here too. Read by its
 * codes now (flagMeaningOf, as the feed files a new one), so a risk flag stored so is a risk alert,
 * never a general alert a role without `mentalHealthRisk` is shown, and never dropped. The kit moves
 * it to the risk alerts panel when the council sends it again.
 */
const storedAlerts = alertList(socialCarePanels.alerts, earlierAlert);
const isRiskCoded = (alert: SliceItem) => flagMeaningOf([alert.code as Coded, ...((alert.categories as Coded[] | undefined) ?? [])]) === 'mentalHealthRisk';
const filedRiskAlerts = alertList(socialCarePanels.riskAlerts);
const alertOrder = currentFirst(newestBy('start'));

async function socialCareAlerts(parent: Patient, args: unknown, context: SubgraphContext, info?: GraphQLResolveInfo) {
  return readableItems((await storedAlerts(parent, args, context)).filter((a) => !isRiskCoded(a)), info, context);
}

/** The council's risk-coded flags: those filed as risk alerts, and those stored among its general alerts before H174; in force first. */
async function socialCareRiskAlerts(parent: Patient, args: unknown, context: SubgraphContext, info?: GraphQLResolveInfo) {
  const [filed, stored] = await Promise.all([filedRiskAlerts(parent, args, context, info), storedAlerts(parent, args, context)]);
  return [...filed, ...readableItems(stored.filter(isRiskCoded), info, context)].sort(alertOrder);
}

export const socialCareResolvers = {
  Patient: {
    allocatedWorker: async (parent: Patient, args: unknown, context: SubgraphContext) => {
      const open = (await cases(parent, args, context)).find((c) => c.current && c.worker);
      return open
        ? { id: open.id, name: open.worker, role: open.workerRole, team: open.team, phone: null, since: open.start, caseType: open.caseType, provenance: open.provenance }
        : null;
    },
    socialCareCases: cases,
    carePackages: panelList(socialCarePanels.carePackages, currentFirst(newestBy('start')), carePackage),
    socialCareAssessments: panelList(socialCarePanels.assessments, newestBy('date'), assessment),
    carers: relatedPersonList(socialCarePanels.carers),
    safeguardingAlert: async (parent: Patient, args: unknown, context: SubgraphContext) => (await safeguardingAlerts(parent, args, context))[0] ?? null,
    safeguardingAlerts,
    socialCareAlerts,
    socialCareRiskAlerts,
    // The kit's clinical catalogue, as every slice that holds these types lists them.
    socialCareDiagnoses: problemList(socialCarePanels.diagnoses),
    socialCareAllergies: allergyList(socialCarePanels.allergies),
    socialCareNoKnownAllergies: noKnownAllergyList(socialCarePanels.noKnownAllergies),
    socialCareNoKnownProblems: listStatementList(socialCarePanels.noKnownProblems),
    socialCareNoCurrentMedications: listStatementList(socialCarePanels.noCurrentMedications),
    socialCareMedications: medicineList(socialCarePanels.medications, socialCarePanels.diagnoses),
    socialCareMedicationAdministrations: administrationList(socialCarePanels.medicationAdministrations),
    socialCareObservations: observationList(socialCarePanels.observations),
    socialCareImmunisations: immunisationList(socialCarePanels.immunisations),
    socialCareContacts: encounterList(socialCarePanels.contacts),
    socialCareAppointments: appointmentList(socialCarePanels.appointments),
    socialCareDocuments: documentList(socialCarePanels.documents),
    socialCareAdvanceDecisions: advanceDecisionList(socialCarePanels.advanceDecisions),
    socialCareEquipment: medicalDeviceList(socialCarePanels.equipment),
  },
};
