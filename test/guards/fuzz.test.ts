// A fuzz test of every mutation and every argument of the schema, generated from the schema
// itself, so that a new mutation, filter or argument is fuzzed from its first day without a
// line of test code (issue 7).
//
// Targets: every mutation; every query field with arguments; and every field with arguments of
// an object type reachable from a query field (a settlement's scenario, an agreement's invoices
// filter, a translatable field's locale), reached through real seeded objects. For each target
// and each actor (ADMIN, so that authorization does not hide validation, and anonymous),
// fast-check generates arguments from their GraphQL types: wrong types, null, omitted required
// arguments, unknown fields, empty and huge strings, control characters and NUL, SQL and HTML
// fragments, spreadsheet formulas, unicode edge cases (lone surrogates, bidirectional overrides,
// zero-width characters, emoji, combining marks), out-of-range numbers and dates, malformed
// global ids and cursors, and valid-looking values and ids of real seeded objects, so that some
// cases get past validation into the database. Each case goes as variables or as literals in
// the document.
//
// Every case must answer without INTERNAL_SERVER_ERROR (or an error without a code), without a
// stack trace, SQL text or file path in its errors (what the case itself sent is taken out
// first, since coercion errors rightly quote it); and a refused write must leave the database
// as it was: row counts of every table and the latest updated_at of each, compared before and
// after.
//
// fast-check generates from a seed (FUZZ_SEED, printed; the default is fixed so CI is
// reproducible). The cases are a total budget (FUZZ_BUDGET, printed; raise it locally for a
// deeper run) spread evenly over every target and actor, each getting at least MIN_CASES, so the
// run time stays flat as mutations are added instead of growing with each (issue 9 adds about 25
// to the 73 there were). Each target's cases derive from the seed and the target's name: a new
// target only takes a few cases from the others, the first of each one's sequence staying the
// same. All failures are collected and reported together, each with its operation and variables.

import { type SQL, sql } from "drizzle-orm";
import fc from "fast-check";
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "../../db/seed/index.js";
import { createTestApi, type ExecOptions, type TestApi } from "../helpers/api.js";
import { onPostgres } from "../helpers/db.js";

const SEED = Number(process.env.FUZZ_SEED ?? 7_2026);
/** Cases in all, over every target and actor; 60 per target and actor once cost 100-160 s of CI at 73 targets. */
// 2,400 cases keep the suite within CI's time with 225 targets: each write is fingerprinted before
// and after over every table (78 now), so a case costs more as modules add tables.
const BUDGET = Number(process.env.FUZZ_BUDGET ?? 2_400);
/** Every target and actor gets at least these, however many targets share the budget. */
const MIN_CASES = 5;
/** The sector profile's scale: enough rows of every kind for real ids, small enough to fingerprint after every case. */
const SEED_SCALE = 0.002;
const ACTORS: { name: string; options: ExecOptions }[] = [
  { name: "ADMIN", options: { as: "ADMIN" } },
  { name: "anonymous", options: {} },
];

/** Error codes that are a client's fault or the API's typed answer; anything else is a finding. */
const TYPED_CODES = new Set(["BAD_USER_INPUT", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "BAD_REQUEST"]);

/** What must never reach a client; checked in messages and extensions after removing what the case sent. */
const LEAKS: [string, RegExp][] = [
  ["SQL", /\b(select|insert|update|delete)\b[\s\S]*\b(from|into|set|where|values)\b/i],
  [
    "a database message",
    /relation "|column "|violates .*constraint|duplicate key value|syntax error at or near|invalid input syntax for|out of range for type|invalid byte sequence|failed query|\bpg_|drizzle/i,
  ],
  ["a file path", /\/work\/|node_modules|file:\/\/|\.[cm]?[jt]s:\d+/],
  // A frame names where it is: "at fn (file:12:5)"; an English "at least one level for a trajectory (...)" is no frame.
  ["a stack frame", /\bat [\w$.<>[\] ]+ \((?:[^()]*:\d+(?::\d+)?|native|<anonymous>)\)|\n\s+at \S/],
  ["a stack trace", /stacktrace|"stack"|exception/i],
];

// ---------------------------------------------------------------------------------------------
// Targets, from the schema.

interface Target {
  /** "Mutation.createBoard", "FundingAgreement.settlement". */
  name: string;
  kind: "mutation" | "query";
  field: GraphQLField<unknown, unknown>;
  /** The document around the target field: `{ fundingAgreement(id: "...") { % } }`, % where it goes. */
  wrap: (inner: string) => string;
}

