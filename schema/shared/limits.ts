// Limits on what one request may ask, checked before anything runs and the same on HTTP,
// WebSocket and Lambda: the document's size in tokens (at the parser), its depth, aliases and
// directives (validation rules, from GraphQL Armor), and the cost of the operation (from
// graphql-query-complexity with our own estimator), plus what one WebSocket connection and one
// actor may hold open. Every limit comes from the stage's environment (`limitsFromEnv`).
//
// A refused operation gets `extensions.code: "GRAPHQL_VALIDATION_FAILED"` (HTTP status as for
// any validation error: 400), which Apollo gives every validation error anyway (it overwrites a
// rule's own code) and our error masking passes through, with
// `extensions.limit` naming the limit and `extensions[limit]: { requested, limit }` the figures,
// e.g. `{ code: "GRAPHQL_VALIDATION_FAILED", limit: "cost", cost: { requested: 2211202, limit: 1000000 } }`.
// The token limit stops the parser itself, so that a huge document is never built nor
// validated; it answers as a parse error: `GRAPHQL_PARSE_FAILED`, "Document contains more
// that N tokens".
import { type ApolloServerPlugin, HeaderMap } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  getOperationAST,
  getVariableValues,
  isLeafType,
  isListType,
  isObjectType,
  type ParseOptions,
  type ValidationContext,
  type ValidationRule,
} from "graphql";
import { type ComplexityEstimator, getComplexity } from "graphql-query-complexity";
import type { Context } from "./context.js";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./relay.js";

export interface Limits {
  /** Deepest nesting of fields in an operation (GRAPHQL_MAX_DEPTH). */
  maxDepth: number;
  /** Aliased fields in an operation, fragments included (GRAPHQL_MAX_ALIASES). */
  maxAliases: number;
  /** Lexical tokens in a document; the parser stops beyond it (GRAPHQL_MAX_TOKENS). */
  maxTokens: number;
  /** Directives in an operation, fragments included (GRAPHQL_MAX_DIRECTIVES). */
  maxDirectives: number;
  /** Cost of an operation, see `operationCost` (GRAPHQL_MAX_COST). */
  maxCost: number;
  /** Largest WebSocket message, in bytes; a larger one closes the connection with 1009 (WS_MAX_PAYLOAD_BYTES). */
  wsMaxPayloadBytes: number;
  /** Operations one WebSocket connection may have open at once, subscriptions and running queries (WS_MAX_SUBSCRIPTIONS_PER_CONNECTION). */
  wsMaxSubscriptionsPerConnection: number;
  /** WebSocket connections one actor may hold: per token subject, or per remote address when anonymous (WS_MAX_CONNECTIONS_PER_ACTOR). */
  wsMaxConnectionsPerActor: number;
}

/**
 * The defaults, the same in every stage (a stage changes them through its environment). The
 * heaviest operations the tests, the benchmark and the README send need depth 10, 4 aliases,
 * 191 tokens, no directive and a cost of 467,442 (test/funding/agreement.test.ts's
 * "AgreementsEverything": twenty agreements by default, each with tracks, actions, effort
 * commitments and their measures, four lists deep at ten items each); each default leaves
 * room above that. The 506-byte query of the guard-rails issue nests 29 deep and would cost
 * some 4 x 10^14; its 11,000 aliases of boards are 110,002 tokens.
 */
export const DEFAULT_LIMITS: Limits = {
  maxDepth: 15,
  maxAliases: 30,
  maxTokens: 5_000,
  maxDirectives: 50,
  maxCost: 1_000_000,
  wsMaxPayloadBytes: 1_000_000,
  wsMaxSubscriptionsPerConnection: 20,
  wsMaxConnectionsPerActor: 10,
};

const ENV_NAMES: Record<keyof Limits, string> = {
  maxDepth: "GRAPHQL_MAX_DEPTH",
  maxAliases: "GRAPHQL_MAX_ALIASES",
  maxTokens: "GRAPHQL_MAX_TOKENS",
  maxDirectives: "GRAPHQL_MAX_DIRECTIVES",
  maxCost: "GRAPHQL_MAX_COST",
  wsMaxPayloadBytes: "WS_MAX_PAYLOAD_BYTES",
  wsMaxSubscriptionsPerConnection: "WS_MAX_SUBSCRIPTIONS_PER_CONNECTION",
  wsMaxConnectionsPerActor: "WS_MAX_CONNECTIONS_PER_ACTOR",
};

