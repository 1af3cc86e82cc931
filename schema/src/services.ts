/**
 * The service list: every subgraph the gateway federates. Adding an organisation's subgraph is one
 * line here (plus its folder under subgraphs/ and its SDL file beside this folder).
 * Port = SHAREFORYOU_PORT_BASE (default 4000) + offset; the gateway is the base itself.
 */
export interface SubgraphService {
  /** Subgraph name: folder under subgraphs/, SDL file schema/<name>.graphql, database name. */
  name: string;
  offset: number;
  /** What the subgraph holds, for people reading the README and the startup banner. */
  holds: string;
}

export const subgraphServices: SubgraphService[] = [
  { name: 'registry', offset: 1, holds: 'patient index, organisations, care relationships, opt-outs, break-glass' },
  { name: 'gp', offset: 2, holds: 'GP practice record: medications, allergies, problems, immunisations, consultations' },
  { name: 'acute', offset: 3, holds: 'hospital record: admissions, A&E attendances, outpatients, discharge summaries, results' },
  { name: 'mental-health', offset: 4, holds: 'mental health trust record: care coordinator, CPA, crisis plan, episodes, risk' },
  { name: 'community', offset: 5, holds: 'community services record: episodes of care, visits, care plans' },
  { name: 'social-care', offset: 6, holds: 'council social care record: allocated worker, care packages, assessments, carers, safeguarding' },
  { name: 'audit', offset: 7, holds: 'access log queries and monitoring reports (privacy officers)' },
  { name: 'combined', offset: 9, holds: 'the combined record: each clinical section computed once from every source, the same fact merged, disagreements said' },
];

export const DEFAULT_PORT_BASE = 4000;

export function portBase(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.SHAREFORYOU_PORT_BASE;
  if (!raw) return DEFAULT_PORT_BASE;
  const base = Number(raw);
  if (!Number.isInteger(base) || base < 1024 || base > 65000) {
    throw new Error(`SHAREFORYOU_PORT_BASE must be a port number between 1024 and 65000, got "${raw}"`);
  }
  return base;
}

export function findService(name: string): SubgraphService {
  const service = subgraphServices.find((s) => s.name === name);
  if (!service) throw new Error(`Unknown subgraph "${name}". Known: ${subgraphServices.map((s) => s.name).join(', ')}`);
  return service;
}

/** Env name for overriding one subgraph's URL, e.g. SUBGRAPH_URL_MENTAL_HEALTH. */
export function subgraphUrlVariable(name: string): string {
  return `SUBGRAPH_URL_${name.toUpperCase().replace(/-/g, '_')}`;
}

export function subgraphPort(name: string, env: NodeJS.ProcessEnv = process.env): number {
  return portBase(env) + findService(name).offset;
}

export function subgraphUrl(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return env[subgraphUrlVariable(name)] ?? `http://127.0.0.1:${subgraphPort(name, env)}/graphql`;
}

export function gatewayPort(env: NodeJS.ProcessEnv = process.env): number {
  return env.GATEWAY_PORT ? Number(env.GATEWAY_PORT) : portBase(env);
}

/** Patient.<name>Source, each organisation subgraph's freshness field: gp -> gpSource, mental-health -> mentalHealthSource. */
export function sourceFieldName(subgraph: string): string {
  return `${subgraph.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())}Source`;
}

/**
 * The names a local browser may use for this machine: a page opened at localhost is another origin
 * than the same page at 127.0.0.1, and both must work (the sign-in provider's redirect URIs, the
 * gateway's CORS list). Local development only.
 */
export const LOCAL_HOSTS = ['127.0.0.1', 'localhost'] as const;

/** The local origins of a port, under each local host name; the first is the one the tools print. */
export const localOrigins = (port: number): string[] => LOCAL_HOSTS.map((host) => `http://${host}:${port}`);
