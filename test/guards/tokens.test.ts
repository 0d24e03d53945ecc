// Tokens and logs (issue 7): claims a token must not get through with, authentication failures
// logged by reason class (never the token), an unreachable identity provider answered as a
// service error instead of bad credentials, and error log lines that carry the request id and
// the database's error code but never its message. Operations go over HTTP to the local server,
// as a client sends them, so the statuses are the real ones.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "../../db/seed/index.js";
import { type LocalServer, startLocalServer } from "../../functions/http.js";
import { serveDownload } from "../../schema/downloads.js";
import { createApp, type LogEntry } from "../../schema/server.js";
import { AUDIENCE, type AuthConfig, createAuthenticator, DEV_ISSUER, DEV_SECRET } from "../../schema/shared/auth.js";
import { createTestApi, devAuth, type TestApi, token } from "../helpers/api.js";

let api: TestApi;
let server: LocalServer;
beforeAll(async () => {
  api = await createTestApi();
  await seedDatabase(api.database, "sources");
  server = await startLocalServer(api.app, { port: 0, ping: async () => {} });
});
afterAll(async () => {
  await server?.close();
  await api?.close();
});

interface Answer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function post(url: string, query: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query }) });
  return { status: response.status, body: (await response.json()) as Answer["body"] };
}

const bearer = (jwt: string) => ({ authorization: `Bearer ${jwt}` });
const codeOf = (answer: Answer) => answer.body.errors?.[0]?.extensions?.code;

/** A development token with the given subject and timing; `exp: null` leaves the claim out. */
function sign({ sub = "someone", role = "ADMIN", exp = "1h" as string | null, iat = undefined as number | undefined, secret = DEV_SECRET, issuer = DEV_ISSUER } = {}) {
  const jwt = new SignJWT({ role }).setProtectedHeader({ alg: "HS256" }).setSubject(sub).setIssuer(issuer).setAudience(AUDIENCE).setIssuedAt(iat);
  if (exp !== null) jwt.setExpirationTime(exp);
  return jwt.sign(new TextEncoder().encode(secret));
}

const now = () => Math.floor(Date.now() / 1000);
const VIEWER = "query TokensViewer { viewer { role subject } }";

describe("claims", () => {
  it.each([
    ["without exp", () => sign({ exp: null })],
    ["issued 5 minutes in the future", () => sign({ iat: now() + 300 })],
    ["with a subject of 256 characters", () => sign({ sub: "a".repeat(256) })],
    ["with a NUL in the subject", () => sign({ sub: "admin\u0000x" })],
    ["with a control character in the subject", () => sign({ sub: "admin\u0007" })],
    ["with a line break in the subject", () => sign({ sub: "admin\nforged log line" })],
    ["with a bidirectional override in the subject", () => sign({ sub: "admin\u202Egpj.exe" })],
  ])("refuses a token %s as UNAUTHENTICATED (401)", async (_label, make) => {
    const answer = await post(server.url, VIEWER, bearer(await make()));
    expect(codeOf(answer)).toBe("UNAUTHENTICATED");
    expect(answer.status).toBe(401);
  });

  it.each([
    ["issued 30 seconds ahead (clock skew)", () => sign({ sub: "skewed", iat: now() + 30 }), "skewed"],
    ["with a subject of 255 characters", () => sign({ sub: "b".repeat(255) }), "b".repeat(255)],
    ["with a subject in another script", () => sign({ sub: "zoë@gent.be" }), "zoë@gent.be"],
  ])("accepts a token %s", async (_label, make, subject) => {
    const answer = await post(server.url, VIEWER, bearer(await make()));
    expect(answer).toEqual({ status: 200, body: { data: { viewer: { role: "ADMIN", subject } } } });
  });

  it("refuses a NUL in the subject before anything is written: UNAUTHENTICATED, not an internal error", async () => {
    const answer = await post(
      server.url,
      `mutation { createBoard(input: { name: "Nul", kind: OTHER, province: LIMBURG, population: 1 }) { board { id } } }`,
      bearer(await sign({ sub: "admin\u0000x" })),
    );
    expect(codeOf(answer)).toBe("UNAUTHENTICATED");
  });
});

