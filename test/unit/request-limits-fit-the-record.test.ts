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
