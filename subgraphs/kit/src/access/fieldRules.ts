import { GraphQLSchema, isObjectType, type GraphQLResolveInfo } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { allow, deny, rule, shield } from 'graphql-shield';
import { classifyField, profileMaySee, type AccessPolicy } from '@shareforyou/schema';
import { careRecordError, ErrorCode } from '../errors';
import type { SubgraphContext } from '../context';

/**
 * Field-level rules, built from schema/policy.yaml for whatever schema a subgraph serves.
 * graphql-shield does the enforcing; nothing outside this module knows it is there, so it can be
 * replaced without touching any subgraph. Default deny: a field the policy does not classify is
 * refused to everyone.
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

const unclassified = rule('unclassified', { cache: 'no_cache' })((_parent, _args, _context, info) => forbidden(info, null));

export function applyFieldRules(schema: GraphQLSchema, policy: AccessPolicy): GraphQLSchema {
  const rulesByCategory = new Map<string, ReturnType<typeof categoryRule>>();
  const tree: Record<string, Record<string, unknown>> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const typeRules: Record<string, unknown> = {};
    for (const fieldName of Object.keys(type.getFields())) {
      if (FEDERATION_FIELDS[type.name]?.includes(fieldName)) {
        typeRules[fieldName] = allow;
        continue;
      }
      const classification = classifyField(policy, type.name, fieldName);
      if (classification.kind === 'inherit') typeRules[fieldName] = allow;
      else if (classification.kind === 'unclassified') typeRules[fieldName] = unclassified;
      else {
        const { category } = classification;
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
