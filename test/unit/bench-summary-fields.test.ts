import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPolicy, profileForJobRole } from '@shareforyou/schema';
import { readSummaryFields, readSummaryQuery, recordSummaryFromQuery, recordSummaryQueries, summaryFields, summaryFieldsMissing } from '../../tools/src/bench/queries';
import { findDemoUser } from '../../tools/src/demo/users';

/**
 * The record summary restricted to another build's sections (--summary-fields): the same work on two
 * builds, so a regression is told from a record that grew (docs/performance.md, issue #18).
 */

const profile = profileForJobRole(loadPolicy(), findDemoUser('gp').jobRole)!;
const dir = mkdtempSync(join(tmpdir(), 'summary-fields-'));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe('bench: the record summary on named sections', () => {
  it('asks only the named Patient fields, each as whole as the full summary asks it', () => {
    const queries = recordSummaryQueries(profile, { registry: ['name'], gp: ['medications'] });
    expect(queries.perSubgraph.map((p) => p.subgraph)).toEqual(['registry', 'gp']);
    expect(queries.gateway).toMatch(/\bmedications \{/);
    expect(queries.gateway).not.toMatch(/\ballergies\b/);
    // The same selection as the full summary's for that field.
    const full = recordSummaryQueries(profile).gateway;
    const medications = /medications \{[^}]*\}/.exec(queries.gateway)![0];
    expect(full).toContain(medications);
  });

  it('without a list asks every field the profile may see', () => {
    const all = summaryFields(profile);
    expect(recordSummaryQueries(profile).gateway).toBe(recordSummaryQueries(profile, all).gateway);
  });

  it('names the fields this build no longer has, so a run says what it left out', () => {
    expect(summaryFieldsMissing(profile, { gp: ['medications', 'noSuchField'], gone: ['x'] })).toEqual(['gp.noSuchField', 'gone.x']);
  });

  it('reads the 497c753 baseline: 54 sections, all still served', () => {
    const baseline = readSummaryFields(join(__dirname, '../../tools/src/bench/baselines/summary-fields-497c753.json'));
    expect(Object.values(baseline).flat()).toHaveLength(54);
    expect(summaryFieldsMissing(profile, baseline)).toEqual([]);
  });

  it('refuses a file that is not JSON, or not fields by subgraph, naming how to write one', () => {
    expect(() => readSummaryFields(file('broken.json', '{'))).toThrow(/--print-summary-fields/);
    expect(() => readSummaryFields(file('shape.json', '{"gp": "medications"}'))).toThrow(/expected \{ "<subgraph>"/);
    expect(() => readSummaryFields(join(dir, 'absent.json'))).toThrow(/--summary-fields/);
  });
});

describe('bench: the record summary as another build asked it (--summary-query)', () => {
  const baseline = join(__dirname, '../../tools/src/bench/baselines/summary-query-497c753.json');

  it('asks the 497c753 query itself, less only what this build has renamed, naming each', () => {
    const { queries, leftOut } = recordSummaryFromQuery(readSummaryQuery(baseline));
    // #18 renamed the alert and care plan fields (raised -> start, category -> categories, ...): left out and said.
    expect([...new Set(leftOut)].sort()).toEqual(['Alert.category', 'Alert.ended', 'Alert.raised', 'Alert.raisedBy', 'CarePlan.activities', 'CarePlan.activityDetails', 'CarePlan.category', 'CarePlan.summary']);
    // Every other field with the subfields it had then, not as whole as today's schema would make it.
    expect(queries.gateway).toMatch(/medications \{/);
    expect(queries.gateway).not.toMatch(/courseDisagreement|sameMedicineAs|combined/);
    expect(queries.gateway.replace(/\s+/g, ' ').length).toBeLessThan(recordSummaryQueries(profile).gateway.length / 2);
    // The floor: the same selection, split by the subgraph that owns each field.
    expect(queries.perSubgraph.map((p) => p.subgraph)).toEqual(['registry', 'gp', 'acute', 'mental-health', 'community', 'social-care']);
    expect(queries.perSubgraph.find((p) => p.subgraph === 'gp')!.query).toMatch(/_entities\(representations: \$representations\) \{ \.\.\. on Patient \{ nhsNumber .*medications \{/);
    expect(queries.perSubgraph.find((p) => p.subgraph === 'gp')!.query).not.toMatch(/hospitalAllergies/);
  });

  it('leaves out a field this build has not got, and one whose subfields are all gone', () => {
    const { queries, leftOut } = recordSummaryFromQuery('query RecordSummary($nhsNumber: String!) { patient(nhsNumber: $nhsNumber) { nhsNumber medications { id noSuchField } alerts { raised } gone } }');
    expect(leftOut).toEqual(['Medication.noSuchField', 'Alert.raised', 'Patient.alerts', 'Patient.gone']);
    expect(queries.gateway.replace(/\s+/g, ' ')).toContain('patient(nhsNumber: $nhsNumber) { nhsNumber medications { id } }');
  });

  it('refuses a file without a gateway query, naming how to write one', () => {
    expect(() => readSummaryQuery(file('broken-query.json', '{'))).toThrow(/--print-summary-query/);
    expect(() => readSummaryQuery(file('no-query.json', '{"perSubgraph": []}'))).toThrow(/expected \{ "gateway"/);
  });
});
