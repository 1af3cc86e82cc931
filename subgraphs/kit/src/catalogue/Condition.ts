import { clinicalTimeOf, codingOf, conceptsOf, notesOf, optionalCodingOf, optionalDateOf, referenceDisplay, statusCodeOf, type BundleReferences, type ResourceMapping } from '../ingest';

/**
 * FHIR R4 Condition -> a problem or diagnosis: every coding, both statuses, onset and abatement in
 * whichever form the source gave them. Refuted is never current; inactive, remission and resolved
 * are history.
 */

const CLINICAL = ['active', 'recurrence', 'relapse', 'inactive', 'remission', 'resolved'] as const;
const VERIFICATION = ['unconfirmed', 'provisional', 'differential', 'confirmed', 'refuted', 'entered-in-error'] as const;
const CURRENT_CLINICAL = new Set(['active', 'recurrence', 'relapse']);

/** Current: the patient has it now (active, recurrence, relapse) and it has not been ruled out. */
export function isCurrentCondition(clinicalStatus: string | null, verificationStatus: string | null): boolean {
  return clinicalStatus !== null && CURRENT_CLINICAL.has(clinicalStatus) && verificationStatus !== 'refuted';
}

export function conditionMapping(panel: string): ResourceMapping {
  return (r: fhir4.Condition, references: BundleReferences) => {
    const clinicalStatus = statusCodeOf(r.clinicalStatus, CLINICAL, 'Condition.clinicalStatus');
    const verificationStatus = statusCodeOf(r.verificationStatus, VERIFICATION, 'Condition.verificationStatus');
    const onset = clinicalTimeOf(r, 'onset');
    return {
      panel,
      fields: {
        code: codingOf(r.code, 'Condition.code'),
        clinicalStatus,
        verificationStatus,
        current: isCurrentCondition(clinicalStatus, verificationStatus),
        category: conceptsOf(r.category, 'Condition.category'),
        severity: optionalCodingOf(r.severity, 'Condition.severity'),
        onsetDate: onset?.start ?? null,
        onset,
        abatement: clinicalTimeOf(r, 'abatement'),
        bodySite: conceptsOf(r.bodySite, 'Condition.bodySite'),
        recordedDate: optionalDateOf(r.recordedDate, 'Condition.recordedDate'),
        asserter: referenceDisplay(r.asserter ?? r.recorder, r as never, references),
        notes: notesOf(r.note, 2000),
      },
    };
  };
}
