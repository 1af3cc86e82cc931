import { GraphQLError, GraphQLScalarType, Kind, type DocumentNode, type EnumTypeDefinitionNode } from 'graphql';
import { catalogueResolvers } from './catalogueLists';

/**
 * Resolvers for the types every clinical subgraph shares (schema/common.graphql and the clinical
 * catalogue, catalogue.graphql): the FHIR date scalars, CodeableConcept over items stored before it
 * kept every coding, the catalogue's derived fields, and FHIR codes as GraphQL enums (a GraphQL
 * name cannot hold "-": on_hold is FHIR's on-hold).
 */

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const DATE_TIME = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

function fhirTimeScalar(name: string, pattern: RegExp, description: string): GraphQLScalarType {
  const check = (value: unknown): string => {
    if (typeof value !== 'string' || !pattern.test(value)) throw new GraphQLError(`${name} must be a FHIR ${description}; got ${JSON.stringify(value)?.slice(0, 40)}`);
    return value;
  };
  return new GraphQLScalarType({
    name,
    description: `A FHIR ${description} at the precision the source gave it`,
    serialize: check,
    parseValue: check,
    parseLiteral: (node) => check(node.kind === Kind.STRING ? node.value : null),
  });
}

export const FhirDate = fhirTimeScalar('FhirDate', DATE, 'date (YYYY, YYYY-MM or YYYY-MM-DD)');
export const FhirDateTime = fhirTimeScalar('FhirDateTime', DATE_TIME, 'dateTime (a date, or a time with its offset)');

/**
 * The enums a subgraph defines for FHIR codes, each GraphQL value mapped to the FHIR code it stands
 * for. FHIR codes are lower case; an enum of our own (BREAK_GLASS, EMERGENCY_CARE) is left alone.
 */
function fhirCodeEnums(typeDefs: DocumentNode): Record<string, Record<string, string>> {
  const enums: Record<string, Record<string, string>> = {};
  for (const definition of typeDefs.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION) continue;
    const values = (definition as EnumTypeDefinitionNode).values ?? [];
    if (!values.some((v) => v.name.value.includes('_')) || values.some((v) => v.name.value !== v.name.value.toLowerCase())) continue;
    enums[definition.name.value] = Object.fromEntries(values.map((v) => [v.name.value, v.name.value.replace(/_/g, '-')]));
  }
  return enums;
}

const definesType = (typeDefs: DocumentNode, name: string) =>
  typeDefs.definitions.some((d) => 'name' in d && d.name?.value === name && d.kind !== Kind.OBJECT_TYPE_EXTENSION);

type Concept = { system?: string; code?: string; display?: string; coding?: unknown[]; text?: string | null };

/** Resolvers to merge into a clinical subgraph's own (none for registry and audit). */
export function commonResolvers(typeDefs: DocumentNode): Record<string, unknown> {
  if (!definesType(typeDefs, 'CodeableConcept')) return {};
  return {
    FhirDate,
    FhirDateTime,
    CodeableConcept: {
      coding: (c: Concept) => c.coding ?? (c.system && c.system !== 'text' ? [{ system: c.system, code: c.code, display: c.display }] : []),
      text: (c: Concept) => c.text ?? (c.system === 'text' ? c.display : null),
    },
    ...catalogueResolvers,
    ...fhirCodeEnums(typeDefs),
  };
}
