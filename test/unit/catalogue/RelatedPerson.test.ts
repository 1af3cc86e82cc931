import { slicesHolding } from '../../support/slicesHolding';
/// <reference types="fhir" />
import { buildSchema, type GraphQLSchema } from 'graphql';
import { prepareBundle, type FeedingOrganisation } from '../../../subgraphs/kit/src/ingest/feedTarget';
import { sliceFeedTarget } from '../../../subgraphs/kit/src/ingest/sliceFeedTarget';
import { faultOf } from '../../../subgraphs/kit/src/slice/unreadableItems';
import type { SubgraphContext } from '../../../subgraphs/kit/src/context';
import { socialCareFeed } from '../../../subgraphs/social-care/src/feed';
import { socialCareResolvers } from '../../../subgraphs/social-care/src/resolvers';
import { loadSubgraphSdl } from '../../../schema/src/sdl';
import { feedMapping, META, NHS } from '../../support/feedMapping';

/**
 * The catalogue's RelatedPerson mapping (FHIR R4 RelatedPerson, UKCore-RelatedPerson): a daughter
 * who is the patient's main carer and next of kin, as a council's system sends her. Relationship
 * codes from UK Core's PersonRelationshipType (HL7 v3 RoleCode and v2-0131 contact roles); a
 * relationship the source sent only as text ("Main carer") is kept as text.
 */

const ROLE_CODE = 'http://terminology.hl7.org/CodeSystem/v3-RoleCode';
const CONTACT_ROLE = 'http://terminology.hl7.org/CodeSystem/v2-0131';
const { map, problemOf } = feedMapping(socialCareFeed);

const daughter: fhir4.RelatedPerson = {
  resourceType: 'RelatedPerson',
  id: 'rp-claire',
  meta: META,
  active: true,
  patient: NHS,
  relationship: [
    { coding: [{ system: ROLE_CODE, code: 'DAU', display: 'natural daughter' }] },
    { coding: [{ system: CONTACT_ROLE, code: 'N', display: 'Next-of-Kin' }, { system: ROLE_CODE, code: 'NOK', display: 'next of kin' }], text: 'Next of kin' },
    { text: 'Main carer' },
  ],
  name: [
    { use: 'nickname', given: ['Clo'] },
    { use: 'official', prefix: ['Mrs'], given: ['Claire', 'Anne'], family: 'Hughes' },
  ],
  telecom: [
    { system: 'email', value: 'claire.hughes@example.org', use: 'home' },
    { system: 'phone', value: '07700 900123', use: 'mobile', rank: 1 },
    { system: 'phone', value: '0161 496 0000', use: 'home' },
  ],
  gender: 'female',
  address: [{ use: 'home', line: ['12 Mill Lane'], city: 'Bury', postalCode: 'BL9 0AA' }],
  period: { start: '2024-11-05' },
};

describe('RelatedPerson: the fixture is valid FHIR R4', () => {
  it('passes the validator and is taken in by the social care feed', () => {
    const council: FeedingOrganisation = { odsCode: 'LA351', name: 'Bury Council', kind: 'local-authority', sharingStatus: 'active', sourceSystem: 'Liquidlogic' };
    const prepared = prepareBundle(sliceFeedTarget('social-care', socialCareFeed, null as never), { resourceType: 'Bundle', type: 'batch', entry: [{ resource: daughter }] }, council);
    expect(prepared.issues).toEqual([]);
    expect([...prepared.byPatient.values()].flat().map((p) => p.entry.resourceType)).toEqual(['RelatedPerson']);
  });
});

