// Caching public reads (schema/shared/cache-control.ts, docs/caching.md), against the local
// server on the seeded sources:
// - over HTTP: a catalogue read sent as GET is `public, max-age=N`; the same read with a token,
//   a bad token, a mutation, an error or a field that is not public is `no-store`; persisted
//   queries work by hash over GET once registered; a mutation over GET is refused;
// - the schema: every root field hinted public is in an allowlist here, so a new public hint is
//   a reviewed change of this file;
// - no answer that depends on the actor is public: one generated operation per root field of
//   Query (every field it can select without arguments, a few levels deep), sent anonymously and
//   as each role; every answer to a request with a token must be `no-store`, and where the
//   anonymous answer is public every actor must get the very same data (a field that shows an
//   editor more than the public, hinted public by mistake, fails here).
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { type GraphQLField, type GraphQLNamedType, type GraphQLSchema, getNamedType, isInterfaceType, isLeafType, isNonNullType, isObjectType, type ValueNode } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "../../db/seed/index.js";
import { type LocalServer, startLocalServer } from "../../functions/http.js";
import { buildSchema } from "../../schema/server.js";
import { type Actor, createTestApi, type TestApi, token } from "../helpers/api.js";
import { rowId } from "../helpers/funding.js";
import { startTestLambda } from "../helpers/lambda.js";

/**
 * The root fields whose answer may be cached by anyone, with their max-age. Each is the same for
 * every actor (the actor test below checks it on the seeded data). Adding one here is a review
 * question: could a signed-in caller see more, or less, than an anonymous one?
 */
const PUBLIC_ROOT_FIELDS: Record<string, number> = {
  board: 300,
  boards: 300,
  charters: 300,
  mentoringProjects: 60,
  onTheJobTrainings: 60,
  organisation: 300,
  organisations: 300,
  programme: 300,
  programmes: 300,
  publishedCampaignResults: 300,
  publishedLearningTools: 300,
  publishedProfessions: 300,
  training: 60,
  trainings: 60,
};

let api: TestApi;
let server: LocalServer;

beforeAll(async () => {
  api = await createTestApi();
  await seedDatabase(api.database, "sources");
  server = await startLocalServer(api.app, {
    port: 0,
    ping: async () => {
      await api.database.db.execute(sql`select 1`);
    },
  });
}, 120_000);
afterAll(async () => {
  await server?.close();
  await api?.close();
});

interface Answer {
  status: number;
  cacheControl: string | null;
  vary: string[];
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function answer(response: Response): Promise<Answer> {
  return {
    status: response.status,
    cacheControl: response.headers.get("cache-control"),
    vary: (response.headers.get("vary") ?? "").split(",").map((name) => name.trim().toLowerCase()),
    body: (await response.json()) as Answer["body"],
  };
}

interface GetOptions {
  variables?: Record<string, unknown>;
  extensions?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** A GET as a browser's client sends it: the operation in the query string, and Apollo's CSRF-prevention header. */
async function get(query: string | null, { variables, extensions, headers = {} }: GetOptions = {}): Promise<Answer> {
  const params = new URLSearchParams();
  if (query !== null) params.set("query", query);
  if (variables) params.set("variables", JSON.stringify(variables));
  if (extensions) params.set("extensions", JSON.stringify(extensions));
  return answer(await fetch(`${server.url}?${params}`, { headers: { "apollo-require-preflight": "true", ...headers } }));
}

async function post(query: string, headers: Record<string, string> = {}): Promise<Answer> {
  return answer(await fetch(server.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query }) }));
}

const bearer = async (actor: Actor | Actor["role"]) => ({ authorization: `Bearer ${await token(actor)}` });

const BOARDS = "query CatalogueBoards { boards(first: 5) { totalCount edges { node { id name kind province } } pageInfo { hasNextPage endCursor } } }";

