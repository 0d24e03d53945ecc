// The local server as a client meets it: GraphQL over HTTP and over WebSocket on /graphql,
// /health, the explorer for browsers, typed errors for bad requests, and one log line per
// operation without personal data.
import { sql } from "drizzle-orm";
import { type Client, createClient } from "graphql-ws";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { type LocalServer, startLocalServer } from "../../functions/http.js";
import { createTestApi, type TestApi, token } from "../helpers/api.js";

let api: TestApi;
let server: LocalServer;
let releaseStartup: () => void;
let startupDone: Promise<void>;

beforeAll(async () => {
  api = await createTestApi();
  startupDone = new Promise<void>((resolve) => (releaseStartup = resolve));
  server = await startLocalServer(api.app, {
    port: 0,
    ready: startupDone,
    ping: async () => {
      await api.database.db.execute(sql`select 1`);
    },
  });
});
afterAll(async () => {
  await server.close();
  await api.close();
});
beforeEach(() => api.reset());

async function post(body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

const health = () => fetch(server.url.replace("/graphql", "/health"));

describe("startup", () => {
  // Runs first: the server listens before the database is ready and says so.
  it("answers 503 on /health and /graphql until the database is ready, then 200", async () => {
    expect((await health()).status).toBe(503);
    expect((await post({ query: "{ viewer { role } }" })).status).toBe(503);
    releaseStartup();
    await startupDone;
    await new Promise((r) => setTimeout(r, 10));
    expect((await health()).status).toBe(200);
    expect(await (await health()).json()).toEqual({ status: "ok" });
  });
});

describe("GraphQL over HTTP", () => {
  it("answers a query and picks the language from Accept-Language", async () => {
    const admin = await token("ADMIN");
    await post(
      { query: `mutation { createOrganisation(input: { name: { nl: "Vlaamse Regering", fr: "Gouvernement flamand" }, kind: GOVERNMENT }) { organisation { id } } }` },
      { authorization: `Bearer ${admin}` },
    );
    const fr = await post({ query: "{ organisations { edges { node { name } } } viewer { locale } }" }, { "accept-language": "fr-BE,fr;q=0.9,nl;q=0.5" });
    expect(fr.status).toBe(200);
    expect(fr.body.data).toEqual({ organisations: { edges: [{ node: { name: "Gouvernement flamand" } }] }, viewer: { locale: "FR" } });
  });

  it("answers 401 with UNAUTHENTICATED for a bad token", async () => {
    const response = await post({ query: "{ viewer { role } }" }, { authorization: "Bearer not-a-jwt" });
    expect(response.status).toBe(401);
    expect(response.body.errors[0].extensions.code).toBe("UNAUTHENTICATED");
    expect(JSON.stringify(response.body)).not.toMatch(/stack|at \w+ \(/);
  });

  it("answers 400 for invalid JSON and for a query that does not parse, without a stack trace", async () => {
    const badJson = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json" }, body: "{ nope" });
    expect(badJson.status).toBe(400);
    // The GraphQL-over-HTTP spec's media type gets 400; a client that accepts only JSON gets 200 (see graphql-http.test.ts).
    const unparsable = await post({ query: "{ boards { " }, { accept: "application/graphql-response+json" });
    expect(unparsable.status).toBe(400);
    expect(unparsable.body.errors[0].extensions.code).toBe("GRAPHQL_PARSE_FAILED");
    expect(unparsable.body.errors[0].extensions.stacktrace).toBeUndefined();
  });

  it("gives a browser the explorer on GET /graphql", async () => {
    const response = await fetch(server.url, { headers: { accept: "text/html" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(await response.text()).toMatch(/sandbox|explorer/i);
  });

  it("logs one JSON line per operation with its name, role, duration and statements, and no token", async () => {
    const admin = await token({ role: "ADMIN", sub: "jan.peeters@vvsg.be" });
    api.logs.length = 0;
    await post(
      { query: "query ListBoards { boards(first: 3) { totalCount edges { node { id } } } }", operationName: "ListBoards" },
      { authorization: `Bearer ${admin}`, "x-request-id": "req-123" },
    );
    expect(api.logs).toHaveLength(1);
    const line = api.logs[0]!;
    expect(line).toMatchObject({
      msg: "graphql operation",
      requestId: "req-123",
      operationName: "ListBoards",
      operationType: "query",
      actorRole: "ADMIN",
      sqlStatements: 2,
      errorCodes: [],
    });
    expect(typeof line.durationMs).toBe("number");
    const text = JSON.stringify(line);
    expect(text).not.toContain(admin);
    expect(text).not.toContain("jan.peeters");
  });

  it("logs the error codes of a failed operation", async () => {
    api.logs.length = 0;
    await post({ query: `mutation { createBoard(input: { name: "X", kind: OTHER, province: LIMBURG, population: 1 }) { board { id } } }` });
    expect(api.logs[0]).toMatchObject({ operationType: "mutation", actorRole: "ANONYMOUS", errorCodes: ["UNAUTHENTICATED"] });
  });
});

describe("GraphQL over WebSocket", () => {
  function connect(authorization?: string): Client {
    return createClient({
      url: server.url.replace("http", "ws"),
      webSocketImpl: WebSocket,
      connectionParams: authorization ? { authorization } : {},
      retryAttempts: 0,
      lazy: true,
    });
  }

  it("refuses hostile input and variables that fail coercion as the client's error, as over HTTP", async () => {
    const client = connect();
    const outcome = (operation: { query: string; variables?: Record<string, unknown> }) =>
      new Promise<unknown>((resolve) =>
        client.subscribe(operation, { next: (value) => resolve({ next: value }), error: (error) => resolve({ error }), complete: () => resolve("completed") }),
      );
    try {
      const nul = JSON.stringify(await outcome({ query: "query($s: String) { boards(filter: { search: $s }) { totalCount } }", variables: { s: "Ge\u0000nt" } }));
      expect(nul).toContain('"code":"BAD_USER_INPUT"');
      expect(nul).toContain('"field":"filter.search"');
      const enumValue = JSON.stringify(await outcome({ query: "query($p: Province) { boards(filter: { province: $p }) { totalCount } }", variables: { p: "NOWHERE" } }));
      expect(enumValue).toContain('"code":"BAD_USER_INPUT"');
      expect(enumValue).not.toContain("INTERNAL_SERVER_ERROR");
    } finally {
      await client.dispose();
    }
  });

  it("answers queries and delivers boardChanged when a board is created over HTTP", async () => {
    const client = connect();
    try {
      const viewer = await new Promise<any>((resolve, reject) => client.subscribe({ query: "{ viewer { role } }" }, { next: resolve, error: reject, complete: () => {} }));
      expect(viewer.data.viewer.role).toBe("ANONYMOUS");

      const received: any[] = [];
      let resolveFirst!: () => void;
      const first = new Promise<void>((r) => (resolveFirst = r));
      const unsubscribe = client.subscribe(
        { query: "subscription { boardChanged { name nisCode } }" },
        { next: (value) => (received.push(value), resolveFirst()), error: () => {}, complete: () => {} },
      );
      // Wait until the server has registered the subscription on its bus.
      for (let i = 0; i < 100 && api.app.events.listenerCount === 0; i++) await new Promise((r) => setTimeout(r, 10));
      expect(api.app.events.listenerCount).toBe(1);

      const admin = await token("ADMIN");
      await post(
        { query: `mutation { createBoard(input: { name: "Leuven", kind: MUNICIPALITY, nisCode: "24062", province: FLEMISH_BRABANT, population: 104000 }) { board { id } } }` },
        { authorization: `Bearer ${admin}` },
      );
      await first;
      expect(received[0].data.boardChanged).toEqual({ name: "Leuven", nisCode: "24062" });
      unsubscribe();
      for (let i = 0; i < 100 && api.app.events.listenerCount > 0; i++) await new Promise((r) => setTimeout(r, 10));
      expect(api.app.events.listenerCount).toBe(0);
    } finally {
      await client.dispose();
    }
  });

  it("closes a connection whose token is invalid", async () => {
    const client = connect("Bearer forged");
    try {
      const outcome = await new Promise<string>((resolve) =>
        client.subscribe({ query: "{ viewer { role } }" }, { next: () => resolve("answered"), error: () => resolve("refused"), complete: () => resolve("completed") }),
      );
      expect(outcome).toBe("refused");
    } finally {
      await client.dispose();
    }
  });
});
