// The GraphQL-over-HTTP specification, checked by graphql-http's audit suite against both
// transports: the local server (functions/http.ts) and the Lambda handler (functions/graphql.ts,
// driven with API Gateway v2 events). Every MUST and every SHOULD has to pass; the MAYs run too,
// and their outcome is only reported.
import { sql } from "drizzle-orm";
import { type Audit, type AuditResult, serverAudits } from "graphql-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalServer, startLocalServer } from "../../functions/http.js";
import { preferredMediaType } from "../../schema/shared/graphql-over-http.js";
import { createTestApi, type TestApi } from "../helpers/api.js";
import { startTestLambda, type TestLambda } from "../helpers/lambda.js";

interface Transport {
  url(): string;
  fetch: typeof fetch;
}

function auditsAgainst(transport: () => Transport): { audit: Audit; required: boolean }[] {
  return serverAudits({ url: () => transport().url(), fetchFn: ((input: string | URL | Request, init?: RequestInit) => transport().fetch(input, init)) as typeof fetch }).map(
    (audit) => ({
      audit,
      required: audit.name.startsWith("MUST") || audit.name.startsWith("SHOULD"),
    }),
  );
}

function explain(result: AuditResult): string {
  return result.status === "ok" ? "ok" : `${result.status}: ${result.reason}`;
}

describe("the local server", () => {
  let api: TestApi;
  let server: LocalServer;
  beforeAll(async () => {
    api = await createTestApi();
    server = await startLocalServer(api.app, { port: 0, ping: async () => void (await api.database.db.execute(sql`select 1`)) });
  });
  afterAll(async () => {
    await server.close();
    await api.close();
  });

  const audits = auditsAgainst(() => ({ url: () => server.url, fetch }));
  it.each(audits.filter((a) => a.required).map((a) => [a.audit.name, a.audit] as const))("%s", async (_name, audit) => {
    const result = await audit.fn();
    expect(explain(result)).toBe("ok");
  });
  it.each(audits.filter((a) => !a.required).map((a) => [a.audit.name, a.audit] as const))("%s (optional)", async (_name, audit) => {
    await audit.fn();
  });
});

describe("the status of a request that fails before execution, by Accept header", () => {
  let api: TestApi;
  let server: LocalServer;
  beforeAll(async () => {
    api = await createTestApi();
    server = await startLocalServer(api.app, { port: 0, ping: async () => void (await api.database.db.execute(sql`select 1`)) });
  });
  afterAll(async () => {
    await server.close();
    await api.close();
  });

  async function post(body: unknown, accept?: string) {
    const response = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json", ...(accept ? { accept } : {}) }, body: JSON.stringify(body) });
    return {
      status: response.status,
      type: response.headers.get("content-type"),
      body: (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] },
    };
  }
  const failures = {
    GRAPHQL_PARSE_FAILED: { query: "{" },
    GRAPHQL_VALIDATION_FAILED: { query: "{ nope }" },
    BAD_USER_INPUT: { query: "query ($id: ID!) { node(id: $id) { id } }", variables: { id: null } },
    OPERATION_RESOLUTION_FAILURE: { query: "query A { __typename }", operationName: "B" },
  };

  it.each(Object.entries(failures))("%s: 200 for application/json, 400 for application/graphql-response+json", async (code, body) => {
    const json = await post(body, "application/json");
    expect([json.status, json.type, json.body.errors?.[0]?.extensions?.code]).toEqual([200, "application/json; charset=utf-8", code]);
    expect(json.body).not.toHaveProperty("data");
    const graphqlResponse = await post(body, "application/graphql-response+json");
    expect([graphqlResponse.status, graphqlResponse.type]).toEqual([400, "application/graphql-response+json; charset=utf-8"]);
  });

  it("follows the client's preference when it accepts both", async () => {
    expect((await post(failures.GRAPHQL_PARSE_FAILED, "application/graphql-response+json;q=0.9, application/json")).status).toBe(200);
    expect((await post(failures.GRAPHQL_PARSE_FAILED, "application/json;q=0.5, application/graphql-response+json")).status).toBe(400);
    // Any type: the answer is application/json (the audit's SHOULD), so its status is that type's.
    expect((await post(failures.GRAPHQL_PARSE_FAILED, "*/*")).status).toBe(200);
  });

  it("keeps 400 for a request that is not well formed, whatever the client accepts", async () => {
    const response = await post({ variables: {} }, "application/json");
    expect(response.status).toBe(400);
  });

  it("negotiates media types by quality, then specificity, then order", () => {
    const offers = ["application/json", "application/graphql-response+json", "text/html"];
    expect(preferredMediaType("*/*", offers)).toBe("application/json");
    expect(preferredMediaType("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", offers)).toBe("text/html");
    expect(preferredMediaType("application/graphql-response+json, application/json", offers)).toBe("application/graphql-response+json");
    expect(preferredMediaType("application/*;q=0.2, application/graphql-response+json;q=0", offers)).toBe("application/json");
    expect(preferredMediaType("application/xml", offers)).toBeNull();
    expect(preferredMediaType("", offers)).toBeNull();
  });
});

describe("the Lambda handler", () => {
  let lambda: TestLambda;
  beforeAll(async () => {
    lambda = await startTestLambda();
  });
  afterAll(async () => {
    await lambda.close();
  });

  const audits = auditsAgainst(() => ({ url: () => "https://api.example/graphql", fetch: (input, init) => lambda.fetch(input as string | URL | Request, init) }));

  it("answers a request error with 200 for application/json, and keeps 400 without an Accept header", async () => {
    // Since 2025 the spec reads a request without Accept as application/graphql-response+json.
    // (fetch always sends one; a Request handed to the handler directly need not.)
    const send = (headers: Record<string, string>) =>
      lambda.fetch("https://api.example/graphql", { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query: "{" }) });
    expect((await send({ accept: "application/json" })).status).toBe(200);
    expect((await send({})).status).toBe(400);
  });
  it.each(audits.filter((a) => a.required).map((a) => [a.audit.name, a.audit] as const))("%s", async (_name, audit) => {
    const result = await audit.fn();
    expect(explain(result)).toBe("ok");
  });
  it.each(audits.filter((a) => !a.required).map((a) => [a.audit.name, a.audit] as const))("%s (optional)", async (_name, audit) => {
    await audit.fn();
  });
});
