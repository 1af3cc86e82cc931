import { consentKindOf } from '@shareforyou/schema/src/clinicalCodes';
import {
  codingOf,
  conceptsOf,
  FHIR_CODE,
  FHIR_STATUS,
  isCurrent,
  NotStored,
  oneOf,
  optionalDateOf,
  optionalOneOf,
  referenceDisplay,
  textOf,
  type BundleReferences,
  type ResourceMapping,
} from '../ingest';

/**
 * FHIR R4 Consent, held only where it records an advance decision (scope or category in
 * clinical-codes.yaml `consents.advanceDecision`: consentscope adr, consentcategorycodes acd,
 * LOINC 42348-3): its status, scope, categories, when, what it permits or refuses (provision type
 * with its codes, actions and period) and the source document (sourceAttachment's title or
 * sourceReference, named). In force (`current`) only while active and the provision's period has
 * not ended, re-read at every read (H89). A privacy, research or treatment consent is not what this
 * record holds: answered "not stored" with a warning naming the type and why (kit: NotStored).
 */

function provisionOf(p: fhir4.ConsentProvision | undefined) {
  if (!p) return { provisionType: null, provisionCodes: [], provisionActions: [], provisionPeriod: null };
  return {
    provisionType: optionalOneOf(p.type, FHIR_CODE.consentProvisionType, 'Consent.provision.type'),
    provisionCodes: [
      ...conceptsOf(p.code, 'Consent.provision.code'),
      ...(p.provision ?? []).flatMap((nested, i) => conceptsOf(nested.code, `Consent.provision.provision[${i}].code`)),
    ],
    provisionActions: conceptsOf(p.action, 'Consent.provision.action'),
    provisionPeriod: p.period ? { start: optionalDateOf(p.period.start, 'Consent.provision.period.start'), end: optionalDateOf(p.period.end, 'Consent.provision.period.end'), age: null, text: null } : null,
  };
}

export function consentMapping(panel: string): ResourceMapping {
  return (r: fhir4.Consent, references: BundleReferences) => {
    const status = oneOf(r.status, FHIR_STATUS.consent, 'Consent.status');
    if (consentKindOf([r.scope, ...(r.category ?? [])]) !== 'advanceDecision') {
      throw new NotStored('only a Consent that records an advance decision (scope adr, category acd or LOINC 42348-3) is held in this record; privacy, research and treatment consents are not');
    }
    const provision = provisionOf(r.provision);
    const source = r.sourceAttachment
      ? textOf(r.sourceAttachment.title ?? r.sourceAttachment.url, 300)
      : referenceDisplay(r.sourceReference, r as never, references);
    return {
      panel,
      fields: {
        status,
        current: isCurrent('consent', status, provision.provisionPeriod?.end),
        scope: codingOf(r.scope, 'Consent.scope'),
        category: conceptsOf(r.category, 'Consent.category'),
        dateTime: optionalDateOf(r.dateTime, 'Consent.dateTime'),
        ...provision,
        source,
        sourceUrl: textOf(r.sourceAttachment?.url, 1000),
        performers: (r.performer ?? []).map((p) => referenceDisplay(p, r as never, references)).filter((n): n is string => Boolean(n)),
        organisation: (r.organization ?? []).map((o) => referenceDisplay(o, r as never, references)).filter((n): n is string => Boolean(n))[0] ?? null,
      },
    };
  };
}
