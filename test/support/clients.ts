import { randomUUID } from 'node:crypto';
import { GraphQLClient } from 'graphql-request';
import mongoose, { type Connection } from 'mongoose';
import { IDENTITY_HEADER, signGatewayIdentity, type GatewayIdentity } from '@shareforyou/kit';
import { loadPolicy, profileForJobRole, subgraphUrl } from '@shareforyou/schema';
import { userToken } from '../../tools/src/demo/tokens';
import { findDemoUser, type DemoUser } from '../../tools/src/demo/users';
import { demoPatients } from '../../tools/src/synthetic';
import { parseCounter, total } from '../../tools/src/bench/stats';
import { stackInfo, testDatabaseUri } from './stackInfo';

/** How the tests talk to the running stack: as a demo user through the gateway, or as the gateway to one subgraph. */

export interface GraphQLResponse<T = any> {
  data: T | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, any> }>;
  status: number;
}

const patientByName = (name: string) => {
  const found = demoPatients.find((p) => p.name === name);
  if (!found) throw new Error(`no demo patient ${name}`);
  return found.nhsNumber;
};
export const MARGARET = () => patientByName('Margaret Ashworth');
export const DANIEL = () => patientByName('Daniel Kowalski');
export const LEAH = () => patientByName('Leah Brennan');
export const PETER = () => patientByName('Peter Holroyd');
export const AISHA = () => patientByName('Aisha Begum');

async function post(url: string, headers: Record<string, string>, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as GraphQLResponse;
  return { ...body, status: response.status };
}

/** A demo user's client on the gateway (graphql-request), returning data and errors together. */
export function asUser(key: string, options: { token?: string } = {}) {
  const token = options.token ?? userToken(findDemoUser(key));
  const client = new GraphQLClient(stackInfo().gatewayUrl, { headers: { authorization: `Bearer ${token}` }, errorPolicy: 'all' });
  return {
    token,
    client,
    async query<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
      const result = await client.rawRequest<T>(query, variables);
      return { data: result.data ?? null, errors: result.errors as GraphQLResponse['errors'], status: result.status };
    },
  };
}

/** Raw HTTP to the gateway, for malformed and unauthenticated calls. */
export function gatewayPost(headers: Record<string, string>, query: string, variables?: Record<string, unknown>) {
  return post(stackInfo().gatewayUrl, headers, query, variables);
}

/** As the gateway would call a subgraph for this user: a valid gateway-signed identity. */
export function asGatewayFor(user: DemoUser | string) {
  const demo = typeof user === 'string' ? findDemoUser(user) : user;
  const identity: GatewayIdentity = {
    userId: demo.userId,
    name: demo.name,
    odsCode: demo.odsCode,
    jobRole: demo.jobRole,
    profile: profileForJobRole(loadPolicy(), demo.jobRole) ?? 'none',
    requestId: randomUUID(),
  };
  return {
    identity,
    query: (subgraph: string, query: string, variables?: Record<string, unknown>) =>
      post(subgraphUrl(subgraph, { SHAREFORYOU_PORT_BASE: String(stackInfo().portBase) }), { [IDENTITY_HEADER]: signGatewayIdentity(identity) }, query, variables),
  };
}

export function subgraphPost(subgraph: string, headers: Record<string, string>, query: string) {
  return post(subgraphUrl(subgraph, { SHAREFORYOU_PORT_BASE: String(stackInfo().portBase) }), headers, query);
}

const connections = new Map<string, Connection>();
/** A connection to one of the tier's databases (the stack's in e2e), for asserting what is (not) stored. */
export async function database(name: string): Promise<Connection> {
  let connection = connections.get(name);
  if (!connection) {
    connection = await mongoose.createConnection(testDatabaseUri(), { dbName: name }).asPromise();
    connections.set(name, connection);
  }
  return connection;
}

export async function closeDatabases(): Promise<void> {
  await Promise.all([...connections.values()].map((c) => c.close()));
  connections.clear();
}

/**
 * The subgraph's request-path database command counter, summed over databases and commands. The
 * organisation register is left out: the gateway's party check reads it on its own schedule.
 */
export async function databaseCommands(subgraph: string): Promise<number> {
  return total(await commandsByCollection(subgraph), (collection) => collection !== 'organisations');
}

/** How many times the registry has read the organisation register (the gateway's party check). */
export async function organisationLookups(): Promise<number> {
  return total(await commandsByCollection('registry'), (collection) => collection === 'organisations');
}

async function commandsByCollection(subgraph: string) {
  const url = subgraphUrl(subgraph, { SHAREFORYOU_PORT_BASE: String(stackInfo().portBase) }).replace(/\/graphql$/, '/metrics');
  return parseCounter(await (await fetch(url)).text(), 'shareforyou_db_commands_total', ['collection']);
}

export function codes(response: GraphQLResponse): string[] {
  return (response.errors ?? []).map((e) => e.extensions?.code);
}