/** An object's id field, if it has one a client can ask for. */
const hasId = (type: GraphQLObjectType) => Boolean(type.getFields().id);
const requiredArgs = (field: GraphQLField<unknown, unknown>) => field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
const selectionOf = (field: GraphQLField<unknown, unknown>) => (isLeafType(getNamedType(field.type)) ? "" : " { __typename }");

/**
 * The targets: every mutation, every query field with arguments, and every field with arguments
 * of the object types reachable from the query fields (breadth first, up to `depth` objects
 * deep), each reached the shortest way: through fields without required arguments, through a
 * connection's edges and nodes, or through a field whose only required argument is the `id` of
 * a real object of its type.
 */
function targetsOf(schema: GraphQLSchema, realIds: Map<string, string[]>, depth = 4): Target[] {
  const targets: Target[] = [];
  const mutation = schema.getMutationType();
  for (const field of Object.values(mutation?.getFields() ?? {})) {
    targets.push({ name: `Mutation.${field.name}`, kind: "mutation", field, wrap: (inner) => `mutation Fuzz%VARS% { ${inner} }` });
  }
  const query = schema.getQueryType()!;
  const reached = new Set<string>();
  let frontier: { type: GraphQLObjectType; wrap: (inner: string) => string }[] = [{ type: query, wrap: (inner) => `query Fuzz%VARS% { ${inner} }` }];
  for (let level = 0; level <= depth && frontier.length; level++) {
    const next: typeof frontier = [];
    for (const { type, wrap } of frontier) {
      if (reached.has(type.name)) continue;
      reached.add(type.name);
      for (const field of Object.values(type.getFields())) {
        if (field.args.length) targets.push({ name: `${type.name}.${field.name}`, kind: "query", field, wrap });
        const named = getNamedType(field.type);
        if (!isObjectType(named) || reached.has(named.name)) continue;
        const required = requiredArgs(field);
        let call = field.name;
        if (required.length) {
          // Reached only through the id of a real object of that type.
          const id = realIds.get(named.name)?.[0];
          if (required.length !== 1 || required[0]!.name !== "id" || !id) continue;
          call = `${field.name}(id: ${JSON.stringify(id)})`;
        }
        const edges = named.getFields().edges;
        const node = edges && getNamedType(edges.type);
        const nodeType = node && isObjectType(node) ? node.getFields().node : undefined;
        const nodeNamed = nodeType && getNamedType(nodeType.type);
        if (nodeNamed && isObjectType(nodeNamed)) {
          next.push({ type: nodeNamed, wrap: (inner) => wrap(`${call} { edges { node { ${inner} } } }`) });
        } else {
          next.push({ type: named, wrap: (inner) => wrap(`${call} { ${inner} }`) });
        }
      }
    }
    frontier = next;
  }
  return targets;
}

// ---------------------------------------------------------------------------------------------
// Values, from the argument types.

const MISSING_UUID = "00000000-0000-4000-8000-000000000000";
/** An argument or input field left out. */
const OMIT = Symbol("omitted");
const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64url");

const hostileStrings = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\uD800",
  "x\uDC00y",
  "\uDBFF\uDFFF",
  "\u202Egpj.exe",
  "\u2066Gent\u2069",
  "\u200B",
  "\u200B\u200D\uFEFF\u2060",
  "\u3164",
  "👨\u200D👩\u200D👧",
  "🎓",
  "e\u0301\u0301\u0301",
  "\u0007bell",
  "\u001b[31mred",
  "\t",
  "\r\n",
  "line\nbreak",
  "\u2028",
  "\u0085",
  "\u007f",
  "\uFFFF",
  "'; DROP TABLE boards; --",
  "' OR '1'='1",
  "1; SELECT pg_sleep(5)",
  "\\",
  "%",
  "_",
  "%_\\%",
  "$1",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "{{7*7}}",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template injection, sent as plain text on purpose
  "${7*7}",
  '=HYPERLINK("http://x","y")',
  "+32 9 123 45 67",
  "-1",
  "@SUM(A1)",
  "../../etc/passwd",
  "null",
  "undefined",
  "NaN",
  "Infinity",
  "1e309",
  "__proto__",
  "constructor",
  "0000-01-01",
  "2024-02-30",
  "EUR",
  "eur",
  "€",
  "Gent",
  "VVSG",
];

const text = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...hostileStrings) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 24 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 24 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom(1_000, 10_001, 100_000).map((n) => "x".repeat(n)) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...hostileStrings), fc.string({ unit: "grapheme-ascii", maxLength: 8 })).map(([a, b]) => `${b}${a}${b}`) },
);