describe("authentication failures are logged", () => {
  const failures = (since: number) => api.logs.slice(since).filter((e) => e.msg === "authentication failed");

  it.each([
    ["malformed_header", async () => "Basic YWRtaW46YWRtaW4=", undefined],
    ["malformed_token", async () => "Bearer not-a-token", undefined],
    ["bad_signature", async () => `Bearer ${await sign({ secret: "x".repeat(40) })}`, undefined],
    ["expired", async () => `Bearer ${await sign({ exp: "-2m" })}`, undefined],
    ["claims", async () => `Bearer ${await sign({ issuer: "someone-else" })}`, "iss"],
    ["claims", async () => `Bearer ${await sign({ exp: null })}`, "exp"],
    ["claims", async () => `Bearer ${await sign({ iat: now() + 300 })}`, "iat"],
    ["claims", async () => `Bearer ${await sign({ sub: "admin\u0000secret-part" })}`, "sub"],
    ["claims", async () => `Bearer ${await sign({ role: "SUPERUSER" })}`, "role"],
    ["algorithm", async () => `Bearer ${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from('{"role":"ADMIN"}').toString("base64url")}.`, undefined],
  ])("as %s (%s), without the token or any part of it", async (reason, header, claim) => {
    const authorization = await header();
    const since = api.logs.length;
    const answer = await post(server.url, VIEWER, { authorization });
    expect(codeOf(answer)).toBe("UNAUTHENTICATED");
    const logged = failures(since);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: "warn", reason, ...(claim ? { claim } : {}) });
    const text = JSON.stringify(logged[0]);
    for (const part of authorization
      .replace(/^\w+\s+/, "")
      .split(".")
      .filter((p) => p.length > 3))
      expect(text).not.toContain(part);
    expect(text).not.toContain("secret-part");
  });

  it("carries the request id it is given", async () => {
    const logs: LogEntry[] = [];
    const authenticate = createAuthenticator(devAuth, { log: (entry) => logs.push(entry) });
    await expect(authenticate(`Bearer ${await sign({ exp: "-2m" })}`, { requestId: "req-auth-1" })).rejects.toMatchObject({ extensions: { code: "UNAUTHENTICATED" } });
    expect(logs).toEqual([expect.objectContaining({ msg: "authentication failed", reason: "expired", requestId: "req-auth-1" })]);
  });

  it("logs nothing for a valid token or none", async () => {
    const since = api.logs.length;
    await post(server.url, VIEWER, bearer(await token("CONSULTANT")));
    await post(server.url, VIEWER);
    expect(failures(since)).toEqual([]);
  });
});

describe("an identity provider that cannot be reached", () => {
  const issuer = "https://id.vvsg.example/";
  const servers: Server[] = [];
  afterAll(() => servers.forEach((s) => s.close()));

  async function jwksServer(handler: Parameters<typeof createServer>[1]): Promise<string> {
    const jwks = createServer(handler);
    servers.push(jwks);
    await new Promise<void>((resolve) => jwks.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`;
  }
  /** A port nothing listens on. */
  async function closedPort(): Promise<string> {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    return `http://127.0.0.1:${port}/jwks.json`;
  }
  const config = (jwksUrl: string): AuthConfig => ({ mode: "jwks", stage: "test", jwksUrl, issuer, audience: AUDIENCE });
  const rsToken = async (key: Awaited<ReturnType<typeof generateKeyPair>>["privateKey"], kid = "k1") =>
    new SignJWT({ role: "CONSULTANT" })
      .setProtectedHeader({ alg: "RS256", kid })
      .setSubject("c-1")
      .setIssuer(issuer)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime("5m")
      .sign(key);

  it.each([
    ["nothing listens", closedPort],
    ["it answers 500", () => jwksServer((_req, res) => res.writeHead(500).end("down"))],
    ["it answers something that is not a key set", () => jwksServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end('{"keys": "nope"}'))],
    ["it does not answer in time", () => jwksServer(() => {})],
  ])("is a SERVICE_UNAVAILABLE, logged as such, when %s", async (_label, url) => {
    const logs: LogEntry[] = [];
    const authenticate = createAuthenticator(config(await url()), { log: (entry) => logs.push(entry), jwksTimeoutMs: 300 });
    const { privateKey } = await generateKeyPair("RS256");
    const error = await authenticate(`Bearer ${await rsToken(privateKey)}`, { requestId: "req-jwks-1" }).then(
      () => null,
      (e: { extensions?: Record<string, unknown> }) => e,
    );
    expect(error?.extensions).toMatchObject({ code: "SERVICE_UNAVAILABLE", http: { status: 503 } });
    expect(logs).toEqual([expect.objectContaining({ level: "error", msg: "identity provider unreachable", reason: "jwks_unavailable", requestId: "req-jwks-1" })]);
    expect(logs.filter((e) => e.msg === "authentication failed")).toEqual([]);
  });

  it("answers 503 over HTTP, for GraphQL and downloads, while anonymous requests still work", async () => {
    const logs: LogEntry[] = [];
    const app = createApp({ database: api.database, auth: config(await closedPort()), log: (entry) => logs.push(entry), relay: false });
    const local = await startLocalServer(app, { port: 0, ping: async () => {} });
    try {
      const { privateKey } = await generateKeyPair("RS256");
      const graphqlAnswer = await post(local.url, VIEWER, bearer(await rsToken(privateKey)));
      expect(graphqlAnswer.status).toBe(503);
      expect(codeOf(graphqlAnswer)).toBe("SERVICE_UNAVAILABLE");
      expect(graphqlAnswer.body.errors?.[0]?.message).toMatch(/identity provider/i);

      const download = await fetch(local.url.replace(/\/graphql$/, "/reports/funding-agreements/RnVuZGluZ0FncmVlbWVudDp4/justification.csv"), {
        headers: bearer(await rsToken(privateKey)),
      });
      expect(download.status).toBe(503);
      expect(await download.json()).toMatchObject({ errors: [{ extensions: { code: "SERVICE_UNAVAILABLE" } }] });

      expect(await post(local.url, VIEWER)).toEqual({ status: 200, body: { data: { viewer: { role: "ANONYMOUS", subject: null } } } });
      expect(logs.filter((e) => e.msg === "identity provider unreachable").length).toBe(2);
    } finally {
      await local.close();
    }
  });

  it("still refuses a token whose key the provider does not have as UNAUTHENTICATED", async () => {
    const { privateKey, publicKey } = await generateKeyPair("RS256");
    const jwk = { ...(await exportJWK(publicKey)), kid: "k1", alg: "RS256", use: "sig" };
    const url = await jwksServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: [jwk] })));
    const logs: LogEntry[] = [];
    const authenticate = createAuthenticator(config(url), { log: (entry) => logs.push(entry) });
    expect(await authenticate(`Bearer ${await rsToken(privateKey)}`)).toEqual({ role: "CONSULTANT", subject: "c-1" });
    await expect(authenticate(`Bearer ${await rsToken(privateKey, "k2")}`)).rejects.toMatchObject({ extensions: { code: "UNAUTHENTICATED" } });
    const other = await generateKeyPair("RS256");
    await expect(authenticate(`Bearer ${await rsToken(other.privateKey)}`)).rejects.toMatchObject({ extensions: { code: "UNAUTHENTICATED" } });
    expect(logs.map((e) => e.reason)).toEqual(["unknown_key", "bad_signature"]);
  });
});

