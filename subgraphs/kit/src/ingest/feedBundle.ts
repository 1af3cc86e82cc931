import { isValidNhsNumber, normaliseNhsNumber } from '../nhsNumber';
import { bundleReferences, CONTAINED_ONLY, type BundleReferences } from './bundleReferences';
import { fhirFaults, unknownModifierExtensions } from './fhirValidation';
import type { OutcomeIssue } from './operationOutcome';

/**
 * Reads a FHIR R4 Bundle (batch, transaction or collection) into feed entries, checking the whole
 * bundle before anything is written. Every fault names its entry (Bundle.entry[i]...), the FHIR
 * path and why. Whether one entry's fault stops the others is the bundle type's business
 * (feedTarget: a transaction is all or nothing; in a batch or collection each entry stands alone).
 */

export const NHS_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';
export const MAX_ENTRIES = Number(process.env.FEED_MAX_ENTRIES ?? 2000);
const BUNDLE_TYPES = new Set(['batch', 'transaction', 'collection']);
export type BundleType = 'batch' | 'transaction' | 'collection';

export interface FeedEntry {
  index: number;
  method: 'upsert' | 'delete';
  resourceType: string;
  /** The resource's id at its source. */
  sourceId: string;
  nhsNumber: string;
  version: string;
  lastUpdated: string;
  resource: any | null;
  /** Resolves the resource's references within its bundle (contained, fullUrl, Type/id, identifier). */
  references: BundleReferences;
}

export interface ReadBundle {
  type: BundleType | null;
  entries: FeedEntry[];
  /** Errors: the bundle's own, and each refused entry's. */
  issues: OutcomeIssue[];
  /** Information and warnings per entry: supporting resources, types this feed does not store. */
  notes: OutcomeIssue[];
  unstored: UnstoredEntry[];
  entryCount: number;
}

/** An entry read but not stored: a supporting resource, or a type this feed does not store. */
export interface UnstoredEntry {
  index: number;
  resourceType: string;
  supporting: boolean;
}

function problem(index: number | null, expression: string, diagnostics: string, code: OutcomeIssue['code'] = 'invalid'): OutcomeIssue {
  return { severity: 'error', code, diagnostics, expression: [index === null ? expression : `Bundle.entry[${index}]${expression}`] };
}

function nhsNumberFrom(reference: fhir4.Reference | undefined): string | undefined {
  const identifier = reference?.identifier;
  return identifier?.system === NHS_NUMBER_SYSTEM && identifier.value ? normaliseNhsNumber(identifier.value) : undefined;
}

/** The patient a resource is about: the resource itself (Patient) or its subject/patient/beneficiary. */
function patientOf(resource: any): string | undefined {
  if (resource.resourceType === 'Patient') {
    const id = (resource.identifier as fhir4.Identifier[] | undefined)?.find((i) => i.system === NHS_NUMBER_SYSTEM);
    return id?.value ? normaliseNhsNumber(id.value) : undefined;
  }
  return nhsNumberFrom(resource.subject) ?? nhsNumberFrom(resource.patient) ?? nhsNumberFrom(resource.beneficiary) ?? participantPatient(resource);
}

/** Appointment names its patient among the participants. */
function participantPatient(resource: any): string | undefined {
  for (const participant of (resource.participant ?? []) as Array<{ actor?: fhir4.Reference }>) {
    const found = nhsNumberFrom(participant.actor);
    if (found) return found;
  }
  return undefined;
}

/** A conditional delete: DELETE <Type>?_id=<id>&patient.identifier=https://fhir.nhs.uk/Id/nhs-number|<nhs>. */
function readDelete(index: number, url: string | undefined, issues: OutcomeIssue[]): FeedEntry | null {
  const match = /^([A-Za-z]+)\?(.*)$/.exec(url ?? '');
  if (!match) {
    issues.push(problem(index, '.request.url', 'A DELETE must be conditional: <Type>?_id=<id>&patient.identifier=https://fhir.nhs.uk/Id/nhs-number|<NHS number>'));
    return null;
  }
  const params = new URLSearchParams(match[2]);
  const sourceId = params.get('_id');
  const [system, value] = (params.get('patient.identifier') ?? '').split('|');
  if (!sourceId || system !== NHS_NUMBER_SYSTEM || !value) {
    issues.push(problem(index, '.request.url', 'A DELETE needs _id and patient.identifier=https://fhir.nhs.uk/Id/nhs-number|<NHS number>'));
    return null;
  }
  if (!isValidNhsNumber(value)) {
    issues.push(problem(index, '.request.url', 'patient.identifier is not a valid NHS number (10 digits, Modulus 11)', 'value'));
    return null;
  }
  return {
    index,
    method: 'delete',
    resourceType: match[1],
    sourceId,
    nhsNumber: normaliseNhsNumber(value),
    version: 'deleted',
    lastUpdated: new Date().toISOString(),
    resource: null,
    references: CONTAINED_ONLY,
  };
}

