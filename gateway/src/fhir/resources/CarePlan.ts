/// <reference types="fhir" />
import { codeableConcepts, compact, fhirCode, named, notes, patientReference, period, sourceResource, type SourceItem } from '../datatypes';

/** CarePlan from the catalogue's CarePlan: status and intent as the source gave them, activities by their own status. */

export const CARE_PLAN_SELECTION =
  'id title description categories { ...C } status intent start end created author careTeams activities { description code { ...C } status doNotPerform scheduled } notes provenance { ...P }';

export function carePlan(item: SourceItem, nhsNumber: string): fhir4.CarePlan {
  return compact({
    ...sourceResource('CarePlan', item, nhsNumber),
    status: fhirCode(item.status) as fhir4.CarePlan['status'],
    // R4 requires an intent: a plan stored before the intent was kept (see the catalogue) is read as a plan.
    intent: (fhirCode(item.intent) ?? 'plan') as fhir4.CarePlan['intent'],
    category: codeableConcepts(item.categories),
    title: item.title ?? undefined,
    description: item.description ?? undefined,
    subject: patientReference(nhsNumber),
    period: period(item.start, item.end),
    created: item.created ?? undefined,
    author: named(item.author),
    careTeam: (item.careTeams ?? []).map((display: string) => ({ display })),
    activity: (item.activities ?? []).map((a: SourceItem) =>
      a.status
        ? { detail: compact({ status: fhirCode(a.status), doNotPerform: a.doNotPerform ?? undefined, description: a.description ?? undefined, scheduledString: a.scheduled ?? undefined }) }
        : { progress: a.description ? [{ text: a.description }] : undefined },
    ),
    note: notes(item.notes),
  });
}
