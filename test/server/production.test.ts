// What `STAGE=production` alone changes, on the local server and on the Lambda handler: no
// introspection (over HTTP and WebSocket), no "Did you mean ...?" in errors, no explorer or
// landing page, and CORS only for the origins CORS_ORIGINS lists (none without it, never `*`);
// and what every other stage keeps for developers.
import { sql } from "drizzle-orm";
import { GraphQLError } from "graphql";
import { createClient } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { type LocalServer, startLocalServer } from "../../functions/http.js";
import { createApp } from "../../schema/server.js";
import { withoutSuggestions, withoutSuggestionsError } from "../../schema/shared/production.js";
import { settingsFromEnv } from "../../schema/shared/settings.js";
import { devAuth } from "../helpers/api.js";
import { createTestDatabase, type TestDatabase } from "../helpers/db.js";
import { startTestLambda, type TestLambda } from "../helpers/lambda.js";

const APP = "https://app.example";
const OTHER = "https://elsewhere.example";

// A misspelt field and a misspelt enum value in a variable: graphql-js suggests the real names.
const MISSPELT_FIELD = "{ boardz(first: 1) { totalCount } }";
const MISSPELT_ENUM = { query: "query ($province: Province) { boards(first: 1, filter: { province: $province }) { totalCount } }", variables: { province: "WEST_FLANDRES" } };
const INTROSPECTION = "{ __schema { queryType { name } } }";

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

