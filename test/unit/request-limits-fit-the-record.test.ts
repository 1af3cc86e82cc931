import { Lexer, Source, TokenKind } from 'graphql';
import { MAX_TOKENS } from '../../gateway/src/requestLimits';
import { caseloadQueries, combinedRecordQuery, recordSummaryQueries } from '../../tools/src/bench/queries';

/**
 * The gateway's token limit leaves room for the largest real query: the whole record a clinician
 * may see (every field of every source, as the benchmark builds it). A field added to the schema
 * that pushes it over fails here, not as a benchmark full of 400s.
 */

const tokens = (query: string) => {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count++;
  return count;
};

it.each(['clinical', 'socialCare', 'administrative'])('the %s profile: the record summary, the combined record and a caseload fit the token limit with a fifth to spare', (profile) => {
  for (const query of [recordSummaryQueries(profile).gateway, combinedRecordQuery(profile), caseloadQueries(profile).gateway]) {
    if (query) expect(tokens(query)).toBeLessThan(MAX_TOKENS * 0.8);
  }
});

/**
 * The FHIR API's operations pass every limit the gateway puts on a client's query (they run through
 * the same Apollo server, limits included): tokens, depth and cost, each with room to spare, so a
 * field added to a catalogue type the FHIR API reads fails here, not as a 422 on every $summary.
 */
describe("the FHIR API's operations fit the gateway's request limits", () => {
  const { parse, validate } = require('graphql') as typeof import('graphql');
  const { supergraphApiSchema } = require('@shareforyou/schema/src/compose') as typeof import('@shareforyou/schema/src/compose');
  const { requestLimits } = require('../../gateway/src/requestLimits') as typeof import('../../gateway/src/requestLimits');
  const { searchOperation, summaryOperation } = require('../../gateway/src/fhir/operation') as typeof import('../../gateway/src/fhir/operation');
  const { IPS_SECTIONS } = require('../../gateway/src/fhir/sections') as typeof import('../../gateway/src/fhir/sections');
  const { SEARCH_TYPES } = require('../../gateway/src/fhir/search') as typeof import('../../gateway/src/fhir/search');
  const operations = [summaryOperation(IPS_SECTIONS.flatMap((s) => s.parts.map((p) => p.field))), ...Object.entries(SEARCH_TYPES).map(([type, spec]) => searchOperation(type, spec.fields))];

  it.each(operations.map((o) => [o.operationName, o.query]))('%s: valid against the supergraph, within depth and cost, and within 80 %% of the token limit', (_name, query) => {
    expect(tokens(query)).toBeLessThan(MAX_TOKENS * 0.8);
    const errors = validate(supergraphApiSchema(), parse(query), requestLimits().validationRules as never);
    expect(errors.map((e) => e.message)).toEqual([]);
  });
});
