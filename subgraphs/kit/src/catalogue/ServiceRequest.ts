import {
  conceptsOf,
  dateOf,
  FeedProblem,
  FHIR_CODE,
  FHIR_STATUS,
  isCurrent,
  namesOf,
  notesOf,
  oneOf,
  optionalCodingOf,
  optionalDateOf,
  optionalOneOf,
  referenceDisplay,
  referencedConceptsOf,
  textOf,
  type BundleReferences,
  type ClinicalTime,
  type ResourceMapping,
} from '../ingest';

/**
 * FHIR R4 ServiceRequest (UK Core) -> a referral or request (a referral to a service, a test or
 * procedure asked for): what is asked (code, every coding), what kind (category), its status
 * (request-status) and whether it is still open (`current`: active or on hold, its occurrence not
 * ended; a revoked or completed referral is history), intent, priority, when written and when it
 * is to happen (occurrence[x] in whichever form, a Timing's bounds or first event included), who
 * asked and who is to do it, why (reasonCode and the conditions or observations reasonReference
 * names, resolved), notes, and `doNotPerform` (a modifier: a request NOT to do something is never
 * shown as a request to do it).
 */

/** ServiceRequest.occurrence[x]: dateTime, Period or Timing (its bounds, else its first event, else its code's text). */
function occurrenceOf(r: fhir4.ServiceRequest): ClinicalTime | null {
  if (r.occurrenceDateTime !== undefined) return { start: dateOf(r.occurrenceDateTime, 'ServiceRequest.occurrenceDateTime'), end: null, age: null, text: null };
  if (r.occurrencePeriod) {
    const p = r.occurrencePeriod;
    return { start: optionalDateOf(p.start, 'ServiceRequest.occurrencePeriod.start'), end: optionalDateOf(p.end, 'ServiceRequest.occurrencePeriod.end'), age: null, text: null };
  }
  const timing = r.occurrenceTiming;
  if (timing) {
    const bounds = timing.repeat?.boundsPeriod;
    return {
      start: optionalDateOf(bounds?.start ?? timing.event?.[0], bounds?.start ? 'ServiceRequest.occurrenceTiming.repeat.boundsPeriod.start' : 'ServiceRequest.occurrenceTiming.event[0]'),
      end: optionalDateOf(bounds?.end, 'ServiceRequest.occurrenceTiming.repeat.boundsPeriod.end'),
      age: null,
      text: textOf(timing.code?.text ?? timing.code?.coding?.[0]?.display, 200),
    };
  }
  return null;
}

export function serviceRequestMapping(panel: string): ResourceMapping {
  return (r: fhir4.ServiceRequest, references: BundleReferences) => {
    const status = oneOf(r.status, FHIR_STATUS.request, 'ServiceRequest.status');
    const code = optionalCodingOf(r.code, 'ServiceRequest.code');
    const categories = conceptsOf(r.category, 'ServiceRequest.category');
    const reasons = [...conceptsOf(r.reasonCode, 'ServiceRequest.reasonCode'), ...referencedConceptsOf(r.reasonReference, r, references, 'ServiceRequest.reasonReference')];
    if (!code && !categories.length && !reasons.length) throw new FeedProblem('ServiceRequest.code', 'ServiceRequest needs a code, a category or a reason: what the request is for');
    const occurrence = occurrenceOf(r);
    return {
      panel,
      fields: {
        code,
        categories,
        status,
        current: isCurrent('request', status, occurrence?.end),
        intent: oneOf(r.intent, FHIR_CODE.requestIntent, 'ServiceRequest.intent'),
        priority: optionalOneOf(r.priority, FHIR_CODE.requestPriority, 'ServiceRequest.priority'),
        doNotPerform: r.doNotPerform === true,
        authoredOn: optionalDateOf(r.authoredOn, 'ServiceRequest.authoredOn'),
        occurrence,
        start: occurrence?.start ?? null,
        end: occurrence?.end ?? null,
        requester: referenceDisplay(r.requester, r as never, references),
        performerType: optionalCodingOf(r.performerType, 'ServiceRequest.performerType'),
        performers: namesOf(r.performer, r, references),
        reasons,
        bodySite: conceptsOf(r.bodySite, 'ServiceRequest.bodySite'),
        patientInstruction: textOf(r.patientInstruction, 2000),
        notes: notesOf(r.note),
      },
    };
  };
}