async function graphql(fetchFn: Fetch, url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetchFn(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  return { response, body: (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } };
}

async function localServer(env: Record<string, string>): Promise<{ server: LocalServer; close(): Promise<void> }> {
  const testDb: TestDatabase = await createTestDatabase();
  const app = createApp({ database: testDb.database, auth: devAuth, settings: settingsFromEnv(env), log: () => {}, relay: false });
  const server = await startLocalServer(app, { port: 0, ping: async () => void (await testDb.database.db.execute(sql`select 1`)) });
  return {
    server,
    async close() {
      await server.close();
      await testDb.close();
    },
  };
}

describe("settings", () => {
  it("STAGE=production alone turns off introspection, suggestions and the explorer, and allows no origin", () => {
    expect(settingsFromEnv({ STAGE: "production" })).toMatchObject({ production: true, introspection: false, suggestions: false, explorer: false, corsOrigins: [] });
  });

  it("any other stage keeps them, and allows any origin unless CORS_ORIGINS lists some", () => {
    for (const STAGE of [undefined, "dev", "pr-42"]) {
      expect(settingsFromEnv({ STAGE })).toMatchObject({ production: false, introspection: true, suggestions: true, explorer: true, corsOrigins: "*" });
    }
    expect(settingsFromEnv({ STAGE: "dev", CORS_ORIGINS: ` ${APP}, http://localhost:5173 ` }).corsOrigins).toEqual([APP, "http://localhost:5173"]);
  });

  it("takes CORS_ORIGINS in production, refuses * there, and refuses what is not an origin", () => {
    expect(settingsFromEnv({ STAGE: "production", CORS_ORIGINS: APP }).corsOrigins).toEqual([APP]);
    expect(() => settingsFromEnv({ STAGE: "production", CORS_ORIGINS: "*" })).toThrow(/CORS_ORIGINS/);
    expect(() => settingsFromEnv({ STAGE: "production", CORS_ORIGINS: `${APP},*` })).toThrow(/CORS_ORIGINS/);
    for (const wrong of [`${APP}/`, "app.example", `${APP}/graphql`]) {
      expect(() => settingsFromEnv({ STAGE: "dev", CORS_ORIGINS: wrong })).toThrow(/is not an origin/);
    }
  });
});

describe("suggestions", () => {
  it("are cut from every kind of graphql-js message, and nothing else is", () => {
    const cases: [string, string][] = [
      ['Cannot query field "boardz" on type "Query". Did you mean "board" or "boards"?', 'Cannot query field "boardz" on type "Query".'],
      ['Unknown type "Provnce". Did you mean "Province"?', 'Unknown type "Provnce".'],
      [
        'Variable "$p" got invalid value "X"; Value "X" does not exist in "Province" enum. Did you mean the enum value "LIMBURG"?',
        'Variable "$p" got invalid value "X"; Value "X" does not exist in "Province" enum.',
      ],
      ['Field "nam" is not defined by type "CreateBoardInput". Did you mean "name"?', 'Field "nam" is not defined by type "CreateBoardInput".'],
      ["No Board with this id", "No Board with this id"],
    ];
    for (const [message, cut] of cases) {
      expect(withoutSuggestions({ message, extensions: { code: "X" } })).toEqual({ message: cut, extensions: { code: "X" } });
      const error = withoutSuggestionsError(new GraphQLError(message, { extensions: { code: "X" } }));
      expect([error.message, error.extensions.code]).toEqual([cut, "X"]);
    }
  });
});

describe("the local server in production", () => {
  let local: Awaited<ReturnType<typeof localServer>>;
  beforeAll(async () => {
    local = await localServer({ STAGE: "production", CORS_ORIGINS: APP });
  });
  afterAll(async () => {
    await local.close();
  });

  it("refuses introspection over HTTP", async () => {
    for (const query of [INTROSPECTION, '{ __type(name: "Board") { fields { name } } }']) {
      const { body } = await graphql(fetch, local.server.url, { query });
      expect(body.data).toBeUndefined();
      expect(body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(body.errors?.[0]?.message).toMatch(/introspection/i);
    }
  });

  it("refuses introspection over WebSocket", async () => {
    const client = createClient({ url: local.server.url.replace("http", "ws"), webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
    try {
      const outcome = await new Promise<unknown>((resolve) =>
        client.subscribe({ query: INTROSPECTION }, { next: (value) => resolve({ next: value }), error: (error) => resolve({ error }), complete: () => resolve("completed") }),
      );
      expect(JSON.stringify(outcome)).toMatch(/introspection/i);
      expect(JSON.stringify(outcome)).not.toContain("Query");
    } finally {
      await client.dispose();
    }
  });

  // WebSocket operations skip Apollo: functions/http.ts strips suggestions from onSubscribe's
  // validation and coercion errors and from onNext's execution errors itself.
  it("answers a misspelt field or enum value over WebSocket without suggesting the real name", async () => {
    const client = createClient({ url: local.server.url.replace("http", "ws"), webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
    try {
      for (const operation of [{ query: MISSPELT_FIELD }, MISSPELT_ENUM]) {
        const outcome = await new Promise<unknown>((resolve) =>
          client.subscribe(operation, { next: (value) => resolve({ next: value }), error: (error) => resolve({ error }), complete: () => resolve("completed") }),
        );
        expect(JSON.stringify(outcome)).toMatch(/boardz|WEST_FLANDRES/);
        expect(JSON.stringify(outcome)).not.toMatch(/did you mean|"boards"|WEST_FLANDERS/i);
      }
    } finally {
      await client.dispose();
    }
  });

  it("answers a misspelt field or enum value without suggesting the real name", async () => {
    const field = await graphql(fetch, local.server.url, { query: MISSPELT_FIELD });
    expect(field.body.errors?.[0]?.message).toBe('Cannot query field "boardz" on type "Query".');
    const value = await graphql(fetch, local.server.url, MISSPELT_ENUM);
    expect(value.body.errors?.[0]?.message).toMatch(/^Variable "\$province" got invalid value "WEST_FLANDRES"; Value "WEST_FLANDRES" does not exist in "Province" enum\.$/);
    expect(JSON.stringify([field.body, value.body])).not.toMatch(/did you mean|"boards"|WEST_FLANDERS/i);
  });

  it("shows no explorer page and serves none of its assets", async () => {
    const page = await fetch(local.server.url, { headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" } });
    expect(page.headers.get("content-type")).not.toContain("text/html");
    expect(await page.text()).not.toMatch(/<html|<!doctype|graphiql/i);
    expect((await fetch(new URL("/explorer/graphiql.min.js", local.server.url))).status).toBe(404);
  });

  it("answers CORS for the configured origin only, never with *", async () => {
    const allowed = await graphql(fetch, local.server.url, { query: "{ viewer { role } }" }, { origin: APP });
    expect(allowed.response.headers.get("access-control-allow-origin")).toBe(APP);
    expect(allowed.response.headers.get("vary")).toMatch(/origin/i);
    const other = await graphql(fetch, local.server.url, { query: "{ viewer { role } }" }, { origin: OTHER });
    expect(other.response.headers.get("access-control-allow-origin")).toBeNull();
    expect(other.response.headers.get("vary")).toMatch(/origin/i);

    const preflight = (origin: string) =>
      fetch(local.server.url, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "authorization, content-type" } });
    const ok = await preflight(APP);
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-origin")).toBe(APP);
    expect(ok.headers.get("access-control-allow-headers")).toContain("authorization");
    const refused = await preflight(OTHER);
    expect(refused.status).toBe(403);
    expect([...refused.headers.keys()].filter((name) => name.startsWith("access-control-"))).toEqual([]);
  });

  it("allows no origin at all without CORS_ORIGINS", async () => {
    const bare = await localServer({ STAGE: "production" });
    try {
      const response = await graphql(fetch, bare.server.url, { query: "{ viewer { role } }" }, { origin: APP });
      expect(response.response.headers.get("access-control-allow-origin")).toBeNull();
      const preflight = await fetch(bare.server.url, { method: "OPTIONS", headers: { origin: APP, "access-control-request-method": "POST" } });
      expect(preflight.status).toBe(403);
      expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    } finally {
      await bare.close();
    }
  });
});

describe("the Lambda handler in production", () => {
  let lambda: TestLambda;
  const url = "https://api.example/graphql";
  beforeAll(async () => {
    // Production verifies tokens against a JWKS; these tests send none, so it is never fetched.
    lambda = await startTestLambda({
      STAGE: "production",
      AUTH_JWKS_URL: "http://127.0.0.1:9/jwks.json",
      AUTH_ISSUER: "https://issuer.example",
      CORS_ORIGINS: APP,
      MENTOR_LINK_SECRET: "a-production-secret-for-mentor-links-0123456789",
    });
  });
  afterAll(async () => {
    await lambda.close();
  });
  const lambdaFetch: Fetch = (input, init) => lambda.fetch(input, init);

  it("refuses introspection", async () => {
    const { body } = await graphql(lambdaFetch, url, { query: INTROSPECTION });
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.message).toMatch(/introspection/i);
  });

  it("answers a misspelt field or enum value without suggesting the real name", async () => {
    const field = await graphql(lambdaFetch, url, { query: MISSPELT_FIELD });
    const value = await graphql(lambdaFetch, url, MISSPELT_ENUM);
    expect(field.body.errors?.[0]?.message).toBe('Cannot query field "boardz" on type "Query".');
    expect(JSON.stringify([field.body, value.body])).not.toMatch(/did you mean|"boards"|WEST_FLANDERS/i);
  });

  it("shows no landing page to a browser", async () => {
    const page = await lambdaFetch(url, { headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" } });
    expect(page.headers.get("content-type") ?? "").not.toContain("text/html");
    expect(await page.text()).not.toMatch(/<html|<!doctype|graphiql|apollographql|embeddable-sandbox/i);
  });

  it("answers CORS for the configured origin only", async () => {
    const allowed = await graphql(lambdaFetch, url, { query: "{ viewer { role } }" }, { origin: APP });
    expect(allowed.response.headers.get("access-control-allow-origin")).toBe(APP);
    expect(allowed.response.headers.get("vary")).toMatch(/origin/i);
    const other = await graphql(lambdaFetch, url, { query: "{ viewer { role } }" }, { origin: OTHER });
    expect(other.response.headers.get("access-control-allow-origin")).toBeNull();

    const ok = await lambdaFetch(url, { method: "OPTIONS", headers: { origin: APP, "access-control-request-method": "POST" } });
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-origin")).toBe(APP);
    const refused = await lambdaFetch(url, { method: "OPTIONS", headers: { origin: OTHER, "access-control-request-method": "POST" } });
    expect(refused.status).toBe(403);
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("other stages", () => {
  let local: Awaited<ReturnType<typeof localServer>>;
  let lambda: TestLambda;
  beforeAll(async () => {
    local = await localServer({ STAGE: "dev" });
    lambda = await startTestLambda({ STAGE: "dev" });
  });
  afterAll(async () => {
    await local.close();
    await lambda.close();
  });

  it("answer introspection and suggest names", async () => {
    for (const [fetchFn, url] of [[fetch, local.server.url] as const, [(i: string, init?: RequestInit) => lambda.fetch(i, init), "https://api.example/graphql"] as const]) {
      expect((await graphql(fetchFn, url, { query: INTROSPECTION })).body.data).toEqual({ __schema: { queryType: { name: "Query" } } });
      expect((await graphql(fetchFn, url, { query: MISSPELT_FIELD })).body.errors?.[0]?.message).toMatch(/Did you mean .*"boards"/);
      expect((await graphql(fetchFn, url, MISSPELT_ENUM)).body.errors?.[0]?.message).toMatch(/Did you mean the enum value "WEST_FLANDERS"/);
    }
  });

  it("show the explorer on the local server", async () => {
    const page = await fetch(local.server.url, { headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
  });

  it("allow any origin", async () => {
    const response = await graphql(fetch, local.server.url, { query: "{ viewer { role } }" }, { origin: OTHER });
    expect(response.response.headers.get("access-control-allow-origin")).toBe("*");
    const preflight = await fetch(local.server.url, { method: "OPTIONS", headers: { origin: OTHER, "access-control-request-method": "POST" } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    const onLambda = await lambda.fetch("https://api.example/graphql", { method: "OPTIONS", headers: { origin: OTHER, "access-control-request-method": "POST" } });
    expect(onLambda.status).toBe(204);
    expect(onLambda.headers.get("access-control-allow-origin")).toBe("*");
  });
});
