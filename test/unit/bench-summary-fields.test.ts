import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPolicy, profileForJobRole } from '@shareforyou/schema';
import { readSummaryFields, recordSummaryQueries, summaryFields, summaryFieldsMissing } from '../../tools/src/bench/queries';
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