/**
 * Resources real feeds send beside the clinical ones so that references resolve (who, where, which
 * medicine, which sample): read, never stored, never an error.
 */
export const SUPPORTING_TYPES = new Set([
  'Patient', 'Practitioner', 'PractitionerRole', 'Organization', 'Location', 'Medication', 'Specimen', 'Device',
  'Encounter', 'RelatedPerson', 'HealthcareService', 'Substance',
]);

/** modifierExtension URLs the feeds understand; none yet, so any modifier is refused. */
const UNDERSTOOD_MODIFIERS = new Set<string>();

function enteredInError(resource: any): boolean {
  // DocumentReference.docStatus too: the document's content was entered in error.
  if (resource.status === 'entered-in-error' || resource.docStatus === 'entered-in-error') return true;
  // Read before validation: any JSON type may be here.
  const coding: unknown = resource.verificationStatus?.coding;
  return Array.isArray(coding) && coding.some((c) => c?.code === 'entered-in-error');
}

function note(index: number, diagnostics: string, severity: OutcomeIssue['severity'] = 'information', code: OutcomeIssue['code'] = 'informational'): OutcomeIssue {
  return { severity, code, diagnostics, expression: [`Bundle.entry[${index}].resource`] };
}

interface Findings {
  issues: OutcomeIssue[];
  notes: OutcomeIssue[];
  unstored: UnstoredEntry[];
}

function readResource(index: number, resource: any, acceptedTypes: Set<string>, { issues, notes, unstored }: Findings, references: BundleReferences): FeedEntry | null {
  const before = issues.length;
  if (!resource || typeof resource !== 'object' || typeof resource.resourceType !== 'string') {
    issues.push(problem(index, '.resource', 'Each entry needs a resource with a resourceType', 'structure'));
    return null;
  }
  const type = resource.resourceType as string;
  if (!acceptedTypes.has(type)) {
    const supporting = SUPPORTING_TYPES.has(type);
    unstored.push({ index, resourceType: type, supporting });
    // A type this feed does not store is a warning, never silent: the sender learns its item is not in the record.
    notes.push(
      supporting
        ? note(index, `${type} read to resolve references; not stored on its own`)
        : note(index, `${type} not stored: this feed does not store ${type} (it stores ${[...acceptedTypes].join(', ')})`, 'warning', 'not-supported'),
    );
    return null;
  }
  if (typeof resource.id !== 'string' || !/^[A-Za-z0-9\-.]{1,64}$/.test(resource.id)) {
    issues.push(problem(index, `.resource.id`, `${type}.id is required (1-64 letters, digits, '-' or '.')`, 'required'));
  }
  const lastUpdated = resource.meta?.lastUpdated;
  if (typeof lastUpdated !== 'string' || Number.isNaN(Date.parse(lastUpdated))) {
    issues.push(problem(index, `.resource.meta.lastUpdated`, `${type}.meta.lastUpdated is required: it orders versions from the source`, 'required'));
  }
  const nhsNumber = patientOf(resource);
  if (!nhsNumber) {
    issues.push(problem(index, '.resource', `${type} must identify its patient by NHS number (system ${NHS_NUMBER_SYSTEM})`, 'required'));
  } else if (!isValidNhsNumber(nhsNumber)) {
    issues.push(problem(index, '.resource', `${type} names an invalid NHS number (10 digits, Modulus 11 check digit)`, 'value'));
  }
  if (issues.length > before) return null;
  const retracted = enteredInError(resource);
  // A retraction is honoured even when the rest of the resource is faulty: refusing it would leave
  // the wrong item on show. Its faults are reported as warnings.
  const faults = fhirFaults(resource).map((f) => ({ ...problem(index, `.resource (${f.path})`, `FHIR R4: ${f.message}`), ...(retracted ? { severity: 'warning' as const } : {}) }));
  const modifiers = unknownModifierExtensions(resource, UNDERSTOOD_MODIFIERS, type).map((path) =>
    problem(index, `.resource (${path})`, 'A modifierExtension this record does not understand changes the meaning of the resource; it cannot be stored as if the modifier were absent', 'not-supported'),
  );
  if (retracted) notes.push(...faults);
  else issues.push(...faults);
  issues.push(...modifiers);
  if (issues.length > before) return null;
  return {
    index,
    method: retracted ? 'delete' : 'upsert',
    resourceType: type,
    sourceId: resource.id,
    nhsNumber: nhsNumber!,
    version: typeof resource.meta?.versionId === 'string' ? resource.meta.versionId : '1',
    lastUpdated: new Date(lastUpdated).toISOString(),
    resource,
    references,
  };
}