describe('RelatedPerson through the catalogue (social care carers)', () => {
  it('keeps every relationship whole, every coding of each; the uncoded one as text', () => {
    const fields = map(daughter)!.fields;
    expect(fields.relationships).toEqual([
      { system: ROLE_CODE, code: 'DAU', display: 'natural daughter', coding: [{ system: ROLE_CODE, code: 'DAU', display: 'natural daughter' }], text: null },
      {
        system: CONTACT_ROLE,
        code: 'N',
        display: 'Next-of-Kin',
        coding: [
          { system: CONTACT_ROLE, code: 'N', display: 'Next-of-Kin' },
          { system: ROLE_CODE, code: 'NOK', display: 'next of kin' },
        ],
        text: 'Next of kin',
      },
      { system: 'text', code: '', display: 'Main carer', coding: [], text: 'Main carer' },
    ]);
    // What the Carer type reads: the first coded relationship, the uncoded ones' text.
    expect(fields).toMatchObject({ relationship: { code: 'DAU', display: 'natural daughter' }, carerRole: 'Main carer' });
  });

  it('next of kin and emergency contact by their codes (v2-0131 or v3 RoleCode), never by words', () => {
    expect(map(daughter)!.fields).toMatchObject({ nextOfKin: true, emergencyContact: false });
    const emergency = { ...daughter, relationship: [{ coding: [{ system: ROLE_CODE, code: 'ECON', display: 'emergency contact' }] }] };
    expect(map(emergency)!.fields).toMatchObject({ nextOfKin: false, emergencyContact: true });
    const inWordsOnly = { ...daughter, relationship: [{ text: 'Next of kin and emergency contact' }] };
    expect(map(inWordsOnly)!.fields).toMatchObject({ nextOfKin: false, emergencyContact: false, relationship: null, carerRole: 'Next of kin and emergency contact' });
  });

  it('the official name (not the first listed), every phone and email, the first phone, the address, active and the period', () => {
    expect(map(daughter)!.fields).toMatchObject({
      name: 'Mrs Claire Anne Hughes',
      telecom: [
        { system: 'email', value: 'claire.hughes@example.org', use: 'home', rank: null },
        { system: 'phone', value: '07700 900123', use: 'mobile', rank: 1 },
        { system: 'phone', value: '0161 496 0000', use: 'home', rank: null },
      ],
      phone: '07700 900123',
      addresses: [{ lines: ['12 Mill Lane'], city: 'Bury', postcode: 'BL9 0AA', use: 'home' }],
      active: true,
      start: '2024-11-05',
      end: null,
    });
  });

  it('active is as the source says, true when it does not say; a person without phone or address has none', () => {
    expect(map({ ...daughter, active: false, period: { start: '2024-11-05', end: '2025-06-30' } })!.fields).toMatchObject({ active: false, end: '2025-06-30' });
    expect(map({ ...daughter, active: undefined, telecom: undefined, address: undefined })!.fields).toMatchObject({ active: true, telecom: [], phone: null, addresses: [] });
  });

  it('refuses a person without a name, or with a period date that is not a FHIR date, naming the element', () => {
    expect(problemOf({ ...daughter, name: undefined }).path).toBe('RelatedPerson.name');
    expect(problemOf({ ...daughter, name: [{ use: 'official' }] }).path).toBe('RelatedPerson.name');
    expect(problemOf({ ...daughter, period: { start: '05/11/2024' } }).path).toBe('RelatedPerson.period.start');
  });

  it('what it writes is readable as a Carer under the served schema', async () => {
    const schema: GraphQLSchema = buildSchema(`type Query { _unused: String }\n${loadSubgraphSdl('social-care').replace(/^extend schema.*$/m, '').replace(/@key\([^)]*\)|@shareable/g, '')}`);
    const provenance = { odsCode: 'LA351', organisationName: 'Bury Council', system: 'Liquidlogic', sourceId: 'rp-claire', version: '1', lastUpdated: '2025-05-03T10:00:00.000Z' };
    const context = { slices: slicesHolding({ carers: [{ id: 'LA351/RelatedPerson/rp-claire', ...map(daughter)!.fields, provenance }] }) } as unknown as SubgraphContext;
    const carers = await (socialCareResolvers.Patient.carers as (...args: unknown[]) => Promise<any[]>)({ nhsNumber: '9434765919' }, {}, context);
    expect(carers.map((carer) => faultOf(carer, schema.getType('Carer') as never, 'Carer'))).toEqual([null]);
  });
});