/** Strings shaped like this API's cursors ([sort key, uuid] as base64url JSON) with odd sort keys. */
const cursorLike = fc.oneof(
  fc
    .tuple(fc.oneof(text, fc.constantFrom("2023-07-01", "2023-07-01T00:00:00.000000", "not a date", "9999-99-99")), fc.constantFrom(MISSING_UUID, "not-a-uuid"))
    .map(([key, id]) => b64(JSON.stringify([key, id]))),
  fc.jsonValue({ maxDepth: 2 }).map((v) => b64(JSON.stringify(v))),
);

const dates = fc.oneof(
  fc.constantFrom(
    "0000-01-01",
    "0001-01-01",
    "1899-12-31",
    "1900-01-01",
    "2199-12-31",
    "2200-01-01",
    "9999-12-31",
    "2024-02-29",
    "2023-02-29",
    "2024-13-01",
    "2024-00-10",
    "24-01-01",
    "2024-1-1",
    "+002024-01-01",
    "2024-03-15T00:00:00Z",
    "2024-03-15 ",
  ),
  // Days within the seeded agreement's period, so that some writes go through.
  fc.integer({ min: 0, max: 729 }).map((d) => new Date(Date.UTC(2023, 6, 1 + d)).toISOString().slice(0, 10)),
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map((d) => new Date(Date.UTC(2000, 0, 1 + d)).toISOString().slice(0, 10)),
);

const instants = fc.oneof(
  fc.constantFrom("0000-01-01T00:00:00Z", "2024-03-15T10:00:00Z", "2024-03-15T25:00:00Z", "2024-03-15", "yesterday"),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
);

const int32 = fc.oneof(
  fc.integer({ min: -5, max: 120 }),
  fc.integer(),
  fc.constantFrom(0, -1, 100, 101, 2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 1.5, -0, 1e21, Number.MAX_SAFE_INTEGER),
);

const safeInt = fc.oneof(
  fc.integer({ min: 1, max: 5_000_000 }),
  fc.maxSafeInteger(),
  fc.constantFrom(0, -1, 1_000_000_000, 1_000_000_001, 9_007_199_254_740_000, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 53, 1.5, 1e300),
);

const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant({}),
  fc.constant([]),
  fc.constantFrom("x", "", "[]", "{}"),
  fc.dictionary(fc.constantFrom("a", "nl", "cents", "id"), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
);

interface Pools {
  /** Global ids of real objects by type name. */
  ids: Map<string, string[]>;
  /** Node type names, to guess which type an id argument wants from its name. */
  nodeTypes: string[];
}

/**
 * The object types an id argument probably wants, from its own name (`boardsServedIds` wants
 * boards, `agreementId` a FundingAgreement) or, for a bare `id`/`ids`, from its input type's or
 * field's name (`UpdateBoardInput.id`, `approveInvoice(id:)`). None: any id.
 */
function idHints(pools: Pools, names: string[]): string[] {
  const matching = (name: string) =>
    pools.nodeTypes.filter((t) => {
      const lower = name.toLowerCase();
      const type = t.toLowerCase();
      return lower.includes(type) || (type.startsWith("funding") && lower.includes(type.slice("funding".length)));
    });
  const [own, ...context] = names;
  if (own && !/^ids?$/i.test(own)) return matching(own);
  for (const name of context) {
    const hits = matching(name);
    if (hits.length) return hits;
  }
  return [];
}

function idArbitrary(pools: Pools, hints: string[]): fc.Arbitrary<unknown> {
  const all = [...pools.ids.values()].flat();
  const hinted = hints.flatMap((t) => pools.ids.get(t) ?? []);
  const someReal = all[0] ?? b64(`Board:${MISSING_UUID}`);
  const malformed = fc.oneof(
    fc.constantFrom(
      "",
      "nonsense",
      MISSING_UUID,
      b64(`Board:${MISSING_UUID}`),
      b64("Board:not-a-uuid"),
      b64(`:${MISSING_UUID}`),
      b64(`Nope:${MISSING_UUID}`),
      b64(`Invoice:${MISSING_UUID}`),
      `${someReal}=`,
      someReal.toUpperCase(),
    ),
    fc.constantFrom(...all.slice(0, 50)).map((id) => {
      // A real row id under every other type name.
      const [, row] = Buffer.from(id, "base64url").toString("utf8").split(":");
      return b64(`${pools.nodeTypes[row!.charCodeAt(0) % pools.nodeTypes.length]}:${row}`);
    }),
    cursorLike,
  );
  return fc.oneof(
    ...(hinted.length ? [{ weight: 5, arbitrary: fc.constantFrom(...hinted) as fc.Arbitrary<unknown> }] : []),
    { weight: 2, arbitrary: all.length ? fc.constantFrom(...all) : fc.constant(someReal) },
    { weight: 2, arbitrary: malformed },
    { weight: 1, arbitrary: text },
  );
}

