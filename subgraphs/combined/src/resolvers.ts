import { Kind, parse, type EnumTypeDefinitionNode } from 'graphql';
import type { SubgraphContext } from '@shareforyou/kit';
import { resolvePatientReference } from '@shareforyou/kit/src/patientReference';
import { loadSubgraphSdl } from '@shareforyou/schema';
import {
  combinedAllergies,
  combinedEncounters,
  combinedImmunisations,
  combinedMedicationAdministrations,
  combinedMedications,
  combinedProblems,
  combinedRiskAlerts,
  combinedTestReports,
  DOCUMENT_FIELDS,
  documentRule,
  combinedSection,
  OBSERVATION_FIELDS,
  observationRule,
  observationSectionOf,
  PROCEDURE_FIELDS,
  procedureRule,
  ADVANCE_DIRECTIVE_FIELDS,
  APPOINTMENT_FIELDS,
  appointmentRule,
  advanceDirectiveRule,
  ALERT_FIELDS,
  alertRule,
  CARE_PLAN_FIELDS,
  carePlanRule,
  DEVICE_FIELDS,
  deviceRule,
  FAMILY_HISTORY_FIELDS,
  familyHistoryRule,
  REFERRAL_FIELDS,
  referralRule,
  SAFEGUARDING_ALERT_FIELDS,
  type ObservationSection,
} from './sections';

/**
 * Patient.combined<Section>: computed from the representation the gateway sends, which carries
 * each source's items (the fields this subgraph @requires). The patient's access is decided here
 * as in every subgraph; the field rules and withheld data were applied by each source.
 */

type Parent = Record<string, unknown> & { nhsNumber: string };

/** Keeps the source items the gateway passed (the kit's reference resolver returns the key alone). */
async function resolveReference(reference: Parent, context: SubgraphContext) {
  return { ...reference, ...(await resolvePatientReference(reference, context)) };
}

const observations = (section: ObservationSection) => (parent: Parent) =>
  combinedSection(parent, OBSERVATION_FIELDS, observationRule, (item) => observationSectionOf(item) === section);

/**
 * The source items arrive as their sources serialised them: enum values are already GraphQL names
 * (on_hold), not the FHIR codes (on-hold) the other subgraphs map them from. Served as received.
 */
function enumsAsReceived(): Record<string, Record<string, string>> {
  const enums = parse(loadSubgraphSdl('combined')).definitions.filter((d): d is EnumTypeDefinitionNode => d.kind === Kind.ENUM_TYPE_DEFINITION);
  return Object.fromEntries(enums.map((e) => [e.name.value, Object.fromEntries((e.values ?? []).map((v) => [v.name.value, v.name.value]))]));
}

export const combinedResolvers = {
  ...enumsAsReceived(),
  Patient: {
    __resolveReference: resolveReference,
    combinedAllergies,
    combinedProblems,
    combinedMedications,
    combinedMedicationAdministrations,
    combinedProcedures: (parent: Parent) => combinedSection(parent, PROCEDURE_FIELDS, procedureRule),
    combinedImmunisations,
    combinedReferrals: (parent: Parent) => combinedSection(parent, REFERRAL_FIELDS, referralRule),
    combinedCarePlans: (parent: Parent) => combinedSection(parent, CARE_PLAN_FIELDS, carePlanRule, undefined, 'title'),
    combinedAlerts: (parent: Parent) => combinedSection(parent, ALERT_FIELDS, alertRule),
    combinedSafeguardingAlerts: (parent: Parent) => combinedSection(parent, SAFEGUARDING_ALERT_FIELDS, alertRule),
    combinedRiskAlerts,
    combinedFamilyHistory: (parent: Parent) => combinedSection(parent, FAMILY_HISTORY_FIELDS, familyHistoryRule, undefined, 'relationship'),
    combinedMedicalDevices: (parent: Parent) => combinedSection(parent, DEVICE_FIELDS, deviceRule, undefined, 'device'),
    combinedAdvanceDirectives: (parent: Parent) => combinedSection(parent, ADVANCE_DIRECTIVE_FIELDS, advanceDirectiveRule, undefined, 'scope'),
    combinedEncounters,
    combinedDocuments: (parent: Parent) => combinedSection(parent, DOCUMENT_FIELDS, documentRule, undefined, 'title'),
    combinedAppointments: (parent: Parent) => combinedSection(parent, APPOINTMENT_FIELDS, appointmentRule, undefined, 'start'),
    combinedResults: observations('results'),
    combinedTestReports,
    combinedVitalSigns: observations('vitalSigns'),
    combinedSocialHistory: observations('socialHistory'),
  },
  // Served as the source resolved it (the kit's resolver derives it from source ids this item no longer carries).
  TestResult: { memberIds: (result: { memberIds?: string[] }) => result.memberIds ?? [] },
};
