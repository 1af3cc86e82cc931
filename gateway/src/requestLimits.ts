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

// The whole-record summary (every field a clinician may see, every source) is about 5,320 tokens
// since social care holds the clinical catalogue's types and the trust and community services their
// Lists, documents and medicines given (it was about 4,330; 3,400 before the mental health and
// community slices held allergies, medicines, procedures and the rest); the limit keeps a fifth to spare.
export const MAX_TOKENS = 7_000;
