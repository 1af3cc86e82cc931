import {
  conceptsOf,
  dosageLinesOf,
  extensionValue,
  FHIR_CODE,
  FHIR_STATUS,
  literalReference,
  medicineOf,
  oneOf,
  optionalCodingOf,
  optionalDateOf,
  referenceDisplay,
  referencedConceptOf,
  referencedConceptsOf,
  type BundleReferences,
  type ResourceMapping,
} from '../ingest';

/**
 * FHIR R4 MedicationStatement (what the patient takes, as recorded) and MedicationRequest (a
 * prescription or inpatient order), UK Core: one medicine each, kept whole: every coding, every
 * dosage line (with its structured parts in words), the UK Core repeat information, why it is
 * taken (reasonCode and the conditions reasonReference names). Current while active or on hold;
 * the read side also ends it when its period has ended (catalogueLists, medicineStillCurrent).
 */

const UK_CORE = 'https://fhir.hl7.org.uk/StructureDefinition';
const REPEAT_INFORMATION = `${UK_CORE}/Extension-UKCore-MedicationRepeatInformation`;
const LAST_ISSUE_DATE = `${UK_CORE}/Extension-UKCore-MedicationStatementLastIssueDate`;

const MEDICATION_STATUSES = [...new Set([...FHIR_STATUS.medicationStatement, ...FHIR_STATUS.medicationRequest])];
const CURRENT_MEDICATION = new Set(['active', 'on-hold']);

/** The source ids of Conditions a reason names only by reference: not in the bundle, not contained, no display. */
function heldConditionIds(refs: fhir4.Reference[] | undefined, from: fhir4.Resource, references: BundleReferences, path: string): string[] {
  return (refs ?? []).flatMap((ref, i) => {
    if (referencedConceptOf(ref, from, references, `${path}[${i}]`)) return [];
    const literal = literalReference(ref.reference);
    return literal?.resourceType === 'Condition' ? [literal.id] : [];
  });
}

/**
 * What a reference names as "<resource type>/<source id>" (the item id without the ODS code, which
 * the read side adds from the item's own provenance: a basedOn always names the same source's
 * record): the resource in the bundle it resolves to, else its literal "Type/id". A #contained
 * resource, or one named only by identifier that is not in the bundle, is no item of this record:
 * left out.
 */
function itemRefOf(ref: fhir4.Reference | undefined, from: fhir4.Resource, references: BundleReferences): string | null {
  if (!ref || ref.reference?.startsWith('#')) return null;
  const resolved = references.resolve(ref, from as never);
  if (resolved && typeof resolved.id === 'string') return `${resolved.resourceType}/${resolved.id}`;
  const literal = literalReference(ref.reference);
  return literal ? `${literal.resourceType}/${literal.id}` : null;
}

/**
 * MedicationStatement.basedOn (the prescriptions a statement summarises: UK Core, GP extracts) and
 * MedicationRequest.basedOn (a plan or an earlier order), as "Type/id" each; the read side makes
 * them item ids and pairs a statement with the prescription it is based on (medicineCourses).
 */
function basedOnRefsOf(r: fhir4.MedicationStatement | fhir4.MedicationRequest, references: BundleReferences): string[] {
  return [...new Set((r.basedOn ?? []).map((ref) => itemRefOf(ref, r, references)).filter((x): x is string => Boolean(x)))];
}

/** MedicationStatement and MedicationRequest -> one medicine of the slice's medicines panel. */
export function medicineMapping(panel: string): ResourceMapping {
  return (r: fhir4.MedicationStatement | fhir4.MedicationRequest, references: BundleReferences) => medicineItem(panel, r, references);
}

function medicineItem(panel: string, r: fhir4.MedicationStatement | fhir4.MedicationRequest, references: BundleReferences) {
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
    panel,
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
      // Why: the coded reasons and the conditions reasonReference names (in the bundle, contained, or by display);
      // a Condition named only by reference ("Condition/<id>", sent before) is looked up in the slice when read.
      reasons: [...conceptsOf(r.reasonCode, `${type}.reasonCode`), ...referencedConceptsOf(r.reasonReference, r, references, `${type}.reasonReference`)],
      heldReasonSourceIds: heldConditionIds(r.reasonReference, r, references, `${type}.reasonReference`),
      // Links, resolved to item ids when read (catalogueLists medicineList): never dropped, so a
      // statement and the prescription it summarises are shown as one medicine, not two.
      basedOnRefs: basedOnRefsOf(r, references),
      priorPrescriptionRef: request ? itemRefOf(request.priorPrescription, r, references) : null,
    },
  };
}