function scalarArbitrary(name: string, pools: Pools, hints: string[]): fc.Arbitrary<unknown> {
  switch (name) {
    case "ID":
      return idArbitrary(pools, idHints(pools, hints));
    case "String":
      // A string argument named like a cursor gets cursor-shaped strings too.
      return hints.some((h) => /after|before|cursor/i.test(h)) ? fc.oneof(text, cursorLike) : text;
    case "Int":
      return int32;
    case "SafeInt":
      return safeInt;
    case "Float":
      return fc.oneof(fc.double(), int32);
    case "Boolean":
      return fc.boolean();
    case "LocalDate":
      return fc.oneof({ weight: 3, arbitrary: dates }, { weight: 1, arbitrary: text });
    case "DateTime":
      return fc.oneof({ weight: 3, arbitrary: instants }, { weight: 1, arbitrary: text });
    case "JSON":
      return fc.jsonValue({ maxDepth: 3 });
    default:
      // A scalar this file does not know yet: anything.
      return fc.oneof(text, int32, fc.jsonValue({ maxDepth: 2 }));
  }
}

/** A value for an input type: mostly of the type, sometimes of another, null, or (for objects) with fields missing or unknown. */
/** A plausible value of a scalar: what a well-behaved client sends, guessed from the type and the names around it. */
function plausibleScalar(name: string, pools: Pools, hints: string[]): fc.Arbitrary<unknown> {
  const named = (pattern: RegExp) => hints.slice(0, 1).some((h) => pattern.test(h));
  switch (name) {
    case "ID": {
      const wanted = idHints(pools, hints).flatMap((t) => pools.ids.get(t) ?? []);
      const all = [...pools.ids.values()].flat();
      return fc.constantFrom(...(wanted.length ? wanted : all));
    }
    case "String":
      if (named(/website|url/i)) return fc.constantFrom("https://www.vvsg.be", "http://example.org/pad?x=1");
      if (named(/currency/i)) return fc.constant("EUR");
      if (named(/nisCode/i)) return fc.integer({ min: 10_000, max: 99_999 }).map(String);
      if (named(/after|before|cursor/i)) return fc.constant(null);
      return fc.oneof(fc.constantFrom("Gent", "Ieper", "Workitects", "Coaching traject", "Deelnameprijs 2024", "C1"), fc.stringMatching(/^[A-Z][a-z]{2,12}( [a-z]{2,10}){0,3}$/));
    case "Int":
      return fc.integer({ min: 1, max: 100 });
    case "SafeInt":
      return fc.integer({ min: 1, max: 5_000_000 });
    case "Float":
      return fc.double({ min: 0, max: 1000, noNaN: true });
    case "Boolean":
      return fc.boolean();
    case "LocalDate":
      return fc.integer({ min: 0, max: 729 }).map((d) => new Date(Date.UTC(2023, 6, 1 + d)).toISOString().slice(0, 10));
    case "DateTime":
      return fc.constant("2024-03-15T10:00:00Z");
    default:
      return fc.jsonValue({ maxDepth: 1 });
  }
}

/**
 * A value for an input type. `wild`: anything goes, at every level: values of the type or of
 * another, null, lists of any length, objects with fields missing or unknown. `plausible`: the
 * shape a well-behaved client sends, with now and then one wild value in it, so that cases get
 * past coercion to the field rules and, some of them, into the database.
 */
