import { parse } from 'graphql';
import { deadlineFromBudget, DEFAULT_SUBGRAPH_BUDGET_MS } from '../../subgraphs/kit/src/deadline';
import { callBudgetMs, DEFAULT_SOURCE_TIMEOUT_MS, requestDeadlineMs, sourceTimeoutMs } from '../../gateway/src/sourceDeadlines';
import { pathsCost } from '../../gateway/src/subgraphCalls';
import { formatGatewayError } from '../../gateway/src/sourceErrors';

describe('source timeouts and the request deadline', () => {
  it('a source timeout is configurable per source, then for all, with a default of a few seconds', () => {
    expect(sourceTimeoutMs('community', {})).toBe(DEFAULT_SOURCE_TIMEOUT_MS);
    expect(sourceTimeoutMs('community', { SOURCE_TIMEOUT_MS: '1500' })).toBe(1500);
    expect(sourceTimeoutMs('mental-health', { SOURCE_TIMEOUT_MS: '1500', SOURCE_TIMEOUT_MS_MENTAL_HEALTH: '800' })).toBe(800);
    expect(() => sourceTimeoutMs('gp', { SOURCE_TIMEOUT_MS_GP: 'soon' })).toThrow(/SOURCE_TIMEOUT_MS_GP must be a whole number/);
    expect(requestDeadlineMs({ REQUEST_DEADLINE_MS: '4000' })).toBe(4000);
  });

  it('a call never outlives the request deadline', () => {
    expect(callBudgetMs(3000, 10_000, 5_000)).toBe(3000);
    expect(callBudgetMs(3000, 6_000, 5_000)).toBe(1000);
    expect(callBudgetMs(3000, 4_000, 5_000)).toBe(0);
  });

  it('a subgraph turns the budget header into a deadline on its own clock', () => {
    expect(deadlineFromBudget('1200', 1000)).toBe(2200);
    expect(deadlineFromBudget(undefined, 1000)).toBe(1000 + DEFAULT_SUBGRAPH_BUDGET_MS);
    expect(deadlineFromBudget('-5', 1000)).toBeNull();
    expect(deadlineFromBudget('soon', 1000)).toBeNull();
  });
});

describe('what a failed source call costs', () => {
  it('names the entity fields under the path the fetch was made at', () => {
    const document = parse('query($representations:[_Any!]!){ _entities(representations:$representations){ ... on Patient { communityEpisodes { id } alias: communityCarePlans { id } __typename } } }');
    expect(pathsCost(document, ['patient'])).toEqual(['patient.communityEpisodes', 'patient.alias']);
  });

  it('names the root fields of a root fetch', () => {
    expect(pathsCost(parse('{ patient(nhsNumber: "1") { nhsNumber } myOrganisation { name } }'))).toEqual(['patient', 'myOrganisation']);
  });
});

describe('gateway error formatting', () => {
  it('an error a subgraph answered with is SOURCE_FAILED, not "did not answer", and carries no internal text', () => {
    const formatted = formatGatewayError({ message: 'Cannot read properties of undefined (reading "x") at /app/subgraphs/gp/src/resolvers.ts:12', path: ['patient', 'medications'], extensions: { code: 'INTERNAL_SERVER_ERROR', serviceName: 'gp', stacktrace: ['at x'] } });
    expect(formatted.extensions).toEqual({ code: 'SOURCE_FAILED', serviceName: 'gp' });
    expect(formatted.message).not.toMatch(/Cannot read|\.ts|\/app/);
  });

  it('an unknown gateway error is INTERNAL_ERROR without its text', () => {
    const formatted = formatGatewayError({ message: 'Context creation failed: TypeError: x is not a function', extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at /app/gateway/src/server.ts:1'] } });
    expect(formatted.extensions).toEqual({ code: 'INTERNAL_ERROR' });
    expect(JSON.stringify(formatted)).not.toMatch(/TypeError|server\.ts|Context creation/);
  });

  it('our own codes pass with their extensions, minus any stack trace', () => {
    const formatted = formatGatewayError({ message: 'denied', extensions: { code: 'FORBIDDEN_FIELD', field: 'Patient.x', stacktrace: ['at y'] } });
    expect(formatted.extensions).toEqual({ code: 'FORBIDDEN_FIELD', field: 'Patient.x' });
  });
});
