import {
  clinicalTimeOf,
  codingOf,
  conceptsOf,
  FHIR_STATUS,
  isCurrent,
  namesOf,
  notesOf,
  oneOf,
  optionalCodingOf,
  referenceDisplay,
  referencedConceptsOf,
  type BundleReferences,
  type ResourceMapping,
} from '../ingest';

/**
 * FHIR R4 Procedure (UK Core) -> an operation or procedure: the code (SNOMED CT, OPCS-4) with every
 * coding, its status (not done is never shown as done), when and where, by whom, why (reasonCode
 * and the conditions reasonReference names, resolved), body site, outcome, complications and
 * follow-up.
 */

export function procedureMapping(panel: string): ResourceMapping {
  return (r: fhir4.Procedure, references: BundleReferences) => {
    const status = oneOf(r.status, FHIR_STATUS.event, 'Procedure.status');
    const performed = clinicalTimeOf(r, 'performed');
    return {
      panel,
      fields: {
        code: codingOf(r.code, 'Procedure.code'),
        status,
        current: isCurrent('event', status),
        statusReason: optionalCodingOf(r.statusReason, 'Procedure.statusReason'),
        category: optionalCodingOf(r.category, 'Procedure.category'),
        performed,
        performedDate: performed?.start ?? null,
        performers: namesOf(r.performer?.map((p) => p.actor), r, references),
        location: referenceDisplay(r.location, r as never, references),
        reasons: [...conceptsOf(r.reasonCode, 'Procedure.reasonCode'), ...referencedConceptsOf(r.reasonReference, r, references, 'Procedure.reasonReference')],
        bodySite: conceptsOf(r.bodySite, 'Procedure.bodySite'),
        outcome: optionalCodingOf(r.outcome, 'Procedure.outcome'),
        complications: conceptsOf(r.complication, 'Procedure.complication'),
        followUp: conceptsOf(r.followUp, 'Procedure.followUp'),
        notes: notesOf(r.note, 2000),
      },
    };
  };
}