function valueArbitrary(type: GraphQLInputType, pools: Pools, hints: string[], mode: "wild" | "plausible", depth = 0): fc.Arbitrary<unknown> {
  const nullable = !isNonNullType(type);
  const inner = isNonNullType(type) ? type.ofType : type;
  const wild = mode === "wild";
  if (!wild && (isScalarType(inner) || isEnumType(inner))) {
    const plausible = isEnumType(inner) ? fc.constantFrom(...inner.getValues().map((v) => v.name)) : plausibleScalar(inner.name, pools, hints);
    return fc.oneof({ weight: 10, arbitrary: plausible }, { weight: 1, arbitrary: valueArbitrary(type, pools, hints, "wild", depth) });
  }
  let typed: fc.Arbitrary<unknown>;
  if (isListType(inner)) {
    const item = valueArbitrary(inner.ofType, pools, hints, mode, depth + 1);
    typed = wild
      ? fc.oneof(
          { weight: 4, arbitrary: fc.array(item, { maxLength: 4 }) },
          // GraphQL coerces a single value to a list of one.
          { weight: 1, arbitrary: item },
          { weight: 1, arbitrary: fc.array(item, { minLength: 99, maxLength: 130 }) },
        )
      : fc.array(item, { minLength: 1, maxLength: 3 });
  } else if (isInputObjectType(inner)) {
    const fields = Object.values(inner.getFields());
    const entries = fields.map((f) => {
      const required = isNonNullType(f.type) && f.defaultValue === undefined;
      const value = depth > 4 ? fc.constant(null) : valueArbitrary(f.type, pools, [f.name, inner.name, ...hints], mode, depth + 1);
      // Wild: a required field is left out now and then, an optional one half the time.
      // Plausible: required fields are there, optional ones half the time.
      return fc.tuple(fc.constant(f.name), required && !wild ? value : fc.option(value, { freq: required ? 15 : 2, nil: OMIT as unknown }));
    });
    // Now and then a field the type does not have.
    const extraField = wild
      ? fc.oneof({ weight: 14, arbitrary: fc.constant(OMIT) }, { weight: 1, arbitrary: fc.tuple(fc.constantFrom("unknownField", "__proto__", "nl\u0000"), text) })
      : fc.constant(OMIT);
    typed = fc.tuple(fc.tuple(...entries), extraField).map(([pairs, extra]) => {
      const out: Record<string, unknown> = {};
      const set = (key: string, value: unknown) => Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      for (const [key, value] of pairs) if (value !== OMIT) set(key, value);
      if (extra !== OMIT) set(extra[0], extra[1]);
      return out;
    });
  } else if (isEnumType(inner)) {
    const values = inner.getValues().map((v) => v.name);
    typed = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: fc.constantFrom("", "NOPE", values[0]!.toLowerCase(), `${values[0]}\u0000`) });
  } else if (isScalarType(inner)) {
    typed = scalarArbitrary(inner.name, pools, hints);
  } else {
    typed = text;
  }
  if (!wild) return typed;
  return fc.oneof({ weight: 12, arbitrary: typed }, { weight: 1, arbitrary: wrongType }, { weight: nullable ? 2 : 1, arbitrary: fc.constant(null) });
}

interface Case {
  target: Target;
  actor: (typeof ACTORS)[number];
  args: [GraphQLArgument, unknown][];
  literal: boolean;
}

function caseArbitrary(target: Target, actor: Case["actor"], pools: Pools): fc.Arbitrary<Case> {
  const args = (mode: "wild" | "plausible") =>
    fc.tuple(
      ...target.field.args.map((arg) =>
        // Wild: a required argument is left out now and then, an optional one a third of the time.
        fc.tuple(
          fc.constant(arg),
          mode === "plausible" && isNonNullType(arg.type)
            ? valueArbitrary(arg.type, pools, [arg.name, target.field.name], mode)
            : fc.option(valueArbitrary(arg.type, pools, [arg.name, target.field.name], mode), { freq: isNonNullType(arg.type) ? 20 : 3, nil: OMIT as unknown }),
        ),
      ),
    );
  return fc
    .record({
      // Half the cases wild, half plausible with a wild value here and there.
      args: fc.oneof(args("wild"), args("plausible")),
      // A third of the cases put the values in the document as literals.
      literal: fc.integer({ min: 0, max: 2 }).map((n) => n === 0),
    })
    .map(({ args, literal }) => ({ target, actor, args, literal }));
}

/** A value as a GraphQL literal; what cannot be one (a key that is not a name, NaN) makes a document that does not parse or validate, a case too. */
function literal(value: unknown, type: GraphQLInputType): string {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (value === null) return "null";
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, isListType(inner) ? inner.ofType : inner)).join(", ")}]`;
  if (typeof value === "object") {
    const fields = isInputObjectType(inner) ? inner.getFields() : {};
    return `{ ${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${literal(v, fields[k]?.type ?? inner)}`)
      .join(", ")} }`;
  }
  if (typeof value === "string" && isEnumType(getNamedType(inner)) && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value)) return value;
  if (typeof value === "string") return JSON.stringify(value);
  return String(value);
}

function operationOf(c: Case): { query: string; variables: Record<string, unknown> } {
  const variables: Record<string, unknown> = {};
  const definitions: string[] = [];
  const passed: string[] = [];
  c.args.forEach(([arg, value], i) => {
    if (c.literal) {
      if (value !== OMIT) passed.push(`${arg.name}: ${literal(value, arg.type)}`);
      return;
    }
    definitions.push(`$v${i}: ${arg.type.toString()}`);
    passed.push(`${arg.name}: $v${i}`);
    if (value !== OMIT) variables[`v${i}`] = value;
  });
  const call = `${c.target.field.name}${passed.length ? `(${passed.join(", ")})` : ""}${selectionOf(c.target.field)}`;
  const query = c.target.wrap(call).replace("%VARS%", definitions.length ? `(${definitions.join(", ")})` : "");
  return { query, variables };
}

