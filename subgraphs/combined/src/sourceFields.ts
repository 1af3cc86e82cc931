import { Kind, parse, type ObjectTypeDefinitionNode } from 'graphql';
import { loadOrganisationKinds, loadSubgraphSdl, subgraphServices } from '@shareforyou/schema';

/**
 * Which source a per-organisation Patient field comes from, in words (the kinds table's label), read
 * from the service list and each subgraph's SDL once: a field the combined record could not read
 * is named by its source ("Hospital trust"), not by a field name alone.
 */

let bySource: Map<string, string> | undefined;

function sourcesOfFields(): Map<string, string> {
  const kinds = Object.values(loadOrganisationKinds());
  const map = new Map<string, string>();
  for (const { name } of subgraphServices.filter((s) => s.name !== 'combined')) {
    const label = kinds.find((k) => k.subgraph === name)?.label ?? name;
    const patient = parse(loadSubgraphSdl(name)).definitions.find(
      (d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === 'Patient',
    );
    for (const field of patient?.fields ?? []) if (!map.has(field.name.value)) map.set(field.name.value, label);
  }
  return map;
}

export function sourceOfField(field: string): string {
  bySource ??= sourcesOfFields();
  return bySource.get(field) ?? field;
}
