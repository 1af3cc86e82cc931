import { userToken } from '../demo/tokens';
import { findDemoUser } from '../demo/users';
import type { Control } from './controls';
import { scrapeMetrics } from './metrics';

/**
 * Asks a running gateway whether each control is in force, by doing what the control forbids.
 * Run on both stacks: on the controls-on stack every answer must be "on" (that checks the probes);
 * on the controls-off stack it shows which controls the services actually switched off.
 */

export type ControlState = 'on' | 'off' | 'unclear';

async function ask(url: string, userKey: string, query: string, variables: Record<string, unknown> = {}): Promise<{ codes: string[]; hasData: boolean; text: string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${userToken(findDemoUser(userKey))}` },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  let body: { data?: unknown; errors?: Array<{ message?: string; extensions?: { code?: string } }> } = {};
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: reported as unclear
  }
  return { codes: (body.errors ?? []).map((e) => String(e.extensions?.code ?? e.message ?? '')), hasData: !!body.data && JSON.stringify(body.data) !== 'null', text };
}

function state(codes: string[], onWhen: (code: string) => boolean, hasData: boolean): ControlState {
  if (codes.some(onWhen)) return 'on';
  return codes.length === 0 && hasData ? 'off' : 'unclear';
}

export async function probeControls(options: { gatewayUrl: string; env: NodeJS.ProcessEnv; nhsNumber: string }): Promise<Record<Control, ControlState>> {
  const { gatewayUrl: url, nhsNumber } = options;
  const before = await scrapeMetrics(options.env);
  const opened = await ask(url, 'gp', 'query Probe($n: String!) { patient(nhsNumber: $n) { nhsNumber medications { id } } }', { n: nhsNumber });
  const after = await scrapeMetrics(options.env);
  const written = [...after.auditWrites].reduce((sum, [s, v]) => sum + v - (before.auditWrites.get(s) ?? 0), 0);
  const audit: ControlState = opened.codes.length || !opened.hasData ? 'unclear' : written > 0 ? 'on' : 'off';

  const receptionist = await ask(url, 'receptionist', 'query Probe($n: String!) { patient(nhsNumber: $n) { nhsNumber medications { id } } }', { n: nhsNumber });
  const otherPractice = await ask(url, 'other-gp', 'query Probe($n: String!) { patient(nhsNumber: $n) { nhsNumber } }', { n: nhsNumber });
  const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: myOrganisation { name }`).join(' ');
  const manyAliases = await ask(url, 'gp', `query Probe { ${aliases} }`);
  const nonParty = await ask(url, 'non-party', 'query Probe { myOrganisation { name } }');

  return {
    audit,
    fieldRules: state(receptionist.codes, (c) => c === 'FORBIDDEN_FIELD', receptionist.hasData),
    relationships: state(otherPractice.codes, (c) => c === 'NO_CARE_RELATIONSHIP', otherPractice.hasData),
    requestLimits: state(manyAliases.codes, (c) => c !== '' && !['FORBIDDEN_FIELD', 'NO_CARE_RELATIONSHIP', 'ORGANISATION_NOT_PARTY'].includes(c), manyAliases.hasData),
    partyCheck: state(nonParty.codes, (c) => c === 'ORGANISATION_NOT_PARTY', nonParty.hasData),
  };
}