// ---------------------------------------------------------------------------------------------
// The database's fingerprint: row counts of every table and the latest updated_at of each.

/** Every driver answers `execute` with { rows }; the shared query-builder type does not say so. */
async function rowsOf<T>(api: TestApi, query: SQL): Promise<T[]> {
  return ((await api.database.db.execute(query)) as unknown as { rows: T[] }).rows;
}

async function fingerprintOf(api: TestApi): Promise<() => Promise<string>> {
  const tables = await rowsOf<{ table_name: string; has_updated_at: boolean }>(
    api,
    sql`
    select t.table_name, exists (
      select 1 from information_schema.columns c where c.table_schema = t.table_schema and c.table_name = t.table_name and c.column_name = 'updated_at'
    ) as has_updated_at
    from information_schema.tables t where t.table_schema = 'public' and t.table_type = 'BASE TABLE' order by t.table_name`,
  );
  expect(tables.length).toBeGreaterThan(5);
  const parts = tables.map((r) => `'${r.table_name}', (select json_build_array(count(*), ${r.has_updated_at ? "max(updated_at)" : "null"}) from "${r.table_name}")`);
  // A function takes at most 100 arguments: the tables go in groups of 40, joined as jsonb.
  const groups: string[] = [];
  for (let i = 0; i < parts.length; i += 40) groups.push(`jsonb_build_object(${parts.slice(i, i + 40).join(", ")})`);
  const statement = sql.raw(`select (${groups.join(" || ")})::text as fingerprint`);
  return async () => (await rowsOf<{ fingerprint: string }>(api, statement))[0]!.fingerprint;
}

// ---------------------------------------------------------------------------------------------
// Real objects: the ids every query reachable without arguments shows an admin.

/** A selection of ids (and __typename) of `type` and the objects below it, without fields that need arguments. */
function idSelection(type: GraphQLObjectType, depth: number): string | null {
  const parts: string[] = [];
  if (hasId(type)) parts.push("__typename id");
  if (depth > 0) {
    for (const field of Object.values(type.getFields())) {
      if (requiredArgs(field).length) continue;
      const named = getNamedType(field.type);
      if (!isObjectType(named)) continue;
      const inner = idSelection(named, depth - 1);
      if (inner) parts.push(`${field.name} { ${inner} }`);
    }
  }
  return parts.length ? parts.join(" ") : null;
}

async function harvestIds(api: TestApi, schema: GraphQLSchema): Promise<Map<string, string[]>> {
  const ids = new Map<string, string[]>();
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === "object") {
      const record = value as Record<string, unknown>;
      if (typeof record.id === "string" && typeof record.__typename === "string") {
        const list = ids.get(record.__typename) ?? [];
        if (!list.includes(record.id)) list.push(record.id);
        ids.set(record.__typename, list);
      }
      Object.values(record).forEach(collect);
    }
  };
  for (const field of Object.values(schema.getQueryType()!.getFields())) {
    const named = getNamedType(field.type);
    if (requiredArgs(field).length || !isObjectType(named)) continue;
    const selection = idSelection(named, 6);
    if (!selection) continue;
    const result = await api.execRaw(`query FuzzHarvest { ${field.name} { ${selection} } }`, undefined, { as: "ADMIN" });
    collect(result.data);
  }
  // A few of each type are enough, and keep one type with hundreds of rows from crowding out the others.
  for (const [type, list] of ids) ids.set(type, list.slice(0, 25));
  return ids;
}

// ---------------------------------------------------------------------------------------------

/** Every string the case sent, keys included, so that an error quoting it is not taken for a leak. */
function sentStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) sentStrings(v, out);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      sentStrings(v, out);
    }
  }
  return out;
}

function scrub(textToScan: string, sent: string[]): string {
  let out = textToScan;
  for (const s of sent.filter((x) => x.length >= 2).sort((a, b) => b.length - a.length)) {
    const escaped = JSON.stringify(s).slice(1, -1);
    for (const form of [JSON.stringify(JSON.stringify(s)).slice(1, -1), JSON.stringify(s), escaped, s]) out = out.split(form).join("");
  }
  return out;
}

/** What the errors show that they must not, once what the case sent is taken out of them. */
function leaksIn(errors: readonly { message: string; extensions?: Record<string, unknown> }[], sent: string[]): string[] {
  const shown = scrub(`${errors.map((e) => e.message).join("\n")}\n${JSON.stringify(errors.map((e) => e.extensions ?? {}))}`, sent);
  return LEAKS.flatMap(([what, pattern]) => {
    const match = pattern.exec(shown);
    return match ? [`${what} in the response: ${JSON.stringify(match[0].slice(0, 120))}`] : [];
  });
}

