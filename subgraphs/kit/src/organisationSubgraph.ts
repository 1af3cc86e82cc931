import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { sourceFieldName } from '@shareforyou/schema';
import type { SubgraphContext } from './context';
import type { SliceFeed } from './ingest/sliceFeed';
import { resolvePatientReference } from './patientReference';
import type { SubgraphDatabases, SubgraphDefinition } from './server';
import { sourceFreshness } from './slice/panels';
import type { PatientSliceModel } from './slice/patientSlice';

/**
 * An organisation's subgraph, built from what is its own: its panels' resolvers and its FHIR feed
 * mapping. Everything else is the same for every organisation and is added here: the patient
 * slices, the entity reference (with the per-patient access decision) and Patient.<name>Source.
 */

export interface OrganisationSubgraph {
  /** As in schema/src/services.ts and schema/<name>.graphql. */
  name: string;
  /** Patient.<panel> resolvers (kit: panelList, panelLatest) and any item type resolvers. */
  resolvers: GraphQLResolverMap<SubgraphContext<OrganisationModels>>;
  feed: SliceFeed;
}

export interface OrganisationModels {
  PatientSlice: PatientSliceModel;
}

export function organisationSubgraph(definition: OrganisationSubgraph): SubgraphDefinition<OrganisationModels> {
  const { name, resolvers, feed } = definition;
  const patient = (resolvers.Patient ?? {}) as Record<string, unknown>;
  return {
    name,
    holdsPatientSlices: true,
    models: (databases: SubgraphDatabases) => ({ PatientSlice: databases.slices! }),
    resolvers: {
      ...resolvers,
      Patient: { ...patient, __resolveReference: resolvePatientReference, [sourceFieldName(name)]: sourceFreshness(name) },
    } as GraphQLResolverMap<SubgraphContext<OrganisationModels>>,
    feed,
  };
}
