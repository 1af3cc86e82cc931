import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, getNamedType, graphql, isObjectType, type GraphQLObjectType } from 'graphql';
import { loadPolicy } from '@shareforyou/schema';
import { applyFieldRules } from '../../subgraphs/kit/src/access/fieldRules';
import type { AccessChange, PatientAccessRecord } from '../../subgraphs/kit/src/access/accessRecords';
import { restrictedRecordError, restrictionOf, restrictionWithholds, withheldFromRestrictedRecord, type Restriction } from '../../subgraphs/kit/src/access/restrictedRecord';
import { applyAccessChanges, restrictionAfter, visibleAccessRecord } from '../../subgraphs/kit/src/access/stagedAccess';

/**
 * A restricted record's relatives (clinical safety H165): every organisation's next of kin, nearest
 * relatives and carers are withheld from every role when the demographics source marks the record
 * restricted, or when the flag is not known (fail closed). Pure: the kit's rule, the flag's
 * versioned changes on the access record, and the field rules on a small schema with the real policy.
 */

const accessRecord = (restriction?: PatientAccessRecord['restriction'], staged?: PatientAccessRecord['staged']): PatientAccessRecord => ({
  _id: '9990001928',
  relationships: [],
  recordOptOut: null,
  breakGlass: [],
  revision: 1,
  ...(restriction ? { restriction } : {}),
  ...(staged ? { staged } : {}),
});
const flag = (restricted: boolean, versionKey: string, index = 0): AccessChange => ({ index, kind: 'restriction', restricted, versionKey });

describe('the flag on the access record', () => {
  it('restricted, not restricted, and unknown when the registry has written no flag (or there is no record): only "not restricted" shows relatives', () => {
    expect(restrictionOf(accessRecord({ restricted: true, versionKey: 'v1' }))).toBe('restricted');
    expect(restrictionOf(accessRecord({ restricted: false, versionKey: 'v1' }))).toBe('not-restricted');
    expect(restrictionOf(accessRecord())).toBe('unknown');
    expect(restrictionOf(null)).toBe('unknown');
    expect(restrictionOf({ ...accessRecord(), restriction: { versionKey: 'v1' } as never })).toBe('unknown');
    expect((['restricted', 'not-restricted', 'unknown'] as Restriction[]).filter(restrictionWithholds)).toEqual(['restricted', 'unknown']);
  });

  it('set by the newest demographics: a newer Patient turns it on and off, an older replay changes nothing', () => {
    const on = restrictionAfter(undefined, [flag(true, '2026-10-01|1')]);
    expect(on).toEqual({ restricted: true, versionKey: '2026-10-01|1' });
    expect(restrictionAfter(on, [flag(false, '2026-09-01|1')])).toBe(on);
    expect(restrictionAfter(on, [flag(true, '2026-10-01|1')])).toBe(on);
    expect(restrictionAfter(on, [flag(false, '2026-11-01|2')])).toEqual({ restricted: false, versionKey: '2026-11-01|2' });
    expect(restrictionAfter(on, [])).toBe(on);
  });

  it('a relationship change leaves the flag alone, and the flag change touches no relationship', () => {
    const relationships: never[] = [];
    expect([...applyAccessChanges(relationships, [flag(true, 'v1')])]).toEqual([]);
    expect(relationships).toEqual([]);
    expect(restrictionAfter(undefined, [{ index: 0, kind: 'relationship', sourceId: 'RM3/Encounter/a', relationship: null, versionKey: 'v1' }])).toBeUndefined();
  });

  it('a registry transaction: its flag counts for every reader once its journal commits, not before', () => {
    const stored = accessRecord({ restricted: false, versionKey: '2026-09-01|1' }, [{ journal: 'j1', changes: [flag(true, '2026-10-01|2')] }]);
    expect(restrictionOf(visibleAccessRecord(stored, new Set(['j1'])))).toBe('not-restricted');
    expect(restrictionOf(visibleAccessRecord(stored, new Set()))).toBe('restricted');
    const firstEver = accessRecord(undefined, [{ journal: 'j2', changes: [flag(false, '2026-10-01|1')] }]);
    expect(restrictionOf(visibleAccessRecord(firstEver, new Set(['j2'])))).toBe('unknown');
    expect(restrictionOf(visibleAccessRecord(firstEver, new Set()))).toBe('not-restricted');
  });
});

