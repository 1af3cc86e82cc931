/// <reference types="fhir" />
import type { SourceItem } from './datatypes';
import { ADVANCE_DECISION_SELECTION, consent } from './resources/Consent';
import { ALERT_SELECTION, flag } from './resources/Flag';
import { ALLERGY_SELECTION, allergyIntolerance } from './resources/AllergyIntolerance';
import { CARE_PLAN_SELECTION, carePlan } from './resources/CarePlan';
import { condition, PROBLEM_SELECTION } from './resources/Condition';
import { DEVICE_SELECTION, deviceUseStatement } from './resources/DeviceUseStatement';
import { diagnosticReport, REPORT_SELECTION } from './resources/DiagnosticReport';
import { DOCUMENT_SELECTION, documentReference } from './resources/DocumentReference';
import { ENCOUNTER_SELECTION, encounter } from './resources/Encounter';
import { FAMILY_HISTORY_SELECTION, familyMemberHistory } from './resources/FamilyMemberHistory';
import { immunization, IMMUNISATION_SELECTION } from './resources/Immunization';
import { MEDICATION_SELECTION, medicationResource } from './resources/Medication';
import { observation, RESULT_SELECTION } from './resources/Observation';
import { procedure, PROCEDURE_SELECTION } from './resources/Procedure';
import { REFERRAL_SELECTION, serviceRequest } from './resources/ServiceRequest';

/**
 * Which combined section of the record each FHIR resource comes from, and where it sits in the
 * International Patient Summary. The combined sections (schema/combined.graphql) are computed once,
 * in the combined subgraph, under every source's own field rules and audit; here each is only read
 * and renamed. Adding a combined section to the FHIR API is a line in COMBINED_FIELDS and, for the
 * summary, a line in IPS_SECTIONS.
 */

export type Builder = (item: SourceItem, nhsNumber: string) => fhir4.FhirResource;

export interface CombinedField {
  /** The Patient field of the combined subgraph, e.g. combinedAllergies. */
  field: string;
  /** What the section holds, in words, for the narrative and the outcomes ("Safeguarding alerts"). */
  label: string;
  /** What to ask of each source's item (its catalogue type), in the fragments of operation.ts. */
  selection: string;
  /** More of the section than its items (the allergies' no-known-allergies statements, the problems' and medicines' nothing-known statements, and their conflicts). */
  extra?: string;
  /** Each item is its source's own, never merged, with no sources list (encounters): the selection is of the item. */
  flat?: boolean;
  build: Builder;
}

const field = (name: string, label: string, selection: string, build: Builder, extra?: string): CombinedField => ({ field: name, label, selection, build, extra });
const flatField = (name: string, label: string, selection: string, build: Builder): CombinedField => ({ field: name, label, selection, build, flat: true });

export const COMBINED_FIELDS = {
  combinedAllergies: field('combinedAllergies', 'Allergies and intolerances', ALLERGY_SELECTION, allergyIntolerance, 'noKnownAllergies { id code { ...C } scope current recordedDate provenance { ...P } } conflicts'),
  combinedProblems: field('combinedProblems', 'Problems and diagnoses', PROBLEM_SELECTION, condition, 'noKnownProblems { id current recordedDate provenance { ...P } } conflicts'),
  combinedMedications: field('combinedMedications', 'Medicines', MEDICATION_SELECTION, medicationResource, 'noCurrentMedications { id current recordedDate provenance { ...P } } conflicts'),
  combinedImmunisations: field('combinedImmunisations', 'Immunisations', IMMUNISATION_SELECTION, immunization),
  combinedProcedures: field('combinedProcedures', 'Operations and procedures', PROCEDURE_SELECTION, procedure),
  combinedResults: field('combinedResults', 'Results', RESULT_SELECTION, observation),
  combinedTestReports: field('combinedTestReports', 'Test reports', REPORT_SELECTION, diagnosticReport),
  combinedVitalSigns: field('combinedVitalSigns', 'Vital signs', RESULT_SELECTION, observation),
  combinedSocialHistory: field('combinedSocialHistory', 'Social history', RESULT_SELECTION, observation),
  combinedMedicalDevices: field('combinedMedicalDevices', 'Medical devices', DEVICE_SELECTION, deviceUseStatement),
  combinedAdvanceDirectives: field('combinedAdvanceDirectives', 'Advance decisions', ADVANCE_DECISION_SELECTION, consent),
  combinedAlerts: field('combinedAlerts', 'Alerts', ALERT_SELECTION, flag),
  combinedSafeguardingAlerts: field('combinedSafeguardingAlerts', 'Safeguarding alerts', ALERT_SELECTION, flag),
  combinedRiskAlerts: field('combinedRiskAlerts', 'Mental health risk alerts', ALERT_SELECTION, flag),
  combinedCarePlans: field('combinedCarePlans', 'Care plans', CARE_PLAN_SELECTION, carePlan),
  combinedReferrals: field('combinedReferrals', 'Referrals', REFERRAL_SELECTION, serviceRequest),
  combinedFamilyHistory: field('combinedFamilyHistory', 'Family history', FAMILY_HISTORY_SELECTION, familyMemberHistory),
  combinedEncounters: flatField('combinedEncounters', 'Encounters', ENCOUNTER_SELECTION, encounter),
  combinedDocuments: field('combinedDocuments', 'Documents', DOCUMENT_SELECTION, documentReference),
} satisfies Record<string, CombinedField>;