/**
 * The limits of a stage: each from its variable when set, else the default. A value that is not
 * a positive integer fails the start (a typo must not silently lift a limit).
 */
export function limitsFromEnv(env: NodeJS.ProcessEnv, stage: string): Limits {
  const limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(ENV_NAMES) as (keyof Limits)[]) {
    const name = ENV_NAMES[key];
    const raw = env[name]?.trim();
    if (raw === undefined || raw === "") continue;
    const value = Number(raw.replaceAll("_", ""));
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new Error(`${name} must be a positive integer (stage ${stage}), got ${JSON.stringify(raw)}`);
    }
    limits[key] = value;
  }
  return limits;
}

/** The parser's share: it gives up past the token limit, before building the document. */
export function limitParseOptions(limits: Limits): ParseOptions {
  return { maxLexicalTokens: limits.maxTokens };
}

export type LimitName = "depth" | "aliases" | "directives" | "cost" | "subscriptions";

/** The refusal of an operation over a limit, with the figures. */
export function limitError(limit: LimitName, message: string, figures: { requested?: number; limit: number }): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: "GRAPHQL_VALIDATION_FAILED", limit, [limit]: figures },
  });
}

const FOUND = /found (\d+)/;

/**
 * GraphQL Armor's rules, reporting our typed error instead of Armor's ("Syntax Error: ...",
 * thrown). Armor's message is the only place its count is given, hence the pattern.
 */
