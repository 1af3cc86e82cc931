import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { categoriesOf, loadPolicy } from '@shareforyou/schema';
import { ErrorCode } from '../errors';
import type { SubgraphContext } from '../context';
import type { AuditedField, AuditEventContent } from './auditRecords';
import type { AuditTrail } from './auditTrail';
import { disclosedNhsNumber } from './disclosure';
import { errorDetail, serviceLogger } from '../logger';

/**
 * Records every field a subgraph resolves for a patient, and every denial, and writes them before
 * the response leaves. No audit, no data: if the write fails the response is replaced by
 * AUDIT_UNAVAILABLE.
 *
 * Patient attribution: a Patient field's parent carries the NHS number; every object it returns is
 * remembered as belonging to that patient, so nested fields (Medication.medication, Provenance...)
 * are attributed without walking paths.
 */

const ROOT_TYPES = new Set(['Query', 'Mutation']);
const NOT_AUDITED = new Set(['Query._entities', 'Query._service', '_Service.sdl']);
/** Root arguments kept in the event detail: never patient data beyond the NHS number itself. */
const DETAIL_ARGUMENTS = new Set(['nhsNumber', 'nhsNumbers', 'odsCode', 'userId', 'from', 'to', 'filter', 'threshold', 'breakGlassId', 'outcome', 'relation', 'reason', 'first', 'after']);

type Recorded = Map<string | null, Map<string, AuditedField>>;

function errorCode(error: unknown): string {
  return error instanceof GraphQLError ? String(error.extensions?.code ?? 'ERROR') : 'ERROR';
}

function rememberOwner(owner: WeakMap<object, string>, value: unknown, nhsNumber: string): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) value.forEach((item) => rememberOwner(owner, item, nhsNumber));
  else owner.set(value, nhsNumber);
}

/** A root field's results marked as disclosing patients (a trace): each is attributed to its own NHS number. */
function rememberDisclosed(owner: WeakMap<object, string>, result: unknown): void {
  for (const item of Array.isArray(result) ? result : [result]) {
    const nhsNumber = disclosedNhsNumber(item);
    if (nhsNumber) owner.set(item as object, nhsNumber);
  }
}

function detailOf(args: Record<string, unknown>): Record<string, unknown> | null {
  const kept = Object.entries(args ?? {}).filter(([key, value]) => DETAIL_ARGUMENTS.has(key) && value !== undefined);
  if (kept.length === 0) return null;
  // Stored as strings so the seal re-hashes identically after a round trip through the store.
  return Object.fromEntries(kept.map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)]));
}

