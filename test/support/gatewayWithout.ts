import { freePortBase } from '../../tools/src/stack/ports';
import { GATEWAY_ENTRY, spawnService, stopProcess, waitHealthy } from '../../tools/src/stack/services';
import { stackInfo } from './stackInfo';

/**
 * A second gateway over the test stack's subgraphs, except that one source points at a closed
 * port: that organisation's system is down. `offset` keeps parallel uses on separate ports.
 */
export async function gatewayWithout(subgraph: string, offset: number): Promise<{ url: string; stop: () => Promise<void> }> {
  const base = await freePortBase(stackInfo().portBase + offset);
  const variable = `SUBGRAPH_URL_${subgraph.toUpperCase().replace(/-/g, '_')}`;
  const env = { ...process.env, SHAREFORYOU_PORT_BASE: String(stackInfo().portBase), GATEWAY_PORT: String(base), [variable]: `http://127.0.0.1:${base + 9}/graphql` };
  const gateway = spawnService(`gateway-without-${subgraph}`, GATEWAY_ENTRY, env, base, true);
  try {
    await waitHealthy(gateway);
  } catch (error) {
    await stopProcess(gateway.child);
    throw error;
  }
  return { url: `http://127.0.0.1:${base}/graphql`, stop: () => stopProcess(gateway.child) };
}
