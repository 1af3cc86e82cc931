import { isValidNhsNumber, normaliseNhsNumber } from '../nhsNumber';
import type { OutcomeIssue } from './operationOutcome';

/**
 * Reads a FHIR R4 Bundle (batch, transaction or collection) into feed entries, checking the whole
 * bundle before anything is written. Every fault names its entry (Bundle.entry[i]...) and why.
 */

export const NHS_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';
export const MAX_ENTRIES = Number(process.env.FEED_MAX_ENTRIES ?? 2000);
const BUNDLE_TYPES = new Set(['batch', 'transaction', 'collection']);

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
}

export interface ReadBundle {
  entries: FeedEntry[];
  issues: OutcomeIssue[];
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
  };
}

function readResource(index: number, resource: any, acceptedTypes: Set<string>, issues: OutcomeIssue[]): FeedEntry | null {
  const before = issues.length;
  if (!resource || typeof resource !== 'object' || typeof resource.resourceType !== 'string') {
    issues.push(problem(index, '.resource', 'Each entry needs a resource with a resourceType', 'structure'));
    return null;
  }
  const type = resource.resourceType as string;
  if (!acceptedTypes.has(type)) {
    issues.push(problem(index, `.resource`, `${type} is not accepted by this feed; it accepts ${[...acceptedTypes].join(', ')}`, 'not-supported'));
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
  return {
    index,
    method: resource.status === 'entered-in-error' ? 'delete' : 'upsert',
    resourceType: type,
    sourceId: resource.id,
    nhsNumber: nhsNumber!,
    version: typeof resource.meta?.versionId === 'string' ? resource.meta.versionId : '1',
    lastUpdated: new Date(lastUpdated).toISOString(),
    resource,
  };
}

export function readFeedBundle(body: unknown, acceptedTypes: Set<string>): ReadBundle {
  const issues: OutcomeIssue[] = [];
  const bundle = body as fhir4.Bundle;
  if (!bundle || typeof bundle !== 'object' || bundle.resourceType !== 'Bundle') {
    return { entries: [], issues: [problem(null, 'Bundle', 'The body must be a FHIR Bundle (resourceType "Bundle")', 'structure')] };
  }
  if (!BUNDLE_TYPES.has(bundle.type)) {
    issues.push(problem(null, 'Bundle.type', `Bundle.type must be batch, transaction or collection; got "${String(bundle.type)}"`, 'value'));
  }
  if (!Array.isArray(bundle.entry) || bundle.entry.length === 0) {
    issues.push(problem(null, 'Bundle.entry', 'The bundle has no entries', 'required'));
    return { entries: [], issues };
  }
  if (bundle.entry.length > MAX_ENTRIES) {
    issues.push(problem(null, 'Bundle.entry', `At most ${MAX_ENTRIES} entries per bundle; split the feed`, 'too-costly'));
    return { entries: [], issues };
  }
  const entries: FeedEntry[] = [];
  bundle.entry.forEach((entry, index) => {
    const read =
      entry?.request?.method === 'DELETE'
        ? readDelete(index, entry.request.url, issues)
        : readResource(index, entry?.resource, acceptedTypes, issues);
    if (read) entries.push(read);
  });
  return { entries, issues };
}
