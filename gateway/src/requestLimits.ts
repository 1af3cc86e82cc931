import { ApolloArmor } from '@escape.tech/graphql-armor';

/**
 * Limits on what one query may ask for, enforced before planning: depth, cost, aliases, tokens,
 * directives. Sized for the clinician apps' real queries (a 100-patient caseload with every panel
 * passes) with headroom, not for arbitrary exploration.
 */
export function requestLimits() {
  const armor = new ApolloArmor({
    // Depth counts fields: a fragment spread is not a level (three nested fragments are not depth 10).
    maxDepth: { n: 8, flattenFragments: true },
    costLimit: { maxCost: 20_000, objectCost: 2, scalarCost: 1, depthCostFactor: 1.5 },
    maxAliases: { n: 15 },
    // The token limit is graphql-js's own (parseOptions below): armor's runs in a plugin hook,
    // where Apollo answers its refusal with a 500 instead of a 400.
    maxTokens: { enabled: false },
    maxDirectives: { n: 20 },
    blockFieldSuggestion: { enabled: true },
  });
  return { ...armor.protect(), parseOptions: { maxTokens: MAX_TOKENS } };
}

// The largest whole-record query (the clinical profile's summary or combined record: every field a
// clinician may see, every source) is about 6,630 tokens since every kind holds the kit's whole
// catalogue (issue #18 point 1: the GP's appointments, letters, reports and doses, the hospital's
// immunisations and advance decisions, every kind's relatives, ...); it was about 5,320 when only social
// care did, 4,330 before that and 3,400 before the mental health and community slices held the
// catalogue's types. The limit keeps a fifth to spare (test/unit/request-limits-fit-the-record.test.ts).
export const MAX_TOKENS = 8_500;
