/// <reference types="fhir" />
import { createHash } from 'node:crypto';

/**
 * The record's GraphQL values back into FHIR R4 datatypes. The record keeps what each source sent
 * (every coding, the clinician's text, the time at the source's precision, the status), so the way
 * back is a renaming, never a guess; a value the record does not hold is left out, never filled.
 */

export interface Coding { system: string; code: string; display: string }
export interface Concept { coding?: Coding[]; text?: string | null; system?: string; code?: string; display?: string }
export interface Quantity { value: number; comparator?: string | null; unit?: string | null; system?: string | null; code?: string | null }
export interface ClinicalTime { start?: string | null; end?: string | null; age?: string | null; text?: string | null }
export interface Provenance { odsCode: string; organisationName: string; system?: string; sourceId: string; version?: string; lastUpdated: string }
/** One source's item, as the combined record hands it over: its own fields and where it came from. */
export type SourceItem = Record<string, any> & { id: string; provenance: Provenance };

export const ODS_SYSTEM = 'https://fhir.nhs.uk/Id/ods-organization-code';
export const NHS_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';
/** A concept the source gave as text only is carried with this pseudo-system in the record. */
const TEXT_ONLY = 'text';

/** GraphQL enum names are FHIR codes with `_` for `-` (on_hold, not_done, unable_to_assess). */
export function fhirCode(value: string | null | undefined): string | undefined {
  return value ? value.replace(/_/g, '-') : undefined;
}

/** Drops empty strings, nulls, empty arrays and empty objects: FHIR JSON has none (ele-1). */
export function compact<T>(value: T): T {
  if (Array.isArray(value)) {
    const kept = value.map(compact).filter((v) => !isEmpty(v));
    return kept as unknown as T;
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      const kept = compact(child);
      if (!isEmpty(kept)) out[key] = kept;
    }
    return out as T;
  }
  return value;
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value as object).length === 0;
  return false;
}

export function codeableConcept(concept: Concept | null | undefined): fhir4.CodeableConcept | undefined {
  if (!concept) return undefined;
  // Every coding the source sent; a concept asked for by its preferred coding alone carries that one.
  const codings = concept.coding ?? (concept.system && concept.code ? [{ system: concept.system, code: concept.code, display: concept.display ?? '' }] : []);
  const coding = codings
    .filter((c) => c.system && c.system !== TEXT_ONLY && c.code)
    .map((c) => compact({ system: c.system, code: c.code, display: c.display && c.display !== c.code ? c.display : undefined }));
  const text = concept.text ?? (coding.length === 0 ? concept.display : undefined);
  const result = compact({ coding, text: text ?? undefined });
  return Object.keys(result).length ? result : undefined;
}

/** A status given as a code of a known system (clinicalStatus, verificationStatus) as a CodeableConcept; undefined without one. */
export function coded(system: string, code: string | null | undefined): fhir4.CodeableConcept | undefined {
  return code ? { coding: [{ system, code: fhirCode(code)! }] } : undefined;
}

/** For an element FHIR requires: the concept, else its words (a concept the record holds always has some). */
export function requiredConcept(concept: Concept | null | undefined): fhir4.CodeableConcept {
  return codeableConcept(concept) ?? { text: words(concept) };
}

export function codeableConcepts(concepts: Array<Concept | null> | null | undefined): fhir4.CodeableConcept[] {
  return (concepts ?? []).map(codeableConcept).filter((c): c is fhir4.CodeableConcept => Boolean(c));
}

export function quantity(q: Quantity | null | undefined): fhir4.Quantity | undefined {
  if (!q) return undefined;
  return compact({ value: q.value, comparator: (q.comparator ?? undefined) as fhir4.Quantity['comparator'], unit: q.unit ?? undefined, system: q.system ?? undefined, code: q.code ?? undefined });
}

/** A UCUM age as the record writes it ("52 a", "45-50 a") back to an Age or Range; null when it reads otherwise. */
export function age(text: string | null | undefined): { age?: fhir4.Age; range?: fhir4.Range } | null {
  if (!text) return null;
  const single = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/i.exec(text.trim());
  if (single) return { age: { value: Number(single[1]), unit: single[2], system: 'http://unitsofmeasure.org', code: single[2] } };
  const range = /^(\d+(?:\.\d+)?)\s*-\s*(\d+(?:\.\d+)?)\s*([a-z]+)$/i.exec(text.trim());
  if (range) {
    const unit = range[3];
    const at = (v: string) => ({ value: Number(v), unit, system: 'http://unitsofmeasure.org', code: unit });
    return { range: { low: at(range[1]), high: at(range[2]) } };
  }
  return null;
}

/**
 * A ClinicalTime back to FHIR's choice type: `prefix` is the element's name without [x]
 * (onset -> onsetDateTime, onsetPeriod, onsetAge, onsetRange, onsetString).
 */
