// The Lambda entry points, invoked with synthetic API Gateway v2 events. Against PostgreSQL
// they run through the Neon serverless driver and a local WebSocket proxy, the production
// code path; on the embedded database they use PGlite in a folder.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from "aws-lambda";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { token } from "../helpers/api.js";
import { createPostgresDatabase, TEST_DATABASE_URL } from "../helpers/db.js";
import { startWsProxy, type WsProxy } from "../helpers/ws-proxy.js";

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

let handler: Handler;
let cleanup: () => Promise<void>;
let databaseUrl: string | undefined;

function event(path: string, body?: unknown, headers: Record<string, string> = {}): APIGatewayProxyEventV2 {
  const method = body === undefined ? "GET" : "POST";
  return {
    version: "2.0",
    routeKey: `${method} ${path}`,
    rawPath: path,
    rawQueryString: "",
    headers: { "content-type": "application/json", ...headers },
    requestContext: {
      accountId: "123456789012",
      apiId: "api",
      domainName: "api.example",
      domainPrefix: "api",
      http: { method, path, protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: "vitest" },
      requestId: `req-${Math.random().toString(36).slice(2)}`,
      routeKey: `${method} ${path}`,
      stage: "$default",
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    isBase64Encoded: false,
  };
}

const lambdaContext = { awsRequestId: "aws-req", functionName: "GraphqlFunction", getRemainingTimeInMillis: () => 20_000 } as unknown as Context;

async function graphql(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) {
  const result = await handler(event("/graphql", { query, variables }, headers), lambdaContext);
  return { status: result.statusCode, body: JSON.parse(result.body ?? "null") };
}

beforeAll(async () => {
  vi.stubEnv("STAGE", "dev");
  vi.stubEnv("NODE_ENV", "production");
  vi.stubEnv("AWS_LAMBDA_FUNCTION_NAME", "GraphqlFunction");
  let proxy: WsProxy | undefined;
  if (TEST_DATABASE_URL) {
    const created = await createPostgresDatabase(TEST_DATABASE_URL);
    databaseUrl = created.url;
    const target = new URL(created.url);
    proxy = await startWsProxy([`${target.hostname}:${target.port || 5432}`]);
    vi.stubEnv("DATABASE_DRIVER", "neon");
    vi.stubEnv("DATABASE_URL", created.url);
    vi.stubEnv("NEON_WS_PROXY", proxy.address);
    cleanup = async () => {
      await proxy?.close();
      await created.drop();
    };
  } else {
    const dir = mkdtempSync(join(tmpdir(), "talent-lambda-"));
    vi.stubEnv("DATABASE_DRIVER", "pglite");
    vi.stubEnv("PGLITE_DIR", dir);
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  // Deploys run the migration function first; so does this test.
  const migrate = await import("../../functions/migrate.js");
  expect(await migrate.handler()).toMatchObject({ migrated: true, driver: TEST_DATABASE_URL ? "neon" : "pglite" });
  ({ handler } = await import("../../functions/graphql.js"));
});

afterAll(async () => {
  await cleanup();
  vi.unstubAllEnvs();
});

describe("the GraphQL Lambda", () => {
  it("answers a query from an API Gateway v2 event", async () => {
    const { status, body } = await graphql("{ viewer { role locale } boards { totalCount } }", undefined, { "accept-language": "en" });
    expect(status).toBe(200);
    expect(body).toEqual({ data: { viewer: { role: "ANONYMOUS", locale: "EN" }, boards: { totalCount: 0 } } });
  });

  it("writes in one invocation and reads it back in the next, with a token", async () => {
    const admin = await token("ADMIN");
    const created = await graphql(
      `mutation($input: CreateBoardInput!) { createBoard(input: $input) { board { id name } } }`,
      { input: { name: "Brugge", kind: "MUNICIPALITY", nisCode: "31005", province: "WEST_FLANDERS", population: 119000 } },
      { authorization: `Bearer ${admin}` },
    );
    expect(created.body.errors).toBeUndefined();
    const id = created.body.data.createBoard.board.id;
    const read = await graphql(`query($id: ID!) { board(id: $id) { name nisCode } }`, { id });
    expect(read.body.data.board).toEqual({ name: "Brugge", nisCode: "31005" });
    const audit = await graphql(`{ auditLog { totalCount edges { node { operation actorRole } } } }`, undefined, { authorization: `Bearer ${admin}` });
    expect(audit.body.data.auditLog.edges[0].node).toEqual({ operation: "createBoard", actorRole: "ADMIN" });
  });

  it("rolls a refused write back whole and answers with a typed error", async () => {
    const admin = await token("ADMIN");
    const duplicate = await graphql(
      `mutation($input: CreateBoardInput!) { createBoard(input: $input) { board { id } } }`,
      { input: { name: "Brugge bis", kind: "MUNICIPALITY", nisCode: "31005", province: "WEST_FLANDERS", population: 1 } },
      { authorization: `Bearer ${admin}` },
    );
    expect(duplicate.body.errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.nisCode" });
    expect(JSON.stringify(duplicate.body)).not.toMatch(/duplicate key|stack/i);
    const audit = await graphql(`{ auditLog { totalCount } boards { totalCount } }`, undefined, { authorization: `Bearer ${admin}` });
    expect(audit.body.data).toEqual({ auditLog: { totalCount: 1 }, boards: { totalCount: 1 } });
  });

  it("answers GET /health after checking the database", async () => {
    const result = await handler(event("/health"), lambdaContext);
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body ?? "{}")).toEqual({ status: "ok" });
  });

  it.runIf(Boolean(TEST_DATABASE_URL))("closes its database connections at the end of every invocation", async () => {
    const name = new URL(databaseUrl!).pathname.slice(1);
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      await graphql("{ boards { totalCount } }");
      // The server notices a closed WebSocket connection a moment later.
      let open = -1;
      for (let i = 0; i < 50; i++) {
        const { rows } = await client.query("select count(*)::int as n from pg_stat_activity where datname = $1", [name]);
        open = rows[0].n;
        if (open === 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(open).toBe(0);
    } finally {
      await client.end();
    }
  });

  it("refuses to start in production with the development secret", async () => {
    vi.resetModules();
    vi.stubEnv("STAGE", "production");
    await expect(import("../../functions/graphql.js")).rejects.toThrow(/production/);
    vi.stubEnv("STAGE", "dev");
  });

  it("refuses to start in production without its own secret for mentors' links", async () => {
    vi.resetModules();
    vi.stubEnv("STAGE", "production");
    vi.stubEnv("AUTH_JWKS_URL", "http://127.0.0.1:9/jwks.json");
    vi.stubEnv("AUTH_ISSUER", "https://issuer.example");
    await expect(import("../../functions/graphql.js")).rejects.toThrow(/MENTOR_LINK_SECRET/);
    vi.stubEnv("STAGE", "dev");
    vi.unstubAllEnvs();
  });
});
