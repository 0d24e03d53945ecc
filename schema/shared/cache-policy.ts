// The cache policy of an operation, computed from its document and the schema's @cacheControl
// hints once per parsed document, instead of per resolved field.
//
// Apollo's cache-control plugin reaches the same policy by hooking every field as it resolves:
// with any such hook Apollo wraps every resolver of the schema, which cost about a third of the
// time of a 100-row list in process (issue 14). Here the rules are Apollo's, applied to every
// field the document selects:
// - a field's policy is its own hint, else its return type's hint (object, interface, union);
//   `inheritMaxAge` keeps the parent's maxAge;
// - a root field, or a field returning an object, interface or union, with no maxAge from either
//   hint gets maxAge 0 (uncacheable); a scalar field without a hint inherits;
// - the operation's policy is the lowest maxAge and the narrowest scope (PRIVATE) of its fields.
// A document is judged as written: fields under a fragment for another type, or under @skip or
// @include, count as if selected. That can only make a policy stricter than the executed fields'
// would be, never more public. Dynamic hints (info.cacheControl) are not supported: no resolver
// gives one.
import {
  type ConstDirectiveNode,
  type DocumentNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  getNamedType,
  isCompositeType,
  Kind,
  type OperationDefinitionNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from "graphql";

export type CacheScope = "PUBLIC" | "PRIVATE";

export interface CachePolicy {
  /** Seconds a cache may keep the answer; 0 means not at all. */
  maxAge: number;
  scope: CacheScope;
}

interface Hint {
  maxAge?: number;
  scope?: CacheScope;
  inheritMaxAge?: boolean;
}

function hintOf(directives: readonly ConstDirectiveNode[] | undefined): Hint {
  const directive = directives?.find((d) => d.name.value === "cacheControl");
  const hint: Hint = {};
  for (const argument of directive?.arguments ?? []) {
    const { value } = argument;
    if (argument.name.value === "maxAge" && value.kind === Kind.INT) hint.maxAge = Number(value.value);
    if (argument.name.value === "scope" && value.kind === Kind.ENUM) hint.scope = value.value as CacheScope;
    if (argument.name.value === "inheritMaxAge" && value.kind === Kind.BOOLEAN) hint.inheritMaxAge = value.value;
  }
  return hint;
}

const typeHints = new WeakMap<GraphQLCompositeType, Hint>();
function typeHint(type: GraphQLCompositeType): Hint {
  let hint = typeHints.get(type);
  if (!hint) {
    hint = hintOf([...(type.astNode?.directives ?? []), ...type.extensionASTNodes.flatMap((node) => node.directives ?? [])]);
    typeHints.set(type, hint);
  }
  return hint;
}

const fieldHints = new WeakMap<GraphQLField<unknown, unknown>, Hint>();
function fieldHint(field: GraphQLField<unknown, unknown>): Hint {
  let hint = fieldHints.get(field);
  if (!hint) {
    hint = hintOf(field.astNode?.directives);
    fieldHints.set(field, hint);
  }
  return hint;
}

/** The policy of one field as Apollo's plugin computes it (maxAge undefined: it does not restrict maxAge). */
function fieldPolicy(field: GraphQLField<unknown, unknown>, isRoot: boolean): Hint {
  const policy: Hint = {};
  let inheritMaxAge = false;
  const target = getNamedType(field.type);
  if (isCompositeType(target)) {
    const hint = typeHint(target);
    if (hint.maxAge !== undefined) policy.maxAge = hint.maxAge;
    if (hint.scope !== undefined) policy.scope = hint.scope;
    inheritMaxAge = Boolean(hint.inheritMaxAge);
  }
  const own = fieldHint(field);
  if (own.inheritMaxAge && policy.maxAge === undefined) {
    inheritMaxAge = true;
    if (own.scope) policy.scope = own.scope;
  } else {
    if (own.maxAge !== undefined) policy.maxAge = own.maxAge;
    if (own.scope !== undefined) policy.scope = own.scope;
  }
  if (policy.maxAge === undefined && ((isCompositeType(target) && !inheritMaxAge) || isRoot)) policy.maxAge = 0;
  return policy;
}

function compute(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): CachePolicy {
  let maxAge: number | undefined;
  let scope: CacheScope = "PUBLIC";
  const rootType = schema.getRootType(operation.operation);
  const typeInfo = new TypeInfo(schema);
  const visitor = visitWithTypeInfo(typeInfo, {
    Field() {
      const field = typeInfo.getFieldDef();
      // __typename and introspection's own fields carry no hint and resolve no data of ours.
      if (!field || field.name.startsWith("__")) return;
      const policy = fieldPolicy(field as GraphQLField<unknown, unknown>, typeInfo.getParentType() === rootType);
      if (policy.maxAge !== undefined) maxAge = maxAge === undefined ? policy.maxAge : Math.min(maxAge, policy.maxAge);
      if (policy.scope === "PRIVATE") scope = "PRIVATE";
    },
  });
  // The operation and every fragment of the document (a fragment only another operation uses can
  // only make this one's policy stricter).
  visit(operation, visitor);
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) visit(definition, visitor);
  }
  return { maxAge: maxAge ?? 0, scope };
}

const computed = new WeakMap<DocumentNode, Map<OperationDefinitionNode, CachePolicy>>();

/** The cache policy of `operation` in `document` (a validated document), computed once per parsed document. */
export function cachePolicyOf(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): CachePolicy {
  let byOperation = computed.get(document);
  if (!byOperation) {
    byOperation = new Map();
    computed.set(document, byOperation);
  }
  let policy = byOperation.get(operation);
  if (!policy) {
    policy = compute(schema, document, operation);
    byOperation.set(operation, policy);
  }
  return policy;
}
