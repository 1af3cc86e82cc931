import type { BundleReferences } from './bundleReferences';
import type { CodingValue } from './fhirValues';

/**
 * What an organisation subgraph tells the kit about its feed: for each FHIR resource type it
 * accepts, how one resource becomes one item of one panel of the patient's slice. Mappings are pure
 * (no I/O): the kit runs them over the whole bundle first and writes only if every entry maps.
 *
 * The kit takes care of the rest: system credentials, bundle structure, the patient's NHS number
 * (subject / patient / beneficiary), id, version and lastUpdated, provenance, deletes
 * (DELETE entries and entered-in-error), opt-outs, versioned idempotent writes, the OperationOutcome.
 */

export interface MappedItem {
  panel: string;
  /** The item's fields as the subgraph's GraphQL type reads them (minus id and provenance). */
  fields: Record<string, unknown>;
}

/** One resource to one item; `references` resolves its references within the bundle. */
export type ResourceMapping = (resource: any, references: BundleReferences) => MappedItem | null;

export interface SliceFeed {
  /** resourceType -> mapping. A resource type not listed is refused with a clear reason. */
  resources: Record<string, ResourceMapping>;
}

export type { CodingValue };
