import { Kind, parse, type FieldNode, type ObjectTypeDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { loadSubgraphSdl, subgraphServices } from '@shareforyou/schema';
import * as documents from '../../web/src/generated/graphql';
import { COMBINED_SECTION_SOURCES, combinedSectionSources } from '../../web/src/panels/combinedSectionSources';

/**
 * A combined section's line says "From <organisation> · as of <date>" for each source it is computed
 * from. Naming fewer (the GP alone above immunisations the hospital and the trust also sent) tells
 * the clinician the section is as current as one source, and hides that the others were read. The
 * sources come from the schema: a combined field's `@requires` names each organisation's fields.
 */

const patientOf = (sdl: string) =>
  parse(sdl).definitions.find((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === 'Patient');
const fieldsOf = (set: SelectionSetNode | undefined) => (set?.selections ?? []).filter((s): s is FieldNode => s.kind === Kind.FIELD);

/** Each organisation subgraph's Patient fields, and the field that says how current it is. */
const organisations = subgraphServices
  .filter((s) => !['combined', 'registry', 'audit'].includes(s.name))
  .map(({ name }) => {
    const patient = patientOf(loadSubgraphSdl(name))!;
    const fields = new Set((patient.fields ?? []).map((f) => f.name.value));
    const freshness = (patient.fields ?? []).find((f) => f.type.kind === Kind.NAMED_TYPE && f.type.name.value === 'SourceFreshness')!.name.value;
    return { name, fields, freshness };
  });

/** What the schema says: each combined field and the freshness fields of the subgraphs its @requires reads. */
const fromSchema: Record<string, string[]> = Object.fromEntries(
  (patientOf(loadSubgraphSdl('combined'))!.fields ?? []).flatMap((field) => {
    const requires = field.directives?.find((d) => d.name.value === 'requires');
    if (!requires) return [];
    const selection = (requires.arguments![0].value as { value: string }).value;
    const taken = fieldsOf((parse(`{ ${selection} }`).definitions[0] as OperationDefinitionNode).selectionSet).map((f) => f.name.value);
    const sources = organisations.filter((o) => taken.some((t) => o.fields.has(t))).map((o) => o.freshness);
    return [[field.name.value, sources.sort()]];
  }),
);

it('the schema has the combined sections this test reads (it reads the right SDL)', () => {
  expect(Object.keys(fromSchema)).toEqual(expect.arrayContaining(['combinedAllergies', 'combinedResults', 'combinedEncounters']));
  expect(fromSchema.combinedAllergies).toContain('gpSource');
});

it('every combined section names, for its "as of", exactly the sources the schema computes it from', () => {
  const table = Object.fromEntries(Object.entries(COMBINED_SECTION_SOURCES).map(([field, sources]) => [field, [...sources].sort()]));
  expect(table).toEqual(fromSchema);
});

it('a section is found by its path; a one-source section has none', () => {
  expect(combinedSectionSources(['patient', 'combinedAllergies', 'noKnownAllergies'])).toBe(COMBINED_SECTION_SOURCES.combinedAllergies);
  expect(combinedSectionSources(['patient', 'medications'])).toBeUndefined();
});

/** Every document the panels send, and the Patient fields each selects directly. */
const sent = Object.entries(documents)
  .filter(([name]) => name.endsWith('Document'))
  .map(([name, doc]) => {
    const operation = parse(String(doc)).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
    const patient = fieldsOf(operation.selectionSet).find((f) => f.name.value === 'patient');
    return [name, fieldsOf(patient?.selectionSet).map((f) => f.name.value)] as const;
  })
  .filter(([, fields]) => fields.some((f) => f in fromSchema));

it.each(sent)('%s selects the freshness of every source of each combined section it shows', (_name, fields) => {
  const needed = [...new Set(fields.flatMap((f) => fromSchema[f] ?? []))];
  expect(needed.filter((source) => !fields.includes(source))).toEqual([]);
});
