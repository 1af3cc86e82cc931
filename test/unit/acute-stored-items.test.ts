import { slicesHolding } from '../support/slicesHolding';
import { buildSchema, isObjectType, parse, type GraphQLSchema } from 'graphql';
import { commonResolvers } from '../../subgraphs/kit/src/slice/commonResolvers';
import type { SubgraphContext } from '../../subgraphs/kit/src/context';
import { faultOf } from '../../subgraphs/kit/src/slice/unreadableItems';
import { acuteResolvers } from '../../subgraphs/acute/src/resolvers';
import { loadSubgraphSdl } from '../../schema/src/sdl';

/**
 * Items the acute feed stored before it kept every element (the shapes its mapping wrote then)
 * stay readable under today's schema: an older admission must not vanish from the record as
 * ITEM_UNREADABLE because a field was added. Pure: the acute SDL and an in-memory slice.
 */

// The federation directives are the gateway's business; the types are what an item is checked against.
const schema: GraphQLSchema = buildSchema(
  `type Query { _unused: String }\n${loadSubgraphSdl('acute').replace(/^extend schema.*$/m, '').replace(/@key\([^)]*\)|@shareable/g, '')}`,
);

// Fields the subgraph resolves (linked ids, a report's results) are the resolvers' to answer, as in the subgraph.
const common = commonResolvers(parse(loadSubgraphSdl('acute'))) as Record<string, Record<string, unknown>>;
for (const [typeName, fields] of Object.entries({ TestResult: common.TestResult, TestReport: acuteResolvers.TestReport, CodeableConcept: common.CodeableConcept })) {
  for (const [name, resolve] of Object.entries(fields)) (schema.getType(typeName) as any).getFields()[name].resolve = resolve;
}

const provenance = { odsCode: 'RM3', organisationName: 'Northern Care Alliance NHS Foundation Trust', system: 'Allscripts Sunrise', sourceId: 'x', version: '1', lastUpdated: '2025-05-03T10:00:00.000Z' };
const concept = { system: 'http://snomed.info/sct', code: '1912002', display: 'Fall' };
const before = {
  admissions: [{ id: 'RM3/Encounter/a', status: 'finished', admitted: '2025-04-28T14:10:00Z', discharged: '2025-05-03T09:00:00Z', reason: concept, otherReasons: [], specialty: null, ward: 'Ward 7', consultant: 'Dr A Patel', admissionSource: 'From A&E', dischargeDestination: 'Home', provenance }],
  aeAttendances: [{ id: 'RM3/Encounter/e', status: 'finished', arrival: '2025-04-28T10:02:00Z', departure: null, reason: concept, otherReasons: [], department: 'ED', clinician: null, outcome: 'Admitted', provenance }],
  outpatientAppointments: [{ id: 'RM3/Appointment/o', status: 'booked', start: '2025-06-10T09:30:00Z', end: null, specialty: concept, clinic: 'Fracture clinic', site: 'Rochdale Infirmary', clinician: null, description: null, bookedOn: '2025-04-01', provenance }],
  dischargeSummaries: [{ id: 'RM3/DocumentReference/d', type: concept, title: 'Discharge summary', date: '2025-05-03T10:00:00Z', status: 'current', summary: 'Text', author: 'Dr A Patel', admitted: null, discharged: null, provenance }],
  testResults: [{ id: 'RM3/Observation/x', code: { system: 'http://loinc.org', code: '718-7', display: 'Haemoglobin' }, status: 'final', category: 'Laboratory', value: '128', unit: 'g/L', referenceRange: '130 - 180 g/L', interpretation: null, abnormal: null, effectiveDate: '2025-04-28T15:00:00Z', provenance: { ...provenance, sourceId: 'x' } }],
  testReports: [{ id: 'RM3/DiagnosticReport/r', code: concept, name: 'Full blood count', status: 'final', effectiveDate: '2025-04-28T15:00:00Z', conclusion: null, resultSourceIds: ['x'], provenance }],
};

const context = { slices: slicesHolding(before) } as unknown as SubgraphContext;
const parent = { nhsNumber: '9434765919' };
const TYPES: Record<string, string> = { admissions: 'Admission', aeAttendances: 'AeAttendance', outpatientAppointments: 'OutpatientAppointment', dischargeSummaries: 'DischargeSummary', testResults: 'TestResult', testReports: 'TestReport' };

describe('acute: items stored under the earlier mapping stay readable', () => {
  it.each(Object.entries(TYPES))('%s', async (field, typeName) => {
    const resolve = (acuteResolvers.Patient as Record<string, (...args: any[]) => Promise<any[]>>)[field];
    const items = await resolve(parent, {}, context);
    const type = schema.getType(typeName);
    expect(isObjectType(type)).toBe(true);
    expect(items).toHaveLength(1);
    expect(items.map((item) => faultOf(item, type as never, typeName))).toEqual([null]);
  });

  it('the older items say the safe thing: a finished stay is not current, a booked appointment is', async () => {
    const [admission] = await acuteResolvers.Patient.admissions(parent, {}, context);
    const [appointment] = await acuteResolvers.Patient.outpatientAppointments(parent, {}, context);
    expect({ admission: admission.current, appointment: appointment.current }).toEqual({ admission: false, appointment: true });
  });
});
