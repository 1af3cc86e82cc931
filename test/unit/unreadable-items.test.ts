import { slicesHolding } from '../support/slicesHolding';
import { buildSchema, graphql } from 'graphql';
import type { SubgraphContext } from '../../subgraphs/kit/src/context';
import { commonResolvers } from '../../subgraphs/kit/src/slice/commonResolvers';
import { panelList } from '../../subgraphs/kit/src/slice/panels';
import { faultOf, readableItems, recordOwnResolvers } from '../../subgraphs/kit/src/slice/unreadableItems';
import { parse } from 'graphql';

/**
 * 14.4: no stored item can break reading a patient's record. Pure: a small schema and an
 * in-memory slice; the real subgraphs use the same panelList.
 */

const SDL = `
  type Query { patient: Patient }
  type Patient { medications: [Medication!] }
  enum MedicationStatus { active on_hold }
  type Medication { id: ID! status: MedicationStatus! dosage: String }
`;

const items = [
  { id: 'P1/MedicationStatement/good', status: 'active', dosage: 'One a day', provenance: {} },
  { id: 'P1/MedicationStatement/no-status', dosage: 'Two a day', provenance: {} },
  { id: 'P1/MedicationStatement/bad-status', status: 'half-taken', provenance: {} },
  { id: 'P1/MedicationStatement/held', status: 'on-hold', provenance: {} },
];

/** As the served subgraph schema is: the field rules wrap every field in a resolver. */
function wrappedAsServed(schema: ReturnType<typeof buildSchema>) {
  for (const field of Object.values((schema.getType('Medication') as any).getFields()) as any[]) field.resolve = (source: any) => source[field.name];
  return recordOwnResolvers(schema, {});
}

function run(prepare: (schema: ReturnType<typeof buildSchema>) => ReturnType<typeof buildSchema> = (schema) => schema) {
  const schema = prepare(buildSchema(SDL));
  const enums = commonResolvers(parse(`${SDL} type CodeableConcept { code: String }`)) as Record<string, Record<string, string>>;
  for (const [name, values] of Object.entries(enums.MedicationStatus ? { MedicationStatus: enums.MedicationStatus } : {})) {
    const type = schema.getType(name) as any;
    for (const value of type.getValues()) value.value = values[value.name];
  }
  const context = { slices: slicesHolding({ medications: items }) } as unknown as SubgraphContext;
  const medications = panelList('medications');
  return graphql({
    schema,
    source: '{ patient { medications { id status dosage } } }',
    rootValue: { patient: { nhsNumber: '9434765919' } },
    contextValue: context,
    fieldResolver: (source: any, args, ctx, info) => (info.fieldName === 'medications' ? medications(source, args, ctx, info) : source[info.fieldName]),
  }).then((result) => ({ result, context }));
}

describe('an item that cannot be shown is left out, named, and the rest of the section served', () => {
  it('serves the readable items and records each unreadable one with its id and fault', async () => {
    const { result, context } = await run();
    expect(result.errors).toBeUndefined();
    expect((result.data as any).patient.medications.map((m: any) => m.id)).toEqual(['P1/MedicationStatement/good', 'P1/MedicationStatement/held']);
    expect(context.unreadable).toEqual([
      { path: ['patient', 'medications'], itemId: 'P1/MedicationStatement/no-status', fault: 'Medication.status is missing' },
      { path: ['patient', 'medications'], itemId: 'P1/MedicationStatement/bad-status', fault: 'Medication.status is not a valid MedicationStatus' },
    ]);
  });

  it('still checks every item when the field rules have wrapped every field in a resolver (the served schema)', async () => {
    const { result, context } = await run(wrappedAsServed);
    expect((result.data as any).patient.medications.map((m: any) => m.id)).toEqual(['P1/MedicationStatement/good', 'P1/MedicationStatement/held']);
    expect(context.unreadable?.map((u) => u.itemId)).toEqual(['P1/MedicationStatement/no-status', 'P1/MedicationStatement/bad-status']);
  });

  it('faultOf: null for a readable item', () => {
    const schema = buildSchema(SDL);
    expect(faultOf(items[0], schema.getType('Medication') as any, 'Medication')).toBeNull();
  });

  it('without info (a resolver calling panelList itself) nothing is filtered', () => {
    expect(readableItems(items, undefined, {} as SubgraphContext)).toHaveLength(4);
  });
});