export function timeChoice(prefix: string, time: ClinicalTime | null | undefined): Record<string, unknown> {
  if (!time) return {};
  if (time.end) return { [`${prefix}Period`]: compact({ start: time.start ?? undefined, end: time.end }) };
  if (time.start) return { [`${prefix}DateTime`]: time.start };
  const asAge = age(time.age);
  if (asAge?.age) return { [`${prefix}Age`]: asAge.age };
  if (asAge?.range) return { [`${prefix}Range`]: asAge.range };
  if (time.age) return { [`${prefix}String`]: time.age };
  if (time.text) return { [`${prefix}String`]: time.text };
  return {};
}

/** A Period from a start and an end, either of which may be missing; undefined when both are. */
export function period(start: string | null | undefined, end: string | null | undefined): fhir4.Period | undefined {
  const p = compact({ start: start ?? undefined, end: end ?? undefined });
  return Object.keys(p).length ? p : undefined;
}

const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

/**
 * A resource's id here: the patient's NHS number, the source organisation's ODS code and the
 * source's own id, joined by dots (FHIR ids allow letters, digits, '-' and '.', up to 64). The NHS
 * number makes a read by id (GET /fhir/Condition/<id>) a read of one patient's record, checked and
 * audited like any other; a source id that does not fit is replaced by a digest of it, so the same
 * item always has the same id.
 */
export function resourceId(provenance: Pick<Provenance, 'odsCode' | 'sourceId'>, nhsNumber: string): string {
  const plain = `${nhsNumber}.${provenance.odsCode}.${provenance.sourceId}`;
  if (FHIR_ID.test(plain)) return plain;
  const digest = createHash('sha256').update(`${provenance.odsCode}/${provenance.sourceId}`).digest('hex').slice(0, 40);
  return `${nhsNumber}.${provenance.odsCode.replace(/[^A-Za-z0-9]/g, '').slice(0, 10)}.${digest}`;
}

/** The NHS number a resource id here starts with (resourceId), or null when it is not one of ours. */
export function nhsNumberOfResourceId(id: string): string | null {
  const match = /^(\d{10})\.[A-Za-z0-9-]+\.[A-Za-z0-9\-.]+$/.exec(id);
  return match && FHIR_ID.test(id) ? match[1] : null;
}

/** A reference to another item of the patient's record by its item id (<ODS code>/<resource type>/<source id>); undefined when the id is not of that form. */
export function itemReference(itemId: string, nhsNumber: string): fhir4.Reference | undefined {
  const match = /^([^/]+)\/([A-Za-z]+)\/(.+)$/.exec(itemId);
  return match ? { reference: `${match[2]}/${resourceId({ odsCode: match[1], sourceId: match[3] }, nhsNumber)}` } : undefined;
}

/** The resource's meta: the contributing organisation (meta.source), the source's version and when it last changed there ("as of"). */
export function sourceMeta(provenance: Provenance): fhir4.Meta {
  return compact({
    versionId: provenance.version && /^[A-Za-z0-9\-.]{1,64}$/.test(provenance.version) ? provenance.version : undefined,
    lastUpdated: provenance.lastUpdated,
    source: organisationUri(provenance.odsCode),
  });
}

/** What every resource made from a source item starts with: its type, its id here and its source's meta. */
export function sourceResource<T extends string>(resourceType: T, item: Pick<SourceItem, 'provenance'>, nhsNumber: string): { resourceType: T; id: string; meta: fhir4.Meta } {
  return { resourceType, id: resourceId(item.provenance, nhsNumber), meta: sourceMeta(item.provenance) };
}

/** One Provenance per organisation: it holds the targets (its custodian), and its part was last changed then ("as of"). */
export function organisationProvenance(id: string, provenance: Pick<Provenance, 'odsCode' | 'organisationName'>, targets: string[], asOf: string): fhir4.Provenance {
  return {
    resourceType: 'Provenance',
    id,
    target: targets.map((reference) => ({ reference })),
    recorded: asOf,
    agent: [
      {
        type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type', code: 'custodian', display: 'Custodian' }] },
        who: organisationReference(provenance),
      },
    ],
  };
}

/** The organisation that holds an item, as a URI (meta.source): urn:ods:<ODS code>. */
export function organisationUri(odsCode: string): string {
  return `urn:ods:${encodeURIComponent(odsCode)}`;
}

export function organisationReference(provenance: Pick<Provenance, 'odsCode' | 'organisationName'>): fhir4.Reference {
  return { identifier: { system: ODS_SYSTEM, value: provenance.odsCode }, display: provenance.organisationName };
}

export function patientReference(nhsNumber: string): fhir4.Reference {
  return { reference: `Patient/${nhsNumber}` };
}

/** A name given as text (a clinician, a performer) as a Reference with a display only. */
export function named(display: string | null | undefined): fhir4.Reference | undefined {
  return display ? { display } : undefined;
}

export function notes(texts: string[] | null | undefined): fhir4.Annotation[] {
  return (texts ?? []).filter(Boolean).map((text) => ({ text }));
}

/** Text for people: the concept's words. */
export function words(concept: Concept | null | undefined): string {
  return concept?.text ?? concept?.display ?? concept?.coding?.find((c) => c.display)?.display ?? concept?.code ?? 'unnamed';
}
