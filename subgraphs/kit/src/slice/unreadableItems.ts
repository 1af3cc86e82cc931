import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  responsePathAsArray,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import type { SubgraphContext } from '../context';
import { ErrorCode } from '../errors';

/**
 * No stored item can break reading a patient's record. Feeds validate before writing, but an item
 * stored under an older rule (or damaged) would otherwise make its whole list unreadable: a
 * missing non-null field nulls the list, and the clinician would see "the source did not answer".
 * Each item is checked against its GraphQL type before it is returned; one that cannot be shown
 * is left out and named in an ITEM_UNREADABLE error, and the rest of the section is served.
 */

export type { UnreadableItem } from '../context';

const MAX_DEPTH = 6;

type OwnResolver = (typeName: string, field: GraphQLField<unknown, unknown>) => boolean;

/**
 * The fields a subgraph answers with resolvers of its own, by served schema. The field rules
 * (graphql-shield) wrap every field in a resolver, so the served schema alone cannot tell a stored
 * value from a computed one: without this, every item would pass unchecked.
 */
const ownResolvedFields = new WeakMap<GraphQLSchema, Set<string>>();

export function recordOwnResolvers(schema: GraphQLSchema, resolvers: Record<string, unknown>): GraphQLSchema {
  const fields = new Set<string>();
  for (const [typeName, map] of Object.entries(resolvers)) {
    if (map && typeof map === 'object') for (const fieldName of Object.keys(map)) fields.add(`${typeName}.${fieldName}`);
  }
  ownResolvedFields.set(schema, fields);
  return schema;
}

const resolverOnSchema: OwnResolver = (_typeName, field) => !!field.resolve;

/** Why the value cannot be shown as the type, or null when it can. Fields with their own resolvers are theirs to answer. */
export function faultOf(value: unknown, type: GraphQLOutputType, at: string, depth = 0, ownResolver: OwnResolver = resolverOnSchema): string | null {
  if (value === null || value === undefined) return isNonNullType(type) ? `${at} is missing` : null;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    if (!Array.isArray(value)) return `${at} is not a list`;
    for (let i = 0; i < value.length; i += 1) {
      const fault = faultOf(value[i], inner.ofType, `${at}[${i}]`, depth + 1, ownResolver);
      if (fault) return fault;
    }
    return null;
  }
  if (isScalarType(inner) || isEnumType(inner)) {
    try {
      return inner.serialize(value) === undefined ? `${at} is not a valid ${inner.name}` : null;
    } catch {
      return `${at} is not a valid ${inner.name}`;
    }
  }
  if (isObjectType(inner)) {
    if (typeof value !== 'object' || depth > MAX_DEPTH) return depth > MAX_DEPTH ? null : `${at} is not an object`;
    for (const field of Object.values(inner.getFields())) {
      if (ownResolver(inner.name, field)) continue;
      const fault = faultOf((value as Record<string, unknown>)[field.name], field.type, `${at}.${field.name}`, depth + 1, ownResolver);
      if (fault) return fault;
    }
  }
  return null;
}

/** The items a list field may show; the others are recorded on the context for the response. */
export function readableItems<T extends { id: string }>(items: T[], info: GraphQLResolveInfo | undefined, context: SubgraphContext): T[] {
  if (!info) return items;
  const itemType = getNamedType(info.returnType);
  if (!isObjectType(itemType)) return items;
  const path = responsePathAsArray(info.path);
  const own = ownResolvedFields.get(info.schema);
  const ownResolver: OwnResolver = own ? (typeName, field) => own.has(`${typeName}.${field.name}`) : resolverOnSchema;
  return items.filter((item) => {
    const fault = faultOf(item, itemType, itemType.name, 0, ownResolver);
    if (!fault) return true;
    (context.unreadable ??= []).push({ path, itemId: String(item.id), fault });
    return false;
  });
}

/** Adds one ITEM_UNREADABLE error per item left out, naming it, beside the data that was served. */
export function unreadableItemsPlugin(log: (message: string) => void): ApolloServerPlugin<SubgraphContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const unreadable = contextValue?.unreadable;
          if (!unreadable?.length || response.body.kind !== 'single') return;
          for (const item of unreadable) log(`item ${item.itemId} left out of a read: ${item.fault}`);
          const result = response.body.singleResult;
          result.errors = [
            ...(result.errors ?? []),
            ...unreadable.map((item) => ({
              message: `One item could not be shown and was left out (${item.itemId}: ${item.fault}); the rest of this section is complete. The source should send the item again.`,
              path: item.path,
              extensions: { code: ErrorCode.ITEM_UNREADABLE, itemId: item.itemId },
            })),
          ];
        },
      };
    },
  };
}