export type CombinedFieldName = keyof typeof COMBINED_FIELDS;

/** One combined item (the same fact from one or more sources). */
export interface CombinedItem {
  id: string;
  current: boolean;
  disagreement?: string | null;
  sources: SourceItem[];
}

export interface SectionPart {
  field: CombinedFieldName;
  /** Which of the combined section's items belong here (current problems, or past ones); default all. */
  keep?: (item: CombinedItem) => boolean;
  /** Whether this part says the section's "nothing known" statements and their conflicts (the problem list, not past illness, says them). */
  statements?: boolean;
}

export interface IpsSection {
  key: string;
  /** The IPS section's LOINC code. */
  code: string;
  title: string;
  /** One part: a plain section. Several: one sub-section each, so each can be withheld on its own. */
  parts: SectionPart[];
}

export const LOINC = 'http://loinc.org';

/** The IPS sections this record fills, in the IPS's order (required ones first). */
export const IPS_SECTIONS: IpsSection[] = [
  { key: 'problems', code: '11450-4', title: 'Problem list', parts: [{ field: 'combinedProblems', keep: (i) => i.current, statements: true }] },
  { key: 'allergies', code: '48765-2', title: 'Allergies and intolerances', parts: [{ field: 'combinedAllergies' }] },
  { key: 'medications', code: '10160-0', title: 'Medication summary', parts: [{ field: 'combinedMedications', statements: true }] },
  { key: 'immunisations', code: '11369-6', title: 'Immunizations', parts: [{ field: 'combinedImmunisations' }] },
  { key: 'results', code: '30954-2', title: 'Results', parts: [{ field: 'combinedResults' }, { field: 'combinedTestReports' }] },
  { key: 'procedures', code: '47519-4', title: 'History of procedures', parts: [{ field: 'combinedProcedures' }] },
  { key: 'devices', code: '46264-8', title: 'Medical devices', parts: [{ field: 'combinedMedicalDevices' }] },
  { key: 'vitalSigns', code: '8716-3', title: 'Vital signs', parts: [{ field: 'combinedVitalSigns' }] },
  { key: 'pastIllness', code: '11348-0', title: 'History of past illness', parts: [{ field: 'combinedProblems', keep: (i) => !i.current }] },
  { key: 'socialHistory', code: '29762-2', title: 'Social history', parts: [{ field: 'combinedSocialHistory' }] },
  { key: 'planOfCare', code: '18776-5', title: 'Plan of care', parts: [{ field: 'combinedCarePlans' }, { field: 'combinedReferrals' }] },
  { key: 'advanceDirectives', code: '42348-3', title: 'Advance directives', parts: [{ field: 'combinedAdvanceDirectives' }] },
  { key: 'alerts', code: '104605-1', title: 'Alerts', parts: [{ field: 'combinedAlerts' }, { field: 'combinedSafeguardingAlerts' }, { field: 'combinedRiskAlerts' }] },
  { key: 'familyHistory', code: '10157-6', title: 'Family history', parts: [{ field: 'combinedFamilyHistory' }] },
];
