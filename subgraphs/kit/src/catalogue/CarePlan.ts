import {
  conceptsOf,
  conceptText,
  FHIR_CODE,
  FHIR_STATUS,
  isCurrent,
  namesOf,
  notesOf,
  oneOf,
  optionalCodingOf,
  optionalDateOf,
  referenceDisplay,
  referencedConceptsOf,
  textOf,
  type BundleReferences,
  type ResourceMapping,
} from '../ingest';

/**
 * FHIR R4 CarePlan (UK Core) -> a care plan: title (else its category's text), description, status
 * (request-status) and whether it is in force (`current`: active or on hold, its period not ended),
 * intent, categories, period and when written, author (else its contributors), care teams, the
 * conditions it addresses (resolved from the bundle), notes, and every activity with its status
 * (care-plan-activity-status). An activity the source marked entered-in-error was never planned:
 * it is left out of its plan (the plan itself entered-in-error is a delete, in the kit).
 */

/** Every activity of a plan but those entered in error: what is to be done, coded, its status, who, when, where. */
export function carePlanActivitiesOf(r: fhir4.CarePlan, references: BundleReferences) {
  return (r.activity ?? [])
    .map((a, i) => {
      const path = `CarePlan.activity[${i}]`;
      const d = a.detail;
      return {
        description: textOf(d?.description ?? conceptText(d?.code) ?? a.progress?.[0]?.text ?? referenceDisplay(a.reference, r as never, references), 2000),
        code: optionalCodingOf(d?.code, `${path}.detail.code`),
        // FHIR R4: detail.status is 1..1 when there is a detail; an activity given only as a reference has none.
        status: d ? oneOf(d.status, FHIR_CODE.carePlanActivityStatus, `${path}.detail.status`) : null,
        doNotPerform: d?.doNotPerform ?? null,
        scheduled: textOf(d?.scheduledString, 200) ?? optionalDateOf(d?.scheduledPeriod?.start, `${path}.detail.scheduledPeriod.start`),
        performers: namesOf(d?.performer, r, references),
        location: referenceDisplay(d?.location, r as never, references),
      };
    })
    .filter((a) => a.status !== 'entered-in-error');
}

export function carePlanMapping(panel: string): ResourceMapping {
  return (r: fhir4.CarePlan, references: BundleReferences) => {
    const status = oneOf(r.status, FHIR_STATUS.request, 'CarePlan.status');
    const end = optionalDateOf(r.period?.end, 'CarePlan.period.end');
    const created = optionalDateOf(r.created, 'CarePlan.created');
    return {
      panel,
      fields: {
        title: textOf(r.title ?? conceptText(r.category?.[0]), 200),
        description: textOf(r.description, 4000),
        categories: conceptsOf(r.category, 'CarePlan.category'),
        status,
        current: isCurrent('request', status, end),
        intent: oneOf(r.intent, FHIR_CODE.carePlanIntent, 'CarePlan.intent'),
        start: optionalDateOf(r.period?.start, 'CarePlan.period.start') ?? created,
        end,
        created,
        author: referenceDisplay(r.author, r as never, references) ?? (namesOf(r.contributor, r, references).join(', ') || null),
        careTeams: namesOf(r.careTeam, r, references),
        addresses: referencedConceptsOf(r.addresses, r, references, 'CarePlan.addresses'),
        activities: carePlanActivitiesOf(r, references),
        notes: notesOf(r.note),
      },
    };
  };
}