describe("GET and Cache-Control over HTTP", () => {
  it("answers a catalogue read sent as GET with public, max-age and Vary on language, token and origin", async () => {
    const read = await get(BOARDS, { headers: { origin: "https://app.example" } });
    expect(read.status).toBe(200);
    expect(read.body.errors).toBeUndefined();
    expect((read.body.data as { boards: { totalCount: number } }).boards.totalCount).toBeGreaterThan(0);
    expect(read.cacheControl).toBe("public, max-age=300");
    expect(read.vary).toEqual(expect.arrayContaining(["origin", "accept-language", "authorization"]));
  });

  it("takes the shortest max-age of the root fields an operation reads", async () => {
    const read = await get("{ boards(first: 1) { totalCount } trainings(first: 1) { totalCount } }");
    expect(read.body.errors).toBeUndefined();
    expect(read.cacheControl).toBe("public, max-age=60");
  });

  it("never marks the same read public when it carries a token, valid or not", async () => {
    const anonymous = await get(BOARDS);
    const admin = await get(BOARDS, { headers: await bearer("ADMIN") });
    expect(admin.status).toBe(200);
    expect(admin.body.data).toEqual(anonymous.body.data);
    expect(admin.cacheControl).toBe("no-store");
    const refused = await get(BOARDS, { headers: { authorization: "Bearer not-a-jwt" } });
    expect(refused.status).toBe(401);
    expect(refused.cacheControl).toBe("no-store");
  });

  it("marks a read that reaches a field that is not public no-store", async () => {
    // viewerCanUpdate answers for the viewer; viewer is the actor itself.
    const canUpdate = await get("{ boards(first: 2) { edges { node { id viewerCanUpdate } } } }");
    expect(canUpdate.body.errors).toBeUndefined();
    expect(canUpdate.cacheControl).toBe("no-store");
    const viewer = await get("{ boards(first: 1) { totalCount } viewer { role locale } }");
    expect(viewer.body.errors).toBeUndefined();
    expect(viewer.cacheControl).toBe("no-store");
    // A public type reached from a root field that is not public (an agreement's funder is an Organisation).
    const nested = await get("{ fundingAgreements(first: 1) { edges { node { funder { name } } } } }", { headers: await bearer("ADMIN") });
    expect(nested.body.errors).toBeUndefined();
    expect(nested.cacheControl).toBe("no-store");
  });

  it("marks an answer with errors no-store", async () => {
    const tooMany = await get("{ boards(first: 1000) { totalCount } }");
    expect(tooMany.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(tooMany.cacheControl).toBe("no-store");
    const unknownField = await get("{ boards(first: 1) { nope } }");
    expect(unknownField.body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(unknownField.cacheControl).toBe("no-store");
  });

  it("refuses a GET without Apollo's CSRF-prevention header, and says it is not cacheable", async () => {
    const response = await answer(await fetch(`${server.url}?${new URLSearchParams({ query: BOARDS })}`));
    expect(response.status).toBe(400);
    expect(response.cacheControl).toBe("no-store");
  });

  it("refuses a mutation over GET (405), runs nothing, and never caches the refusal", async () => {
    const name = `GET-board-${Date.now()}`;
    const mutation = `mutation { createBoard(input: { name: "${name}", kind: OTHER, province: LIMBURG, population: 1 }) { board { id } } }`;
    const refused = await get(mutation, { headers: await bearer("ADMIN") });
    expect(refused.status).toBe(405);
    expect(refused.cacheControl).toBe("no-store");
    const search = await post(`{ boards(filter: { search: "${name}" }) { totalCount } }`);
    expect(search.body.data).toEqual({ boards: { totalCount: 0 } });
    // The same mutation by POST runs, and its answer is not cacheable either.
    const created = await post(mutation, await bearer("ADMIN"));
    expect(created.body.errors).toBeUndefined();
    expect(created.cacheControl).toBe("no-store");
  });

  it("serves a persisted query by its hash over GET once it is registered, as a public answer", async () => {
    // A text of this test's own, so that no earlier request has registered it.
    const query = `query PersistedOrganisations { organisations(first: 3) { totalCount edges { node { id name kind } } } } # ${Date.now()}`;
    const extensions = { persistedQuery: { version: 1, sha256Hash: createHash("sha256").update(query).digest("hex") } };

    const unknown = await get(null, { extensions });
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    expect(unknown.cacheControl).toBe("no-store");

    const registered = await get(query, { extensions });
    expect(registered.status).toBe(200);
    expect(registered.cacheControl).toBe("public, max-age=300");

    const byHash = await get(null, { extensions, headers: { "accept-language": "fr" } });
    expect(byHash.status).toBe(200);
    expect(byHash.cacheControl).toBe("public, max-age=300");
    const total = (a: Answer) => (a.body.data as { organisations: { totalCount: number } }).organisations.totalCount;
    expect(total(byHash)).toBe(total(registered));

    // A hash that does not match the text registers nothing.
    const hijack = await get("{ viewer { role } }", { extensions });
    expect(hijack.status).toBe(400);
    expect(hijack.cacheControl).toBe("no-store");
  });
});

describe("GET and Cache-Control on Lambda, behind the CDN", () => {
  it("passes Apollo's Cache-Control and Vary through, beside the CORS headers", async () => {
    const lambda = await startTestLambda();
    try {
      const url = `https://api.example/graphql?${new URLSearchParams({ query: BOARDS })}`;
      const headers = { "apollo-require-preflight": "true", origin: "https://app.example" };
      const anonymous = await lambda.fetch(url, { headers });
      expect(anonymous.status).toBe(200);
      expect(anonymous.headers.get("cache-control")).toBe("public, max-age=300");
      const vary = (anonymous.headers.get("vary") ?? "").split(",").map((name) => name.trim().toLowerCase());
      expect(vary).toEqual(expect.arrayContaining(["origin", "accept-language", "authorization"]));
      const signedIn = await lambda.fetch(url, { headers: { ...headers, ...(await bearer("ADMIN")) } });
      expect(signedIn.status).toBe(200);
      expect(signedIn.headers.get("cache-control")).toBe("no-store");
      const refused = await lambda.fetch(url, { headers: { ...headers, authorization: "Bearer not-a-jwt" } });
      expect(refused.status).toBe(401);
      expect(refused.headers.get("cache-control")).toBe("no-store");
    } finally {
      await lambda.close();
    }
  }, 120_000);
});

describe("the schema's public hints", () => {
  it("hints public only the root fields of the allowlist, with its max-age", () => {
    const hinted: Record<string, number> = {};
    for (const field of Object.values(buildSchema().getQueryType()!.getFields())) {
      const hint = cacheHint(field);
      if (hint && (hint.maxAge ?? 0) > 0 && hint.scope !== "PRIVATE") hinted[field.name] = hint.maxAge!;
    }
    expect(hinted).toEqual(PUBLIC_ROOT_FIELDS);
  });
});

describe("no answer that depends on the actor is public", () => {
  const schema = buildSchema();
  const actors: { label: string; actor: Actor | null }[] = [{ label: "anonymous", actor: null }];
  let operations: { field: string; variant: string; query: string }[] = [];

  beforeAll(async () => {
    // Rows the public must not see, so that a list which hides them answers editors differently:
    // a learning tool and a profession that are not published (yet).
    const admin = await bearer("ADMIN");
    for (const mutation of [
      `mutation { createLearningTool(input: { title: { nl: "Nog niet gepubliceerd" }, kind: INSTRUMENT, link: "https://example.org/tool" }) { tool { id } } }`,
      `mutation { createProfession(input: { title: { nl: "Nog niet gepubliceerd" }, category: CARE }) { profession { id } } }`,
    ]) {
      expect((await post(mutation, admin)).body.errors).toBeUndefined();
    }
    const ids = await seededIds();
    actors.push(
      { label: "ADMIN", actor: { role: "ADMIN", sub: "cache-admin" } },
      { label: "CONSULTANT", actor: { role: "CONSULTANT", sub: "cache-consultant" } },
      { label: "BOARD_MEMBER", actor: { role: "BOARD_MEMBER", sub: "cache-member", board: rowId(ids.board) } },
      { label: "EXPERT", actor: { role: "EXPERT", sub: "cache-expert", org: rowId(ids.organisation) } },
      { label: "PARTNER", actor: { role: "PARTNER", sub: "cache-partner", org: rowId(ids.organisation) } },
    );
    operations = rootOperations(schema, rootArguments(ids));
  }, 60_000);

  it("covers every root field of Query", () => {
    const covered = new Set(operations.map((o) => o.field));
    expect(Object.keys(schema.getQueryType()!.getFields()).filter((name) => !covered.has(name))).toEqual([]);
  });

  it("gives every actor the same data where the anonymous answer is public, and no token-bearing answer is public", async () => {
    const problems: string[] = [];
    const publicFields = new Set<string>();
    for (const operation of operations) {
      const anonymous = await post(operation.query);
      const isPublic = anonymous.cacheControl?.startsWith("public") ?? false;
      if (isPublic) publicFields.add(operation.field);
      for (const { label, actor } of actors.slice(1)) {
        const signedIn = await post(operation.query, await bearer(actor!));
        if (signedIn.cacheControl !== "no-store") problems.push(`${operation.field} (${operation.variant}) as ${label}: ${signedIn.cacheControl}`);
        if (isPublic && JSON.stringify(signedIn.body) !== JSON.stringify(anonymous.body)) {
          problems.push(`${operation.field} (${operation.variant}) is public, but ${label} gets other data`);
        }
      }
    }
    expect(problems).toEqual([]);
    // Not vacuous: every allowlisted field's generated read is public for anonymous callers.
    expect([...publicFields].sort()).toEqual(Object.keys(PUBLIC_ROOT_FIELDS).sort());
  }, 600_000);
});

/** The @cacheControl arguments of a field's definition, if it has one. */
function cacheHint(field: GraphQLField<unknown, unknown>): { maxAge?: number; scope?: string } | null {
  const directive = field.astNode?.directives?.find((d) => d.name.value === "cacheControl");
  if (!directive) return null;
  const argument = (name: string): ValueNode | undefined => directive.arguments?.find((a) => a.name.value === name)?.value;
  const maxAge = argument("maxAge");
  const scope = argument("scope");
  return { maxAge: maxAge?.kind === "IntValue" ? Number(maxAge.value) : undefined, scope: scope?.kind === "EnumValue" ? scope.value : undefined };
}

interface SeededIds {
  board: string;
  organisation: string;
  training: string | null;
  programme: string | null;
  trajectory: string | null;
  fundingAgreement: string | null;
  campaign: string | null;
  webhookSubscription: string | null;
}

async function seededIds(): Promise<SeededIds> {
  const first = "(first: 1) { edges { node { id } } }";
  const { body } = await post(
    `{ boards${first} organisations${first} trainings${first} trajectories${first} fundingAgreements${first} campaigns${first} webhookSubscriptions${first} programmes { slug } }`,
    await bearer("ADMIN"),
  );
  expect(body.errors).toBeUndefined();
  const data = body.data as Record<string, { edges: { node: { id: string } }[] } & { slug: string }[]>;
  const id = (field: string) => data[field]?.edges?.[0]?.node.id ?? null;
  return {
    board: id("boards")!,
    organisation: id("organisations")!,
    training: id("trainings"),
    programme: (data.programmes as unknown as { slug: string }[])[0]?.slug ?? null,
    trajectory: id("trajectories"),
    fundingAgreement: id("fundingAgreements"),
    campaign: id("campaigns"),
    webhookSubscription: id("webhookSubscriptions"),
  };
}

/** The arguments a root field needs, written as GraphQL; fields not listed take none. */
function rootArguments(ids: SeededIds): Record<string, string> {
  const idOr = (id: string | null) => JSON.stringify(id ?? "missing");
  const period = `period: { start: "2023-01-01", end: "2025-12-31" }`;
  return {
    node: `id: ${idOr(ids.board)}`,
    nodes: `ids: [${idOr(ids.board)}, ${idOr(ids.organisation)}]`,
    board: `id: ${idOr(ids.board)}`,
    organisation: `id: ${idOr(ids.organisation)}`,
    training: `id: ${idOr(ids.training)}`,
    programme: `slug: ${idOr(ids.programme)}`,
    trajectory: `id: ${idOr(ids.trajectory)}`,
    fundingAgreement: `id: ${idOr(ids.fundingAgreement)}`,
    selectionProposal: `campaignId: ${idOr(ids.campaign)}`,
    webhookDeliveries: `subscriptionId: ${idOr(ids.webhookSubscription)}`,
    communicationReach: period,
    reach: period,
    worktableMeetingsHeld: period,
    mentoringMatches: `forTalent: { region: ANTWERP, languages: ["nl"] }`,
  };
}

/**
 * Two reads per root field of Query: every field it can reach without arguments of its own, a
 * few levels deep ("all"), and only those whose hints allow a public answer ("hinted": no field
 * hinted `maxAge: 0`, no object type without a hint), as a client of the public catalogue would
 * ask, so that a public root field also gets a read that can be public. A read is kept under the
 * server's token limit by going less deep.
 */
function rootOperations(schema: GraphQLSchema, args: Record<string, string>): { field: string; variant: string; query: string }[] {
  const operations: { field: string; variant: string; query: string }[] = [];
  for (const field of Object.values(schema.getQueryType()!.getFields())) {
    const fieldArgs = args[field.name] ? `(${args[field.name]})` : "";
    for (const variant of ["all", "hinted"] as const) {
      for (let depth = 4; depth >= 1; depth--) {
        const selection = selectionOf(getNamedType(field.type), depth, variant === "hinted");
        const query = `query CacheWalk { ${field.name}${fieldArgs}${selection} }`;
        if (tokenCount(query) <= 3_000 || depth === 1) {
          operations.push({ field: field.name, variant, query });
          break;
        }
      }
    }
  }
  return operations;
}

function selectionOf(type: GraphQLNamedType, depth: number, skipUncacheable: boolean): string {
  if (isLeafType(type)) return "";
  if (depth === 0) return " { __typename }";
  const parts = ["__typename"];
  if (isObjectType(type) || isInterfaceType(type)) {
    for (const field of Object.values(type.getFields())) {
      if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
      const named = getNamedType(field.type);
      if (skipUncacheable && !mayBePublic(field, named)) continue;
      parts.push(isLeafType(named) ? field.name : `${field.name}${selectionOf(named, depth - 1, skipUncacheable)}`);
    }
  }
  return ` { ${parts.join(" ")} }`;
}

/** Whether a field's hints let an answer stay public: not `maxAge: 0`, and a leaf or a hinted type. */
function mayBePublic(field: GraphQLField<unknown, unknown>, type: GraphQLNamedType): boolean {
  const hint = cacheHint(field);
  if (hint?.maxAge === 0) return false;
  if (isLeafType(type) || hint?.maxAge) return true;
  return Boolean(type.astNode?.directives?.some((d) => d.name.value === "cacheControl"));
}

function tokenCount(query: string): number {
  return query.match(/\.\.\.|[A-Za-z_][A-Za-z0-9_]*|"(?:[^"\\]|\\.)*"|-?\d+|[{}()[\]:!$=@,|&]/g)?.length ?? 0;
}