function armorRules(limits: Limits): ValidationRule[] {
  const report = (limit: LimitName, max: number, describe: (found: number | undefined) => string) => (context: ValidationContext | null, error: GraphQLError) => {
    const found = FOUND.exec(error.message)?.[1];
    const requested = found === undefined ? undefined : Number(found);
    context?.reportError(limitError(limit, describe(requested), { ...(requested === undefined ? {} : { requested }), limit: max }));
  };
  const common = { propagateOnRejection: false, exposeLimits: true };
  const { validationRules } = new ApolloArmor({
    maxDepth: {
      ...common,
      n: limits.maxDepth,
      // A fragment spread is not a level of the response.
      flattenFragments: true,
      ignoreIntrospection: true,
      onReject: [report("depth", limits.maxDepth, (n) => `The operation nests fields ${n ?? "too many"} levels deep; at most ${limits.maxDepth} are allowed.`)],
    },
    maxAliases: {
      ...common,
      n: limits.maxAliases,
      onReject: [report("aliases", limits.maxAliases, (n) => `The operation has ${n ?? "too many"} aliases; at most ${limits.maxAliases} are allowed.`)],
    },
    maxDirectives: {
      ...common,
      n: limits.maxDirectives,
      onReject: [report("directives", limits.maxDirectives, (n) => `The operation has ${n ?? "too many"} directives; at most ${limits.maxDirectives} are allowed.`)],
    },
    // Ours instead: the token limit in the parser (limitParseOptions), the cost with
    // connection sizes (operationCost); suggestions are the stage settings' business.
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return validationRules;
}

/** Validation rules that refuse an operation over the depth, alias and directive limits before it runs. */
export function limitRules(limits: Limits): ValidationRule[] {
  return armorRules(limits);
}

/** What a list that is not a connection is assumed to hold, for the cost (see operationCost). */
export const ASSUMED_LIST_SIZE = 10;
/** What a root mutation field costs on top of what it selects: it writes, in a transaction, with an audit row and events. */
export const MUTATION_COST = 10;

function isConnection(type: GraphQLNamedType): boolean {
  return isObjectType(type) && type.name.endsWith("Connection") && "edges" in type.getFields();
}

/**
 * The cost model, in the manner of Shopify's and GitHub's:
 * - a leaf (scalar, enum, or a list of them) costs 0: it comes with its object;
 * - an object costs 1 plus what it selects; a page's `pageInfo` costs 0;
 * - a connection costs 2 (the page and its count) plus `first` (or its default; at most
 *   MAX_PAGE_SIZE, since more is refused) times what one edge selects;
 * - any other list costs its assumed size times (1 plus what an item selects): `nodes(ids:)`
 *   the number of ids, every other list ASSUMED_LIST_SIZE, whether the data bounds it (an
 *   agreement's tracks, a track's actions) or not (a co-financing ledger's entries);
 * - a mutation field costs MUTATION_COST more; introspection costs nothing.
 * Fields under @skip(if: true) or @include(if: false) do not count; for a union or interface the
 * dearest possible type counts.
 */
const estimator: ComplexityEstimator = ({ type: parent, field, args, childComplexity }) => {
  const named = getNamedType(field.type);
  if (field.name.startsWith("__") || named.name.startsWith("__") || named.name === "PageInfo") return 0;
  if (isLeafType(named)) return 0;
  const own = 1 + childComplexity;
  const extra = parent.name === "Mutation" ? MUTATION_COST : 0;
  if (isConnection(named) && field.args.some((a) => a.name === "first")) {
    // An explicit null gets relay.ts pageSize's default.
    const first = typeof args.first === "number" ? Math.min(Math.max(args.first, 0), MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
    return extra + 2 + first * childComplexity;
  }
  // A connection's edges are as many as its `first`, counted by the connection.
  if (isListType(getNullableType(field.type)) && !isConnection(parent)) {
    const size = field.name === "nodes" && Array.isArray(args.ids) ? args.ids.length : ASSUMED_LIST_SIZE;
    return extra + size * own;
  }
  return extra + own;
};

export interface CostRequest {
  schema: GraphQLSchema;
  document: DocumentNode;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

/** More fields than this, fragments expanded, and the operation is refused without an estimate. */
const MAX_COUNTED_NODES = 10_000;

/**
 * The operation's cost; null when there is nothing to estimate because execution refuses the
 * request anyway (no such operation, or variables that do not fit it); Infinity when it cannot
 * be estimated (more than MAX_COUNTED_NODES fields with its fragments expanded), which refuses it.
 */
export function operationCost({ schema, document, variables, operationName }: CostRequest): number | null {
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!operation) return null;
  if ("errors" in getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {})) return null;
  try {
    return getComplexity({
      schema,
      query: document,
      variables: variables ?? {},
      ...(operationName ? { operationName } : {}),
      estimators: [estimator],
      maxQueryNodes: MAX_COUNTED_NODES,
    });
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/** The refusal of an operation that costs more than the limit, or null. */
export function costError(request: CostRequest, limits: Limits): GraphQLError | null {
  const cost = operationCost(request);
  if (cost === null || cost <= limits.maxCost) return null;
  if (!Number.isFinite(cost)) {
    return limitError(
      "cost",
      `The operation is too large to estimate its cost (more than ${MAX_COUNTED_NODES} fields with its fragments expanded); at most a cost of ${limits.maxCost} is allowed.`,
      { limit: limits.maxCost },
    );
  }
  return limitError(
    "cost",
    `The operation would cost ${cost}; at most ${limits.maxCost} is allowed. A connection costs its \`first\` times what it selects: ask for smaller pages or fewer fields.`,
    { requested: cost, limit: limits.maxCost },
  );
}

/**
 * The cost needs the request's variables (a connection's `first` may be one), which validation
 * rules do not see; so on Apollo it is checked once the operation is resolved, still before
 * it runs. (The WebSocket transport calls costError itself.)
 */
function costPlugin(limits: Limits): ApolloServerPlugin<Context> {
  // An operation without variables costs the same every time: its verdict is kept per parsed
  // document (Apollo keeps the parsed documents it has seen), so the cost is not walked for every
  // request of the same query.
  const verdicts = new WeakMap<DocumentNode, Map<string | null, GraphQLError | null>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName, operation }) {
          let error: GraphQLError | null | undefined;
          if (operation?.variableDefinitions?.length) {
            error = costError({ schema, document, variables: request.variables, operationName }, limits);
          } else {
            let byOperation = verdicts.get(document);
            if (!byOperation) verdicts.set(document, (byOperation = new Map()));
            error = byOperation.get(operationName ?? null);
            if (error === undefined) {
              error = costError({ schema, document, variables: request.variables, operationName }, limits);
              byOperation.set(operationName ?? null, error);
            }
          }
          // Thrown here, Apollo answers with the error as is: it needs the HTTP status a validation error gets.
          if (error) throw new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 400, headers: new HeaderMap() } } });
        },
      };
    },
  };
}

export function limitPlugins(limits: Limits): ApolloServerPlugin<Context>[] {
  return [costPlugin(limits)];
}