/**
 * The entries whose fullUrl another entry also has (FHIR R4 bdl-7), each with the others' indexes.
 * Versions of one resource (same type and id, each its own meta.versionId) may share one.
 */
function duplicateFullUrls(entries: fhir4.BundleEntry[]): Map<number, number[]> {
  const byFullUrl = new Map<string, number[]>();
  entries.forEach((entry, index) => {
    if (typeof entry?.fullUrl === 'string') byFullUrl.set(entry.fullUrl, [...(byFullUrl.get(entry.fullUrl) ?? []), index]);
  });
  const duplicated = new Map<number, number[]>();
  for (const indexes of byFullUrl.values()) {
    if (indexes.length < 2) continue;
    const resources = indexes.map((i) => entries[i]?.resource as (fhir4.FhirResource & { meta?: fhir4.Meta }) | undefined);
    const oneResource = new Set(resources.map((r) => `${r?.resourceType}/${r?.id}`)).size === 1 && resources.every((r) => r?.id);
    const versions = resources.map((r) => r?.meta?.versionId);
    if (oneResource && versions.every(Boolean) && new Set(versions).size === versions.length) continue;
    for (const index of indexes) duplicated.set(index, indexes.filter((other) => other !== index));
  }
  return duplicated;
}

export function readFeedBundle(body: unknown, acceptedTypes: Set<string>): ReadBundle {
  const issues: OutcomeIssue[] = [];
  const notes: OutcomeIssue[] = [];
  const unstored: UnstoredEntry[] = [];
  const bundle = body as fhir4.Bundle;
  const none = { type: null, entries: [], notes, unstored, entryCount: 0 };
  if (!bundle || typeof bundle !== 'object' || bundle.resourceType !== 'Bundle') {
    return { ...none, issues: [problem(null, 'Bundle', 'The body must be a FHIR Bundle (resourceType "Bundle")', 'structure')] };
  }
  if (!BUNDLE_TYPES.has(bundle.type)) {
    issues.push(problem(null, 'Bundle.type', `Bundle.type must be batch, transaction or collection; got "${String(bundle.type)}"`, 'value'));
  }
  if (!Array.isArray(bundle.entry) || bundle.entry.length === 0) {
    issues.push(problem(null, 'Bundle.entry', 'The bundle has no entries', 'required'));
    return { ...none, issues };
  }
  if (bundle.entry.length > MAX_ENTRIES) {
    issues.push(problem(null, 'Bundle.entry', `At most ${MAX_ENTRIES} entries per bundle; split the feed`, 'too-costly'));
    return { ...none, issues };
  }
  const references = bundleReferences(bundle.entry);
  const entries: FeedEntry[] = [];
  const duplicated = duplicateFullUrls(bundle.entry);
  bundle.entry.forEach((entry, index) => {
    const others = duplicated.get(index);
    if (others) {
      issues.push(problem(index, '.fullUrl', `Bundle.entry[${index}].fullUrl "${String(entry.fullUrl).slice(0, 200)}" is also the fullUrl of Bundle.entry[${others.join('], Bundle.entry[')}]: FHIR R4 (bdl-7) requires each entry's fullUrl to be unique unless the entries are versions of one resource (each its own meta.versionId). Neither entry is taken; give each resource its own fullUrl.`));
      return;
    }
    try {
      const read =
        entry?.request?.method === 'DELETE'
          ? readDelete(index, typeof entry.request.url === 'string' ? entry.request.url : undefined, issues)
          : readResource(index, entry?.resource, acceptedTypes, { issues, notes, unstored }, references);
      if (read) entries.push(read);
    } catch {
      // Any JSON may arrive: an entry that cannot be read is refused, never a server error.
      issues.push(problem(index, '', 'The entry could not be read: an element has a JSON type FHIR R4 does not allow there', 'structure'));
    }
  });
  return { type: BUNDLE_TYPES.has(bundle.type) ? (bundle.type as BundleType) : null, entries, issues, notes, unstored, entryCount: bundle.entry.length };
}