describe('which fields a restricted record withholds in the organisation subgraphs', () => {
  it("every organisation's list of relatives (Patient fields of the catalogue's Carer type) in the supergraph, the council's carers included", () => {
    const supergraph = buildSchema(readFileSync(join(__dirname, '../../schema/supergraph.graphql'), 'utf8'), { assumeValidSDL: true });
    const fields = Object.values(supergraph.getTypeMap())
      .filter((type) => isObjectType(type) && !type.name.startsWith('__'))
      .flatMap((type) => Object.values((type as GraphQLObjectType).getFields()).map((f) => ({ parent: type.name, name: f.name, type: getNamedType(f.type).name })));
    const withheld = fields.filter((f) => withheldFromRestrictedRecord(f.parent, f.type)).map((f) => `${f.parent}.${f.name}`).sort();
    expect(withheld).toEqual(['Patient.carers', 'Patient.communityRelatedPeople', 'Patient.gpRelatedPeople', 'Patient.hospitalRelatedPeople', 'Patient.mentalHealthRelatedPeople']);
    // No relative is reachable any other way (a combined section listing them would have to be withheld too).
    expect(fields.filter((f) => f.type === 'Carer').map((f) => `${f.parent}.${f.name}`).sort()).toEqual(withheld);
  });

  it('the refusal: FORBIDDEN_FIELD, reason restricted-record, saying why; an unknown flag says that', () => {
    const error = restrictedRecordError('Patient.gpRelatedPeople', 'contactDetails', { what: 'relatives' });
    expect(error.extensions).toMatchObject({ code: 'FORBIDDEN_FIELD', reason: 'restricted-record', field: 'Patient.gpRelatedPeople', category: 'contactDetails' });
    expect(error.message).toBe("Withheld: this is a restricted record, so the patient's relatives and how to reach them, which would lead to where the patient lives, (Patient.gpRelatedPeople) are shown to nobody.");
    const unknown = restrictedRecordError('Patient.carers', 'socialCare', { what: 'relatives', restriction: 'unknown' });
    expect(unknown.extensions).toMatchObject({ code: 'FORBIDDEN_FIELD', reason: 'restricted-record', restriction: 'unknown' });
    expect(unknown.message).toMatch(/^Withheld: whether this record is restricted is not known yet/);
    expect(restrictedRecordError('Patient.address', 'contactDetails').message).toBe('Withheld: this is a restricted record, so where the patient lives and how to reach them (Patient.address) are shown to nobody.');
  });
});

describe('the field rules, as a subgraph serves them (a small schema, the real policy)', () => {
  const SDL = `
    type Query { patient(nhsNumber: String!): Patient }
    type Patient { nhsNumber: String! gpRelatedPeople: [Carer!] carers: [Carer!] medications: [Medication!] }
    type Carer { name: String! phone: String }
    type Medication { id: ID! }
  `;
  const SUSAN = { name: 'Susan Kenyon', phone: '07700 900123' };
  const schema = applyFieldRules(buildSchema(SDL), loadPolicy());

  async function read(profile: string, restriction: Restriction) {
    const asked: string[] = [];
    const contextValue = {
      identity: { profile },
      access: {
        restriction: async (nhsNumber: string) => {
          asked.push(nhsNumber);
          return restriction;
        },
      },
    };
    const patient = { nhsNumber: '9990001928', gpRelatedPeople: [SUSAN], carers: [SUSAN], medications: [{ id: 'm1' }] };
    const result = await graphql({ schema, source: '{ patient(nhsNumber: "9990001928") { nhsNumber gpRelatedPeople { name phone } carers { name phone } medications { id } } }', rootValue: { patient }, contextValue });
    return { result, asked };
  }

  it.each(['restricted', 'unknown'] as Restriction[])('%s: a clinician gets FORBIDDEN_FIELD restricted-record for every relatives list, nothing of them, the rest of the record', async (restriction) => {
    const { result } = await read('clinical', restriction);
    expect(result.data?.patient).toEqual({ nhsNumber: '9990001928', gpRelatedPeople: null, carers: null, medications: [{ id: 'm1' }] });
    expect(result.errors?.map((e) => [e.path?.join('.'), e.extensions?.code, e.extensions?.reason]).sort()).toEqual([
      ['patient.carers', 'FORBIDDEN_FIELD', 'restricted-record'],
      ['patient.gpRelatedPeople', 'FORBIDDEN_FIELD', 'restricted-record'],
    ]);
    expect(JSON.stringify(result)).not.toMatch(/Kenyon|07700/);
  });

  it('not restricted: the clinician sees them', async () => {
    const { result, asked } = await read('clinical', 'not-restricted');
    expect(result.errors).toBeUndefined();
    expect(result.data?.patient).toMatchObject({ gpRelatedPeople: [SUSAN], carers: [SUSAN] });
    expect(asked).toEqual(['9990001928', '9990001928']);
  });

  it('a role without the category is refused for its role first, restricted or not (never told the record is restricted by this field)', async () => {
    const { result } = await read('clinicalStudent', 'restricted');
    const errors = result.errors?.map((e) => [e.path?.join('.'), e.extensions?.reason ?? null, e.extensions?.category]).sort();
    expect(errors).toEqual([
      ['patient.carers', null, 'socialCare'],
      ['patient.gpRelatedPeople', null, 'contactDetails'],
    ]);
  });
});