interface Failure {
  target: string;
  actor: string;
  problem: string;
  query: string;
  variables: string;
}

let api: TestApi;
const cases: Case[] = [];
const failures: Failure[] = [];
/** Per target and actor: how many cases were answered and with which first error code (FUZZ_VERBOSE=1 prints it). */
const outcomes = new Map<string, Map<string, number>>();
const counts = { cases: 0, targets: 0, mutationCases: 0, refusedWrites: 0, acceptedWrites: 0, answered: 0, literal: 0 };
let started = 0;
let pools: Pools = { ids: new Map(), nodeTypes: [] };

/** The budget spread over `pairs` targets and actors: an even share each (at least MIN_CASES), the remainder one more for the first ones. */
function casesPerPair(pairs: number): (pair: number) => number {
  const share = Math.max(MIN_CASES, Math.floor(BUDGET / pairs));
  const remainder = Math.max(0, BUDGET - share * pairs);
  return (pair) => share + (pair < remainder ? 1 : 0);
}

beforeAll(async () => {
  started = performance.now();
  api = await createTestApi();
  // The sources plus a sector-sized synthetic set: invoices in every status, co-financing.
  await seedDatabase(api.database, "sector", undefined, { scale: SEED_SCALE });
  const schema = api.app.schema;
  const ids = await harvestIds(api, schema);
  const node = schema.getType("Node");
  const nodeTypes = node && isInterfaceType(node) ? schema.getImplementations(node).objects.map((t) => t.name) : [...ids.keys()];
  pools = { ids, nodeTypes };
  const targets = targetsOf(schema, ids);
  counts.targets = targets.length;
  const runs = casesPerPair(targets.length * ACTORS.length);
  let pair = 0;
  for (const target of targets) {
    for (const actor of ACTORS) {
      // Each target's cases come from the seed and its own name, independent of the others.
      let seed = SEED;
      for (const ch of `${target.name}/${actor.name}`) seed = (Math.imul(seed, 31) + ch.charCodeAt(0)) | 0;
      cases.push(...fc.sample(caseArbitrary(target, actor, pools), { seed, numRuns: runs(pair++) }));
    }
  }
}, 120_000);

afterAll(async () => {
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  // Shown even when the file passes (the config prints the console of failed tests only).
  process.stdout.write(
    `\nfuzz (${onPostgres ? "PostgreSQL" : "PGlite"}): ${counts.cases} cases over ${counts.targets} targets x ${ACTORS.length} actors, seed ${SEED} (FUZZ_SEED), budget ${BUDGET} (FUZZ_BUDGET), at least ${MIN_CASES} per target and actor; ` +
      `${counts.literal} as literals; ${counts.mutationCases} writes: ${counts.refusedWrites} refused with the database unchanged, ${counts.acceptedWrites} accepted; ` +
      `${counts.answered} answered without errors; ${failures.length} failures; ${seconds} s\n`,
  );
  if (process.env.FUZZ_VERBOSE) {
    process.stdout.write(`  ids: ${[...pools.ids].map(([t, list]) => `${t} ${list.length}`).join(", ")}\n`);
    for (const [outcome, tally] of outcomes) {
      process.stdout.write(
        `  ${outcome}: ${[...tally]
          .sort((a, b) => b[1] - a[1])
          .map(([k, n]) => `${k} ${n}`)
          .join(", ")}\n`,
      );
    }
  }
  await api?.close();
});

