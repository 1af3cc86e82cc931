import { allergyIntoleranceMapping, conditionMapping, observationMapping, procedureMapping } from '@shareforyou/kit/src/catalogue';
import {
  clinicalTimeOf,
  codingOf,
  conceptsOf,
  dateOf,
  dosageLinesOf,
  extensionValue,
  FeedProblem,
  FHIR_CODE,
  FHIR_STATUS,
  medicineOf,
  namesOf,
  oneOf,
  optionalCodingOf,
  optionalDateOf,
  quantityOf,
  referenceDisplay,
  referencedConceptsOf,
  textOf,
  type BundleReferences,
  type SliceFeed,
} from '@shareforyou/kit/src/ingest';
import { gpPanels } from './panels';

/**
 * The GP system's FHIR R4 feed (UK Core resources) -> the GP slice's panels: the kit's clinical
 * catalogue for the types every slice shares, the GP's own mappings below. Each mapping keeps the
 * clinical content whole (every coding, reaction and dosage line) and says whether the item is
 * current; statuses that retract an item (entered-in-error) never reach here: the kit deletes.
 */

const UK_CORE = 'https://fhir.hl7.org.uk/StructureDefinition';
const REPEAT_INFORMATION = `${UK_CORE}/Extension-UKCore-MedicationRepeatInformation`;
const LAST_ISSUE_DATE = `${UK_CORE}/Extension-UKCore-MedicationStatementLastIssueDate`;

const MEDICATION_STATUSES = [...new Set([...FHIR_STATUS.medicationStatement, ...FHIR_STATUS.medicationRequest])];
const CURRENT_MEDICATION = new Set(['active', 'on-hold']);

function medicationMapping(r: fhir4.MedicationStatement | fhir4.MedicationRequest, references: BundleReferences) {
  const type = r.resourceType;
  const status = oneOf(r.status, MEDICATION_STATUSES, `${type}.status`);
  const statement = type === 'MedicationStatement' ? (r as fhir4.MedicationStatement) : null;
  const request = type === 'MedicationRequest' ? (r as fhir4.MedicationRequest) : null;
  const dosageInstructions = dosageLinesOf(statement ? statement.dosage : request!.dosageInstruction, statement ? 'MedicationStatement.dosage' : 'MedicationRequest.dosageInstruction');
  const allowed = request?.dispenseRequest?.numberOfRepeatsAllowed;
  const issued = extensionValue(request ?? undefined, [REPEAT_INFORMATION, 'numberOfPrescriptionsIssued']);
  const expiry = extensionValue(request ?? undefined, [REPEAT_INFORMATION, 'authorisationExpiryDate']);
  const repeat =
    allowed !== undefined || issued !== undefined || expiry !== undefined
      ? {
          numberOfRepeatsAllowed: allowed ?? null,
          numberOfPrescriptionsIssued: typeof issued === 'number' ? issued : null,
          authorisationExpiryDate: optionalDateOf(expiry as string | undefined, `${type}.extension(MedicationRepeatInformation).authorisationExpiryDate`),
        }
      : null;
  const validity = request?.dispenseRequest?.validityPeriod;
  return {
    panel: gpPanels.medications,
    fields: {
      medication: medicineOf(r, references),
      kind: statement ? 'statement' : 'request',
      status,
      current: CURRENT_MEDICATION.has(status),
      intent: request ? oneOf(request.intent, FHIR_CODE.medicationRequestIntent, 'MedicationRequest.intent') : null,
      courseOfTherapyType: optionalCodingOf(request?.courseOfTherapyType, 'MedicationRequest.courseOfTherapyType'),
      repeat,
      // The prescriber's words, else the structured dosage in words (never dropped for want of text).
      dosage: dosageInstructions[0]?.text ?? dosageInstructions[0]?.structuredText ?? null,
      dosageInstructions,
      startDate: optionalDateOf(statement?.effectivePeriod?.start ?? statement?.effectiveDateTime ?? validity?.start ?? request?.authoredOn, `${type}.effective[x]`),
      endDate: optionalDateOf(statement?.effectivePeriod?.end ?? validity?.end, `${type}.effectivePeriod.end`),
      lastIssueDate: optionalDateOf(extensionValue(statement ?? undefined, [LAST_ISSUE_DATE]) as string | undefined, 'MedicationStatement.extension(MedicationStatementLastIssueDate)'),
      prescriber: request ? referenceDisplay(request.requester, r as never, references) : referenceDisplay(statement?.informationSource, r as never, references),
      // Why: the coded reasons and the conditions reasonReference names (in the bundle, contained, or by display).
      reasons: [...conceptsOf(r.reasonCode, `${type}.reasonCode`), ...referencedConceptsOf(r.reasonReference, r, references, `${type}.reasonReference`)],
    },
  };
}

function immunizationMapping(r: fhir4.Immunization, references: BundleReferences) {
  const occurrence = clinicalTimeOf(r, 'occurrence');
  if (!occurrence) throw new FeedProblem('Immunization.occurrence[x]', 'Immunization.occurrence[x] is required');
  const dose = r.protocolApplied?.[0];
  return {
    panel: gpPanels.immunisations,
    fields: {
      vaccine: codingOf(r.vaccineCode, 'Immunization.vaccineCode'),
      date: occurrence.start,
      occurrence,
      status: oneOf(r.status, ['completed', 'not-done'] as const, 'Immunization.status'),
      statusReason: optionalCodingOf(r.statusReason, 'Immunization.statusReason'),
      doseNumber: dose ? String(dose.doseNumberPositiveInt ?? dose.doseNumberString ?? '') || null : null,
      lotNumber: textOf(r.lotNumber, 100),
      site: optionalCodingOf(r.site, 'Immunization.site'),
      route: optionalCodingOf(r.route, 'Immunization.route'),
      doseQuantity: quantityOf(r.doseQuantity, 'Immunization.doseQuantity'),
      performer: namesOf(r.performer?.map((p) => p.actor), r, references).join(', ') || null,
      manufacturer: referenceDisplay(r.manufacturer, r as never, references),
    },
  };
}

export const gpFeed: SliceFeed = {
  resources: {
    MedicationStatement: medicationMapping,
    MedicationRequest: medicationMapping,
    AllergyIntolerance: allergyIntoleranceMapping({ allergies: gpPanels.allergies, noKnownAllergies: gpPanels.noKnownAllergies }),
    Condition: conditionMapping(gpPanels.problems),
    Observation: observationMapping(gpPanels.observations),
    Procedure: procedureMapping(gpPanels.procedures),
    Immunization: immunizationMapping,
    Encounter: (r: fhir4.Encounter, references: BundleReferences) => ({
      panel: gpPanels.consultations,
      fields: {
        type: codingOf(r.type?.[0], 'Encounter.type'),
        reason: optionalCodingOf(r.reasonCode?.[0], 'Encounter.reasonCode'),
        date: dateOf(r.period?.start, 'Encounter.period.start'),
        clinician: referenceDisplay(r.participant?.[0]?.individual, r as never, references),
      },
    }),
  },
};
