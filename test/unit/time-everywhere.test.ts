import { slicesHolding } from '../support/slicesHolding';
import { buildASTSchema, isNonNullType, isObjectType, parse, type GraphQLSchema } from 'graphql';
import { calendarDateOf } from '../../subgraphs/kit/src/ingest/fhirValues';
import { FeedProblem } from '../../subgraphs/kit/src/ingest/feedProblem';
import type { SubgraphContext } from '../../subgraphs/kit/src/context';
import { FhirDate } from '../../subgraphs/kit/src/slice/commonResolvers';
import { sourceFreshness } from '../../subgraphs/kit/src/slice/panels';
import { loadSupergraphSdl } from '../../schema/src/sdl';
import { formatDate } from '../../web/src/panels/fhirTime';

/**
 * 11.6 "time is time", everywhere: a birth date and a source's "last updated" are typed FHIR time
 * scalars in the served schema, kept at the precision the source gave and shown at it; a date with
 * only a year or a month is never shown as a false full day.
 */

const supergraph: GraphQLSchema = buildASTSchema(parse(loadSupergraphSdl()), { assumeValidSDL: true });
const typeOf = (typeName: string, field: string) => {
  const type = supergraph.getType(typeName);
  if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
  return type.getFields()[field].type;
};

describe('the schema says what time is', () => {
  it.each([
    ['Patient', 'birthDate', 'FhirDate'],
    ['PatientMatch', 'birthDate', 'FhirDate!'],
    ['Provenance', 'lastUpdated', 'FhirDateTime!'],
    ['SourceFreshness', 'lastUpdated', 'FhirDateTime'],
    ['SourceFreshness', 'readAt', 'FhirDateTime!'],
  ])('%s.%s is %s', (typeName, field, expected) => {
    expect(String(typeOf(typeName, field))).toBe(expected);
    expect(isNonNullType(typeOf(typeName, field))).toBe(expected.endsWith('!'));
  });

  it('a partial birth date is served as the source gave it', () => {
    expect(FhirDate.serialize('1944')).toBe('1944');
    expect(FhirDate.serialize('1944-03')).toBe('1944-03');
  });
});

describe('a birth date is a FHIR date', () => {
  it('kept at its precision', () => {
    expect(['1944', '1944-03', '1944-03-12'].map((d) => calendarDateOf(d, 'Patient.birthDate'))).toEqual(['1944', '1944-03', '1944-03-12']);
  });

  it('a date-time where a date belongs is refused, naming the path', () => {
    expect(() => calendarDateOf('1944-03-12T00:00:00Z', 'Patient.birthDate')).toThrow(FeedProblem);
    expect(() => calendarDateOf('1944-03-12T00:00:00Z', 'Patient.birthDate')).toThrow(/Patient.birthDate is a FHIR date/);
  });
});

describe('dates are shown at the precision the source gave', () => {
  it('a year stays a year and a month a month: never a false full day', () => {
    expect(formatDate('1944')).toBe('1944');
    expect(formatDate('1944-03')).toBe('Mar 1944');
    expect(formatDate('1944-03-12')).toBe('12 Mar 1944');
  });

  it('a date-time is the day on the UK clock (23:30 in New York is the next day here)', () => {
    expect(formatDate('2024-02-29T23:30:00-05:00')).toBe('1 Mar 2024');
    expect(formatDate('')).toBe('');
    expect(formatDate(null)).toBe('');
  });
});

it("a source's last update is the latest by instant, not by text", async () => {
  const provenance = (lastUpdated: string) => ({ odsCode: 'NR5', organisationName: 'x', system: 'x', sourceId: 'x', version: '1', lastUpdated });
  const items = [{ id: 'a', provenance: provenance('2025-05-03T09:30:00Z') }, { id: 'b', provenance: provenance('2025-05-03T10:00:00+01:00') }];
  const context = { slices: slicesHolding({ p: items }) } as unknown as SubgraphContext;
  expect((await sourceFreshness('community')({ nhsNumber: '9434765919' }, {}, context)).lastUpdated).toBe('2025-05-03T09:30:00Z');
});

it("a source names its organisations as their data names them, in the order of their codes", async () => {
  const item = (id: string, odsCode: string, organisationName: string) => ({ id, provenance: { odsCode, organisationName, system: 'x', sourceId: id, version: '1', lastUpdated: '2025-05-03T09:30:00Z' } });
  const panels = { medicationAdministrations: [item('a', 'RM3', 'Northern Care Alliance NHS Foundation Trust'), item('b', 'RT2', 'Pennine Care NHS Foundation Trust')], medicationDispenses: [] };
  const context = { slices: slicesHolding(panels) } as unknown as SubgraphContext;
  const source = await sourceFreshness('acute')({ nhsNumber: '9434765919' }, {}, context);
  expect(source.organisations).toEqual(['RM3', 'RT2']);
  expect(source.organisationNames).toEqual(['Northern Care Alliance NHS Foundation Trust', 'Pennine Care NHS Foundation Trust']);
});