describe("fuzzing every mutation and every argument from the schema", () => {
  it("covers every mutation and the arguments of queries and nested fields", () => {
    const names = new Set(cases.map((c) => c.target.name));
    for (const field of Object.keys(api.app.schema.getMutationType()?.getFields() ?? {})) expect(names).toContain(`Mutation.${field}`);
    for (const [name, field] of Object.entries(api.app.schema.getQueryType()!.getFields())) if (field.args.length) expect(names).toContain(`Query.${name}`);
    // The nested arguments the issue names: a settlement scenario and an invoice filter.
    expect(names).toContain("FundingAgreement.settlement");
    expect(names).toContain("FundingAgreement.invoices");
  });

  it("spends the case budget on every target and actor, a few cases each at least, and no more than the budget", () => {
    const perPair = new Map<string, number>();
    for (const c of cases) perPair.set(`${c.target.name}/${c.actor.name}`, (perPair.get(`${c.target.name}/${c.actor.name}`) ?? 0) + 1);
    expect(perPair.size).toBe(counts.targets * ACTORS.length);
    expect(Math.min(...perPair.values())).toBeGreaterThanOrEqual(MIN_CASES);
    // Even: no pair gets more than one case over another.
    expect(Math.max(...perPair.values()) - Math.min(...perPair.values())).toBeLessThanOrEqual(1);
    expect(cases.length).toBe(Math.max(BUDGET, MIN_CASES * perPair.size));
    // The spread itself: more targets share the same budget, and each keeps its minimum.
    for (const pairs of [7, counts.targets * ACTORS.length + 50]) {
      const shares = Array.from({ length: pairs }, (_, i) => casesPerPair(pairs)(i));
      expect(shares.reduce((a, b) => a + b, 0)).toBe(Math.max(BUDGET, MIN_CASES * pairs));
      expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
    }
    expect(casesPerPair(BUDGET)(0)).toBe(MIN_CASES);
  });

  it("recognises a leak when it sees one, and not in what the case sent", () => {
    const masked = { message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } };
    expect(leaksIn([masked], [])).toEqual([]);
    expect(leaksIn([{ message: 'Failed query: select "id" from "boards" where "name" ilike $1' }], [])).not.toEqual([]);
    expect(leaksIn([{ message: "x", extensions: { stacktrace: ["Error: x", "    at run (/work/main/schema/shared/fn.ts:12:5)"] } }], [])).not.toEqual([]);
    expect(leaksIn([{ message: 'invalid input syntax for type date: "9999-99-99"' }], [])).not.toEqual([]);
    expect(leaksIn([{ message: "Error: x at run (bundle:12:5)" }], []).join()).toMatch(/a stack frame/);
    expect(leaksIn([{ message: "must name at least one level for a  trajectory (from FOREMAN to GENERAL_DIRECTOR)" }], [])).toEqual([]);
    expect(leaksIn([{ message: 'Variable "$v0" got invalid value "1; SELECT pg_sleep(5) FROM x"; String expected' }], ["1; SELECT pg_sleep(5) FROM x"])).toEqual([]);
  });

  it("answers every case with data or a typed error, leaks nothing, and leaves the database unchanged unless a write succeeds", async () => {
    const fingerprint = await fingerprintOf(api);
    let before = await fingerprint();
    for (const c of cases) {
      const { query, variables } = operationOf(c);
      counts.cases++;
      if (c.literal) counts.literal++;
      const fail = (problem: string) =>
        failures.push({ target: c.target.name, actor: c.actor.name, problem, query: query.slice(0, 600), variables: JSON.stringify(variables).slice(0, 600) });
      let result: Awaited<ReturnType<TestApi["execRaw"]>>;
      try {
        result = await api.execRaw(query, variables, c.actor.options);
      } catch (error) {
        fail(`threw ${(error as Error)?.name}: ${String((error as Error)?.message).slice(0, 200)}`);
        before = await fingerprint();
        continue;
      }
      const errors = result.errors ?? [];
      if (!errors.length) counts.answered++;
      const outcome = `${c.target.name} as ${c.actor.name}`;
      const tally = outcomes.get(outcome) ?? new Map<string, number>();
      const first = errors.length ? `${String(errors[0]!.extensions?.code)} ${String(errors[0]!.extensions?.field ?? "")}`.trim() : "answered";
      tally.set(first, (tally.get(first) ?? 0) + 1);
      outcomes.set(outcome, tally);
      for (const error of errors) {
        const code = error.extensions?.code;
        if (typeof code !== "string" || !TYPED_CODES.has(code)) fail(`error code ${String(code)}: ${error.message.slice(0, 200)}`);
      }
      for (const leak of leaksIn(errors, [...sentStrings(variables), ...sentStrings(c.args.map(([, v]) => (v === OMIT ? null : v)))])) fail(leak);
      // Reads never change the database, and refused writes neither.
      const after = await fingerprint();
      if (c.target.kind === "mutation") {
        counts.mutationCases++;
        const written = (result.data as Record<string, unknown> | null | undefined)?.[c.target.field.name];
        if (written === null || written === undefined) {
          counts.refusedWrites++;
          if (after !== before) fail("a refused write changed the database");
        } else {
          counts.acceptedWrites++;
        }
      } else if (after !== before) {
        fail("a query changed the database");
      }
      before = after;
    }
    const summary = [...new Map(failures.map((f) => [`${f.target} ${f.actor} ${f.problem.replace(/\d+/g, "N")}`, f])).values()];
    expect(
      summary,
      `${failures.length} failing cases (seed ${SEED}); first of each kind:\n${summary.map((f) => `- ${f.target} as ${f.actor}: ${f.problem}\n    ${f.query}\n    variables ${f.variables}`).join("\n")}`,
    ).toEqual([]);
  }, 300_000);
});
