import { getNamedType, GraphQLSchema, isObjectType, type GraphQLResolveInfo } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { allow, deny, rule, shield } from 'graphql-shield';
import { classifyField, profileMaySee, type AccessPolicy } from '@shareforyou/schema';
import { careRecordError, ErrorCode } from '../errors';
import type { SubgraphContext } from '../context';
import { restrictedRecordError, restrictionWithholds, withheldFromRestrictedRecord } from './restrictedRecord';

/**
 * Field-level rules, built from schema/policy.yaml for whatever schema a subgraph serves.
 * graphql-shield does the enforcing; nothing outside this module knows it is there, so it can be
 * replaced without touching any subgraph. Default deny: a field the policy does not classify is
 * refused to everyone. A patient's relatives (access/restrictedRecord) are refused to everyone when
 * the patient's record is restricted, after the role's own check.
 */

/** Federation plumbing. The gateway identity has already been verified before execution starts. */
const FEDERATION_FIELDS: Record<string, string[]> = { Query: ['_entities', '_service'], _Service: ['sdl'] };

function forbidden(info: GraphQLResolveInfo, category: string | null, isAction = false) {
  const coordinate = `${info.parentType.name}.${info.fieldName}`;
  // An action (open a record, trace, declare break-glass) the role may not perform has its own code.
  return careRecordError(
    isAction ? ErrorCode.FORBIDDEN_ACTION : ErrorCode.FORBIDDEN_FIELD,
    category
      ? `Your role may not see ${coordinate} (${category}).`
      : `${coordinate} is not classified in the access policy, so nobody may see it yet.`,
    { field: coordinate, category },
  );
}

function categoryRule(policy: AccessPolicy, category: string) {
  return rule(`category:${category}`, { cache: 'no_cache' })(
    (_parent, _args, context: SubgraphContext, info) =>
      profileMaySee(policy, context.identity.profile, category) || forbidden(info, category, policy.categories[category]?.kind === 'action'),
  );
}

/** The category rule, then: a restricted record (or one whose flag is not known) withholds the field from every role. */
function relativesRule(policy: AccessPolicy, category: string) {
  return rule(`category:${category}:unless-restricted-record`, { cache: 'no_cache' })(async (parent: { nhsNumber?: string } | null, _args, context: SubgraphContext, info) => {
    if (!profileMaySee(policy, context.identity.profile, category)) return forbidden(info, category);
    const restriction = parent?.nhsNumber ? await context.access.restriction(parent.nhsNumber) : 'unknown';
    return !restrictionWithholds(restriction) || restrictedRecordError(`${info.parentType.name}.${info.fieldName}`, category, { what: 'relatives', restriction });
  });
}

const unclassified = rule('unclassified', { cache: 'no_cache' })((_parent, _args, _context, info) => forbidden(info, null));

export function applyFieldRules(schema: GraphQLSchema, policy: AccessPolicy): GraphQLSchema {
  const rulesByCategory = new Map<string, ReturnType<typeof categoryRule>>();
  const relativesRules = new Map<string, ReturnType<typeof relativesRule>>();
  const tree: Record<string, Record<string, unknown>> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const typeRules: Record<string, unknown> = {};
    for (const [fieldName, field] of Object.entries(type.getFields())) {
      if (FEDERATION_FIELDS[type.name]?.includes(fieldName)) {
        typeRules[fieldName] = allow;
        continue;
      }
      const classification = classifyField(policy, type.name, fieldName);
      if (classification.kind === 'inherit') typeRules[fieldName] = allow;
      else if (classification.kind === 'unclassified') typeRules[fieldName] = unclassified;
      else {
        const { category } = classification;
        if (withheldFromRestrictedRecord(type.name, getNamedType(field.type).name)) {
          if (!relativesRules.has(category)) relativesRules.set(category, relativesRule(policy, category));
          typeRules[fieldName] = relativesRules.get(category);
          continue;
        }
        if (!rulesByCategory.has(category)) rulesByCategory.set(category, categoryRule(policy, category));
        typeRules[fieldName] = rulesByCategory.get(category);
      }
    }
    tree[type.name] = typeRules;
  }
  const permissions = shield(tree as never, {
    fallbackRule: deny,
    allowExternalErrors: true,
    debug: false,
    fallbackError: (_thrown, _parent, _args, _context, info) => forbidden(info, null),
  });
  // A field whose rule is `allow` (federation plumbing; a field inside a value its parent field's
  // category already let through) is left unwrapped: its check could only say yes, and wrapping
  // would make every such leaf of every item an asynchronous resolver, which is most of a record's
  // fields. Every other field, the unclassified ones included, keeps shield's rule.
  const middleware = permissions.generate(schema) as Record<string, Record<string, unknown>>;
  for (const [typeName, typeRules] of Object.entries(tree)) {
    for (const [fieldName, fieldRule] of Object.entries(typeRules)) if (fieldRule === allow) delete middleware[typeName]?.[fieldName];
    if (middleware[typeName] && Object.keys(middleware[typeName]).length === 0) delete middleware[typeName];
  }
  return applyMiddleware(schema, middleware as never);
}
