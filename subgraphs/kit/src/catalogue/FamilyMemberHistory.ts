import {
  clinicalTimeOf,
  codingOf,
  conceptsOf,
  FHIR_STATUS,
  notesOf,
  oneOf,
  optionalCodingOf,
  optionalDateOf,
  referencedConceptsOf,
  textOf,
  type BundleReferences,
  type ResourceMapping,
} from '../ingest';

/**
 * FHIR R4 FamilyMemberHistory -> a family history entry: whose (the relative's relationship, v3
 * RoleCode, required), the relative's sex, birth, age and death, and every condition the relative
 * had (code, outcome, whether it contributed to death, onset[x], notes). It is held in a panel of
 * its own, typed FamilyHistory, never as a Problem: a relative's condition is never shown as the
 * patient's (H88). entered-in-error is a delete (kit).
 */

function conditionsOf(r: fhir4.FamilyMemberHistory) {
  return (r.condition ?? []).map((c, i) => ({
    code: codingOf(c.code, `FamilyMemberHistory.condition[${i}].code`),
    outcome: optionalCodingOf(c.outcome, `FamilyMemberHistory.condition[${i}].outcome`),
    contributedToDeath: c.contributedToDeath ?? null,
    onset: clinicalTimeOf({ ...c, resourceType: `FamilyMemberHistory.condition[${i}]` }, 'onset'),
    notes: notesOf(c.note, 1000),
  }));
}

/** deceased[x]: true, false, or when (a date, an age, a range, text); null when the source did not say. */
function deceasedOf(r: fhir4.FamilyMemberHistory) {
  if (r.deceasedBoolean !== undefined) return { deceased: r.deceasedBoolean, deceasedAt: null };
  const when = clinicalTimeOf({ resourceType: 'FamilyMemberHistory', deceasedDateTime: r.deceasedDate, deceasedAge: r.deceasedAge, deceasedRange: r.deceasedRange, deceasedString: r.deceasedString }, 'deceased');
  return when ? { deceased: true, deceasedAt: when } : { deceased: null, deceasedAt: null };
}

export function familyMemberHistoryMapping(panel: string): ResourceMapping {
  return (r: fhir4.FamilyMemberHistory, references: BundleReferences) => {
    const status = oneOf(r.status, FHIR_STATUS.familyMemberHistory, 'FamilyMemberHistory.status');
    return {
      panel,
      fields: {
        relationship: codingOf(r.relationship, 'FamilyMemberHistory.relationship'),
        name: textOf(r.name, 200),
        status,
        dataAbsentReason: optionalCodingOf(r.dataAbsentReason, 'FamilyMemberHistory.dataAbsentReason'),
        sex: optionalCodingOf(r.sex, 'FamilyMemberHistory.sex'),
        born: clinicalTimeOf({ resourceType: 'FamilyMemberHistory', bornPeriod: r.bornPeriod, bornDateTime: r.bornDate, bornString: r.bornString }, 'born'),
        age: clinicalTimeOf(r, 'age'),
        estimatedAge: r.estimatedAge ?? null,
        ...deceasedOf(r),
        conditions: conditionsOf(r),
        reasons: [...conceptsOf(r.reasonCode, 'FamilyMemberHistory.reasonCode'), ...referencedConceptsOf(r.reasonReference, r, references, 'FamilyMemberHistory.reasonReference')],
        recordedDate: optionalDateOf(r.date, 'FamilyMemberHistory.date'),
        notes: notesOf(r.note, 2000),
      },
    };
  };
}
