/// <reference types="fhir" />
import { bundleReferences } from '../../subgraphs/kit/src/ingest/bundleReferences';
import { NHS_NUMBER_SYSTEM } from '../../subgraphs/kit/src/ingest/feedBundle';
import { FeedProblem } from '../../subgraphs/kit/src/ingest/feedProblem';
import { ODS_SYSTEM } from '../../subgraphs/kit/src/ingest/fhirValues';
import { type MappedItem, type SliceFeed } from '../../subgraphs/kit/src/ingest/sliceFeed';

/** For unit tests of one subgraph's feed mapping: run a resource through it, or get the FeedProblem it raises. */

export const NHS = { identifier: { system: NHS_NUMBER_SYSTEM, value: '9434765919' } };
export const META = { versionId: '1', lastUpdated: '2025-05-03T10:00:00Z' };
export const organisationReference = (odsCode: string, display: string) => ({ identifier: { system: ODS_SYSTEM, value: odsCode }, display });

export function feedMapping(feed: SliceFeed) {
  /** `bundle`: the other resources of the bundle the resource came in, for its references. */
  const map = (resource: fhir4.FhirResource, bundle: Array<{ fullUrl?: string; resource: fhir4.FhirResource }> = []): MappedItem | null =>
    feed.resources[resource.resourceType](resource, bundleReferences([{ resource }, ...bundle]));
  const problemOf = (resource: fhir4.FhirResource, bundle: Array<{ fullUrl?: string; resource: fhir4.FhirResource }> = []): FeedProblem => {
    try {
      map(resource, bundle);
    } catch (error) {
      if (error instanceof FeedProblem) return error;
      throw error;
    }
    throw new Error(`expected ${resource.resourceType} to be refused`);
  };
  return { map, problemOf };
}
