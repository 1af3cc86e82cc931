import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isSpecifiedScalarType, type GraphQLSchema } from 'graphql';
import { classifyField, loadPolicy, loadSupergraphSdl, parsePolicy, renderPolicyTable, SCHEMA_DIR } from '@shareforyou/schema';
import { composeSupergraph, supergraphApiSchema } from '@shareforyou/schema/src/compose';

describe('the schema contract', () => {
  it('the committed supergraph is what the subgraph SDLs compose to (run npm run compose)', () => {
    expect(loadSupergraphSdl()).toBe(composeSupergraph());
  });

  it('every field of the supergraph is classified by the access policy (new fields are denied until classified)', () => {
    const api = supergraphApiSchema();
    const policy = loadPolicy();
    const unclassified: string[] = [];
    for (const type of Object.values(api.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.keys(type.getFields())) {
        if (classifyField(policy, type.name, field).kind === 'unclassified') unclassified.push(`${type.name}.${field}`);
      }
    }
    expect(unclassified).toEqual([]);
  });

  it('every type, field, argument and enum value of the supergraph says what it means (a description), as every field is classified', () => {
    const { undescribed, staleAllowances } = undescribedCoordinates(supergraphApiSchema(), STILL_TO_DESCRIBE);
    expect({ undescribed, staleAllowances }).toEqual({ undescribed: [], staleAllowances: [] });
  });

  it('refuses a policy that names a category nobody defined', () => {
    const broken = readFileSync(join(SCHEMA_DIR, 'policy.yaml'), 'utf8').replace('medications: medications', 'medications: medicationz');
    expect(() => parsePolicy(broken)).toThrow(/unknown category medicationz/);
  });

  it('maps unknown job roles to no profile at all', () => {
    expect(loadPolicy().jobRoles.R9999).toBeUndefined();
  });

});

describe('the README', () => {
  it('shows the current policy in "Who can see what" (run npm run policy:table)', () => {
    const readme = readFileSync(join(SCHEMA_DIR, '..', 'README.md'), 'utf8');
    const section = readme.split('<!-- policy-table:start -->\n')[1]?.split('\n<!-- policy-table:end -->')[0];
    expect(section).toBe(renderPolicyTable(loadPolicy()));
  });
});

describe('view only', () => {
  it('the public API has no mutation that writes clinical or care data: only opt-out/in, break-glass and privacy-office records', () => {
    const mutations = Object.keys(supergraphApiSchema().getMutationType()?.getFields() ?? {}).sort();
    // The privacy office's own records: reviews, links, and running a verification of the trail, now or as a job (writes its result).
    expect(mutations).toEqual(['declareBreakGlass', 'recordBreakGlassReview', 'recordMonitoringFindingReview', 'recordOptIn', 'recordOptOut', 'recordStaffPatientLink', 'runAuditVerification', 'startAuditVerification']);
  });
});

// Acute-owned types whose descriptions come with the acute slice's rewrite. Delete each name as
// its type and fields are described; the contract test fails on a name here that needs nothing.
const STILL_TO_DESCRIBE: string[] = [];

/** Types, fields, arguments and enum values without a description (skipping allowed types), and allowed types that need none. */
function undescribedCoordinates(api: GraphQLSchema, allowed: string[]) {
  const missing: string[] = [];
  for (const type of Object.values(api.getTypeMap())) {
    // Introspection, GraphQL's own scalars and federation's join__/link__ internals are not ours to describe.
    if (type.name.includes('__') || isSpecifiedScalarType(type)) continue;
    if (!type.description?.trim()) missing.push(type.name);
    if (isEnumType(type)) {
      for (const value of type.getValues()) if (!value.description?.trim()) missing.push(`${type.name}.${value.name}`);
    }
    if (!isObjectType(type) && !isInterfaceType(type) && !isInputObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.description?.trim()) missing.push(`${type.name}.${field.name}`);
      for (const arg of 'args' in field ? field.args : []) {
        if (!arg.description?.trim()) missing.push(`${type.name}.${field.name}(${arg.name}:)`);
      }
    }
  }
  const typeOf = (coordinate: string) => coordinate.split('.')[0];
  return {
    undescribed: missing.filter((coordinate) => !allowed.includes(typeOf(coordinate))),
    staleAllowances: allowed.filter((name) => !missing.some((coordinate) => typeOf(coordinate) === name)),
  };
}