describe("error log lines", () => {
  async function withColumnRenamed(table: string, column: string, work: () => Promise<void>): Promise<void> {
    await api.database.db.execute(`alter table ${table} rename column ${column} to ${column}_gone`);
    try {
      await work();
    } finally {
      await api.database.db.execute(`alter table ${table} rename column ${column}_gone to ${column}`);
    }
  }

  it("carry the request id and the database's error code, never its message", async () => {
    await withColumnRenamed("boards", "population", async () => {
      const since = api.logs.length;
      const answer = await post(server.url, "query TokensBoards { boards(first: 1) { edges { node { population } } } }", { "x-request-id": "req-db-1" });
      expect(codeOf(answer)).toBe("INTERNAL_SERVER_ERROR");
      expect(JSON.stringify(answer.body)).not.toMatch(/population|does not exist|select/i);
      const errors = api.logs.slice(since).filter((e) => e.level === "error");
      expect(errors).toEqual([expect.objectContaining({ msg: "unexpected error", requestId: "req-db-1", code: "42703" })]);
      expect(JSON.stringify(errors[0])).not.toMatch(/population|does not exist|select/i);
      // The operation's own line has the same id, so the two can be joined.
      expect(api.logs.slice(since).find((e) => e.msg === "graphql operation")).toMatchObject({ requestId: "req-db-1", errorCodes: ["INTERNAL_SERVER_ERROR"] });
    });
  });

  it("do so for downloads too", async () => {
    const agreements = await post(server.url, "query TokensAgreement { fundingAgreements(first: 1) { edges { node { id } } } }");
    const id = (agreements.body.data as { fundingAgreements: { edges: { node: { id: string } }[] } }).fundingAgreements.edges[0]!.node.id;
    await withColumnRenamed("invoices", "reference", async () => {
      const since = api.logs.length;
      const response = await serveDownload(api.app, {
        path: `/reports/funding-agreements/${id}/justification.csv`,
        authorization: `Bearer ${await token("CONSULTANT")}`,
        requestId: "req-dl-1",
      });
      expect(response.status).toBe(500);
      expect(response.body).not.toMatch(/reference|does not exist/);
      const errors = api.logs.slice(since).filter((e) => e.level === "error");
      expect(errors).toEqual([expect.objectContaining({ msg: "download failed", requestId: "req-dl-1", code: "42703" })]);
      expect(JSON.stringify(errors[0])).not.toMatch(/reference|does not exist/);
    });
  });
});
