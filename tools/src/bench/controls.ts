import { CONTROLS_OFF_VARIABLE, type Control } from '@shareforyou/kit';

/**
 * "Controls off": the configuration the benchmark compares against to price the product's own
 * controls. The services read SHAREFORYOU_BENCH_CONTROLS_OFF in one place (subgraphs/kit/src/benchControls.ts,
 * refused when NODE_ENV=production):
 *
 *   audit          subgraphs: no audit plugin (nothing recorded, nothing written before the response)
 *   fieldRules     subgraphs: the schema is served without the graphql-shield field rules
 *   relationships  subgraphs: no per-patient decision (care relationship, opt-out, break-glass)
 *   requestLimits  gateway: no graphql-armor limits (depth, cost, aliases, tokens)
 *   partyCheck     gateway: no "is the user's organisation an active party" check
 *
 * The bench starts a second stack with all of them off, then probes (probes.ts) which ones the
 * services really switched off, and labels the results with those.
 */

export { CONTROLS_OFF_VARIABLE, type Control };

export const CONTROLS: readonly Control[] = ['audit', 'fieldRules', 'relationships', 'requestLimits', 'partyCheck'];

/** The extra environment for the controls-off stack. */
export function controlsOffEnvironment(controls: Iterable<Control> = CONTROLS): NodeJS.ProcessEnv {
  return { [CONTROLS_OFF_VARIABLE]: [...controls].join(',') };
}