export function auditPlugin(subgraph: string, trail: AuditTrail): ApolloServerPlugin<SubgraphContext> {
  return {
    async requestDidStart() {
      const recorded: Recorded = new Map();
      const owner = new WeakMap<object, string>();
      let rootDetail: Record<string, unknown> | null = null;

      const record = (nhsNumber: string | null, coordinate: string, outcome: 'allowed' | 'denied', reason: string | null) => {
        let fields = recorded.get(nhsNumber);
        if (!fields) recorded.set(nhsNumber, (fields = new Map()));
        const key = `${coordinate}:${outcome}`;
        if (!fields.has(key)) fields.set(key, { coordinate, outcome, reason });
      };

      return {
        async executionDidStart() {
          return {
            willResolveField({ source, args, info }) {
              const typeName = info.parentType.name;
              const coordinate = `${typeName}.${info.fieldName}`;
              if (NOT_AUDITED.has(coordinate)) return;
              const isRoot = ROOT_TYPES.has(typeName);
              let nhsNumber: string | null | undefined;
              if (isRoot) {
                nhsNumber = typeof args?.nhsNumber === 'string' ? args.nhsNumber : null;
                rootDetail = { ...(rootDetail ?? {}), ...(detailOf(args) ?? {}) };
              } else if (typeName === 'Patient') {
                nhsNumber = (source as { nhsNumber?: string })?.nhsNumber;
              } else if (source && typeof source === 'object') {
                nhsNumber = owner.get(source);
              }
              if (nhsNumber === undefined) return; // not patient data (e.g. the organisation register)
              return (error, result) => {
                // graphql-shield returns its denial as the field's value rather than throwing it.
                const failure = error ?? (result instanceof Error ? result : null);
                if (failure) {
                  record(nhsNumber!, coordinate, 'denied', errorCode(failure));
                  return;
                }
                record(nhsNumber!, coordinate, 'allowed', null);
                if (nhsNumber !== null) rememberOwner(owner, result, nhsNumber);
                else if (isRoot) rememberDisclosed(owner, result);
              };
            },
          };
        },

        async willSendResponse(requestContext: GraphQLRequestContextWillSendResponse<SubgraphContext>) {
          const { contextValue: context } = requestContext;
          if (!context?.identity) return;
          // Patient-level decisions (opt-out, no relationship, break-glass) are denials or markers too.
          for (const [nhsNumber, decision] of context.access.decisions) {
            if (!decision.allowed) record(nhsNumber, 'Patient', 'denied', decision.code);
          }
          const events = buildEvents(subgraph, requestContext, recorded, rootDetail);
          if (events.length === 0) return;
          try {
            await trail.append(events);
          } catch (error) {
            // The reason only (a database error), never the events: they hold patient data.
            serviceLogger(subgraph).error({ requestId: context.identity.requestId, ...errorDetail(error) }, 'audit write failed: answering AUDIT_UNAVAILABLE');
            failClosed(requestContext);
          }
        },
      };
    },
  };
}

function buildEvents(
  subgraph: string,
  requestContext: GraphQLRequestContextWillSendResponse<SubgraphContext>,
  recorded: Recorded,
  rootDetail: Record<string, unknown> | null,
): AuditEventContent[] {
  const { identity, access } = requestContext.contextValue;
  const policy = loadPolicy();
  const at = new Date();
  return [...recorded].map(([nhsNumber, fieldMap]) => {
    const fields = [...fieldMap.values()].sort((a, b) => a.coordinate.localeCompare(b.coordinate));
    const viewed = fields.filter((f) => f.outcome === 'allowed').map((f) => f.coordinate);
    const denials = fields.filter((f) => f.outcome === 'denied').map((f) => ({ coordinate: f.coordinate, reason: f.reason ?? 'ERROR' }));
    const decision = nhsNumber ? access.decisions.get(nhsNumber) : undefined;
    const breakGlass =
      decision?.allowed && decision.basis === 'break-glass'
        ? { id: decision.breakGlass.id, reason: decision.breakGlass.reason, detail: decision.breakGlass.detail }
        : null;
    return {
      requestId: identity.requestId,
      at,
      subgraph,
      operationName: requestContext.operationName ?? null,
      client: { operationName: identity.operationName ?? null, application: identity.application ?? null, internal: identity.internal === true },
      user: {
        id: identity.userId,
        name: identity.name,
        odsCode: identity.odsCode,
        jobRole: identity.jobRole,
        profile: identity.profile,
        familyName: identity.familyName ?? null,
      },
      nhsNumber,
      viewed,
      denials,
      categories: categoriesOf(policy, viewed),
      denied: denials.length > 0,
      breakGlass,
      detail: nhsNumber === null ? rootDetail : null,
    };
  });
}

/** Replaces whatever was about to be sent with AUDIT_UNAVAILABLE and no data. */
function failClosed(requestContext: GraphQLRequestContextWillSendResponse<SubgraphContext>): void {
  const error = {
    message: 'The audit trail cannot be written just now, so no record data is served. Try again shortly; if it persists, the audit store needs attention.',
    extensions: { code: ErrorCode.AUDIT_UNAVAILABLE },
  };
  const { body } = requestContext.response;
  if (body.kind === 'single') {
    body.singleResult.data = null;
    body.singleResult.errors = [error];
    delete body.singleResult.extensions;
  } else {
    requestContext.response.body = { kind: 'single', singleResult: { data: null, errors: [error] } };
  }
}
