// Partner organisations' API keys: made by the organisation's own partners (signed in with a token)
// or by admins, shown once and stored hashed, listed by prefix, rotated with an overlap and
// revoked; a key authenticates as PARTNER of its organisation (lastUsedAt written at most once a
// minute), and a refused key is UNAUTHENTICATED with a log line that names the reason and the
// prefix, never the secret. No audit row, event or log line holds the secret or its hash.
import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { createClient } from "graphql-ws";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { auditLog, domainEvents } from "../../db/schema/audit.js";
import { apiKeys } from "../../db/schema/partners.js";
import { startLocalServer } from "../../functions/http.js";
import { MAX_ACTIVE_KEYS } from "../../schema/partners/api-keys.service.js";
import { createApp } from "../../schema/server.js";
import { API_KEY_REFUSED, createAuthenticator } from "../../schema/shared/auth.js";
import { graphql } from "../graphql/index.js";
import { type Actor, createTestApi, devAuth, type ExecOptions, errorOf, type TestApi } from "../helpers/api.js";
import { onPostgres } from "../helpers/db.js";
import { globalId, MISSING_UUID, rowId } from "../helpers/funding.js";

let api: TestApi;
/** Row ids: the funder (party to the seeded agreement) and an organisation that is not. */
let funderOrg: string;
let otherOrg: string;

beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());
beforeEach(async () => {
  await api.reseed();
  const data = await api.ok(
    graphql(`query KeysFixture {
      funder: organisations(filter: { search: "Vlaamse Regering" }) { edges { node { id } } }
      other: organisations(filter: { search: "Randstad" }) { edges { node { id } } }
    }`),
  );
  funderOrg = rowId(data.funder.edges[0]!.node.id);
  otherOrg = rowId(data.other.edges[0]!.node.id);
  api.logs.length = 0;
});

const partnerOf = (org: string, sub = "partner-1"): Actor => ({ role: "PARTNER", org, sub });
const withKey = (secret: string): ExecOptions => ({ authorization: `Bearer ${secret}` });
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const KEY_FORMAT = /^tapi_([0-9a-f]{12})_[A-Za-z0-9_-]{43}$/;

const CREATE = graphql(`
  mutation KeysCreate($input: CreateApiKeyInput!) {
    createApiKey(input: $input) { secret apiKey { id name prefix createdAt expiresAt revokedAt lastUsedAt active organisation { id } } }
  }
`);
const ROTATE = graphql(`
  mutation KeysRotate($input: RotateApiKeyInput!) {
    rotateApiKey(input: $input) { secret apiKey { id name prefix expiresAt active organisation { id } } }
  }
`);
const REVOKE = graphql(`
  mutation KeysRevoke($id: ID!) { revokeApiKey(id: $id) { apiKey { id revokedAt active } } }
`);
const LIST = graphql(`
  query KeysList($organisationId: ID, $first: Int, $after: String) {
    apiKeys(organisationId: $organisationId, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id name prefix active expiresAt revokedAt lastUsedAt organisation { id } } }
    }
  }
`);
const NODE = graphql(`
  query KeysNode($id: ID!) { node(id: $id) { id ... on ApiKey { name prefix } } }
`);
const VIEWER = graphql(`
  query KeysViewer { viewer { role subject } }
`);
const AGREEMENT = graphql(`
  query KeysAgreement { fundingAgreements { edges { node { id viewerCanReadFinancials } } } }
`);

async function makeKey(org = funderOrg, input: { name?: string; expiresAt?: Date } = {}) {
  const result = await api.ok(CREATE, { input: { name: input.name ?? "CI server", expiresAt: input.expiresAt?.toISOString() } }, { as: partnerOf(org) });
  return { ...result.createApiKey, rowId: rowId(result.createApiKey.apiKey.id) };
}

async function keyRow(id: string) {
  const [row] = await api.database.db.select().from(apiKeys).where(eq(apiKeys.id, id));
  return row!;
}

/** What a request with the key gets, or the error its context creation raised. */
async function attempt(secret: string) {
  try {
    const result = await api.exec(VIEWER, {}, withKey(secret));
    return { code: "OK", data: result.data, statements: result.statements, writes: result.writes };
  } catch (error) {
    const e = error as { extensions?: { code?: string }; message?: string };
    return { code: e.extensions?.code, message: e.message };
  }
}

const warnings = () => api.logs.filter((l) => l.msg === "authentication failed");

describe("making a key", () => {
  it("shows the whole key once, stores only its SHA-256, and lists it by prefix afterwards", async () => {
    const created = (await api.ok(CREATE, { input: { name: "  CI server  " } }, { as: partnerOf(funderOrg) })).createApiKey;
    const [, prefix] = KEY_FORMAT.exec(created.secret) ?? [];
    expect(prefix).toBeDefined();
    expect(created.apiKey).toMatchObject({
      name: "CI server",
      prefix,
      active: true,
      expiresAt: null,
      revokedAt: null,
      lastUsedAt: null,
      organisation: { id: globalId("Organisation", funderOrg) },
    });
    const row = await keyRow(rowId(created.apiKey.id));
    expect(row.secretHash).toBe(sha256(created.secret));
    expect(JSON.stringify(row)).not.toContain(created.secret.slice(18));
    expect(row.createdBy).toBe("partner-1");

    const listed = (await api.ok(LIST, {}, { as: partnerOf(funderOrg) })).apiKeys;
    expect(listed.totalCount).toBe(1);
    expect(listed.edges[0]!.node).toMatchObject({ id: created.apiKey.id, prefix, name: "CI server", active: true });
    expect(JSON.stringify(listed)).not.toContain(created.secret.slice(18));
    // Each key its own prefix and secret.
    const second = await makeKey();
    expect(second.apiKey.prefix).not.toBe(prefix);
    expect(second.secret).not.toBe(created.secret);
  });

  it("lets an admin make a key for any organisation, naming it; without one it is BAD_USER_INPUT", async () => {
    const made = await api.ok(CREATE, { input: { organisationId: globalId("Organisation", otherOrg), name: "Admin-made" } }, { as: "ADMIN" });
    expect(made.createApiKey.apiKey.organisation.id).toBe(globalId("Organisation", otherOrg));
    expect((await keyRow(rowId(made.createApiKey.apiKey.id))).organisationId).toBe(otherOrg);
    expect(errorOf(await api.exec(CREATE, { input: { name: "Nameless" } }, { as: "ADMIN" }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.organisationId" });
    expect(errorOf(await api.exec(CREATE, { input: { organisationId: globalId("Organisation", MISSING_UUID), name: "Ghost" } }, { as: "ADMIN" }))).toMatchObject({
      code: "NOT_FOUND",
      field: "input.organisationId",
    });
  });

  it("refuses a partner naming another organisation, other roles and anonymous callers", async () => {
    const other = { input: { organisationId: globalId("Organisation", otherOrg), name: "Not mine" } };
    expect(errorOf(await api.exec(CREATE, other, { as: partnerOf(funderOrg) })).code).toBe("FORBIDDEN");
    // Naming their own organisation is the same as naming none.
    const own = await api.ok(CREATE, { input: { organisationId: globalId("Organisation", funderOrg), name: "Mine" } }, { as: partnerOf(funderOrg) });
    expect(own.createApiKey.apiKey.organisation.id).toBe(globalId("Organisation", funderOrg));
    for (const as of ["CONSULTANT", { role: "EXPERT", org: funderOrg, sub: "x" }, { role: "BOARD_MEMBER", board: MISSING_UUID, sub: "b" }] as const) {
      expect(errorOf(await api.exec(CREATE, { input: { name: "No" } }, { as: as as Actor })).code).toBe("FORBIDDEN");
    }
    expect(errorOf(await api.exec(CREATE, { input: { name: "No" } })).code).toBe("UNAUTHENTICATED");
    expect(await api.database.db.select().from(apiKeys).where(eq(apiKeys.organisationId, otherOrg))).toEqual([]);
  });

  it("validates the name (1-100 characters, trimmed, no control characters) and an expiry in the future", async () => {
    const as = partnerOf(funderOrg);
    for (const name of ["", "   ", "x".repeat(101), "CI\u0000server", "line\nbreak"]) {
      expect(errorOf(await api.exec(CREATE, { input: { name } }, { as })), JSON.stringify(name)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.name" });
    }
    expect((await api.ok(CREATE, { input: { name: "x".repeat(100) } }, { as })).createApiKey.apiKey.name).toHaveLength(100);
    expect(errorOf(await api.exec(CREATE, { input: { name: "Past", expiresAt: new Date(Date.now() - 1000).toISOString() } }, { as }))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.expiresAt",
    });
    const future = new Date(Date.now() + 86_400_000);
    const expiring = await api.ok(CREATE, { input: { name: "Expiring", expiresAt: future.toISOString() } }, { as });
    expect(new Date(expiring.createApiKey.apiKey.expiresAt as string).getTime()).toBe(future.getTime());
  });

  it(`holds at most ${MAX_ACTIVE_KEYS} active keys an organisation; revoked and expired ones do not count`, async () => {
    const keys = [];
    for (let i = 0; i < MAX_ACTIVE_KEYS; i++) keys.push(await makeKey(funderOrg, { name: `Key ${i}` }));
    expect(errorOf(await api.exec(CREATE, { input: { name: "One too many" } }, { as: partnerOf(funderOrg) }))).toMatchObject({ code: "CONFLICT" });
    // Another organisation has its own limit.
    await makeKey(otherOrg);
    await api.ok(REVOKE, { id: keys[0]!.apiKey.id }, { as: partnerOf(funderOrg) });
    await makeKey(funderOrg, { name: "After a revocation" });
    await api.database.db.update(apiKeys).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(apiKeys.id, keys[1]!.rowId));
    await makeKey(funderOrg, { name: "After an expiry" });
    expect(errorOf(await api.exec(CREATE, { input: { name: "Again too many" } }, { as: partnerOf(funderOrg) })).code).toBe("CONFLICT");
    // A rotation replaces a key, so it never fails on the limit.
    const rotated = await api.exec(ROTATE, { input: { id: keys[2]!.apiKey.id } }, { as: partnerOf(funderOrg) });
    expect(rotated.errors).toBeUndefined();
  });

  it.runIf(onPostgres)("lets exactly the free places through when several keys are made at once", async () => {
    for (let i = 0; i < MAX_ACTIVE_KEYS - 2; i++) await makeKey(funderOrg, { name: `Key ${i}` });
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => api.exec(CREATE, { input: { name: `Racer ${i}` } }, { as: partnerOf(funderOrg) })));
    expect(results.filter((r) => !r.errors)).toHaveLength(2);
    expect(results.filter((r) => r.errors).map((r) => errorOf(r).code)).toEqual(["CONFLICT", "CONFLICT", "CONFLICT"]);
    expect(await api.database.db.select().from(apiKeys).where(eq(apiKeys.organisationId, funderOrg))).toHaveLength(MAX_ACTIVE_KEYS);
  });
});

describe("authenticating with a key", () => {
  it("acts as PARTNER of the key's organisation, as a partner's token does", async () => {
    const key = await makeKey(funderOrg);
    const viewer = await api.ok(VIEWER, {}, withKey(key.secret));
    expect(viewer.viewer).toEqual({ role: "PARTNER", subject: `apikey:${key.rowId}` });
    // A field only the agreement's parties read: the funder's key reads it, another organisation's key does not.
    expect((await api.ok(AGREEMENT, {}, withKey(key.secret))).fundingAgreements.edges[0]!.node.viewerCanReadFinancials).toBe(true);
    const other = await makeKey(otherOrg);
    expect((await api.ok(AGREEMENT, {}, withKey(other.secret))).fundingAgreements.edges[0]!.node.viewerCanReadFinancials).toBe(false);
    // The bearer JWT of a partner keeps working.
    expect((await api.ok(VIEWER, {}, { as: partnerOf(funderOrg, "someone") })).viewer).toEqual({ role: "PARTNER", subject: "someone" });
    expect((await api.ok(AGREEMENT, {}, { as: partnerOf(funderOrg) })).fundingAgreements.edges[0]!.node.viewerCanReadFinancials).toBe(true);
  });

  it("sets lastUsedAt on use, rewrites it at most once a minute, and counts none of it as the request's statements", async () => {
    const key = await makeKey();
    expect((await keyRow(key.rowId)).lastUsedAt).toBeNull();
    const first = await attempt(key.secret);
    expect(first).toMatchObject({ code: "OK", statements: 0, writes: 0 });
    const used = (await keyRow(key.rowId)).lastUsedAt;
    expect(used).toBeInstanceOf(Date);
    expect(Math.abs(used!.getTime() - Date.now())).toBeLessThan(60_000);
    for (let i = 0; i < 3; i++) await attempt(key.secret);
    expect((await keyRow(key.rowId)).lastUsedAt).toEqual(used);
    // A minute later, the next request writes it again.
    await api.database.db.update(apiKeys).set({ lastUsedAt: sql`now() - interval '61 seconds'` }).where(eq(apiKeys.id, key.rowId));
    const stale = (await keyRow(key.rowId)).lastUsedAt!;
    expect(await attempt(key.secret)).toMatchObject({ code: "OK", writes: 0 });
    expect((await keyRow(key.rowId)).lastUsedAt!.getTime()).toBeGreaterThan(stale.getTime() + 30_000);
    const listed = (await api.ok(LIST, {}, { as: partnerOf(funderOrg) })).apiKeys.edges[0]!.node;
    expect(listed.lastUsedAt).not.toBeNull();
  });

  it("refuses a wrong secret with a right prefix, an unknown prefix and a malformed key, logging the reason and prefix only", async () => {
    const key = await makeKey();
    const [, prefix] = KEY_FORMAT.exec(key.secret)!;
    const secretPart = key.secret.slice(`tapi_${prefix}_`.length);
    const wrongSecret = `tapi_${prefix}_${"A".repeat(43)}`;
    const unknownPrefix = `tapi_0123456789ab_${secretPart}`;
    const cases = [
      [wrongSecret, "mismatch", prefix],
      [unknownPrefix, "unknown", "0123456789ab"],
      [`tapi_${prefix}_short`, "malformed", null],
    ] as const;
    for (const [credential, reason, loggedPrefix] of cases) {
      api.logs.length = 0;
      expect(await attempt(credential)).toEqual({ code: "UNAUTHENTICATED", message: API_KEY_REFUSED });
      expect(warnings()).toEqual([expect.objectContaining({ level: "warn", credential: "api_key", reason, keyPrefix: loggedPrefix })]);
    }
    expect((await keyRow(key.rowId)).lastUsedAt).toBeNull();
  });

  it("refuses a key where the authenticator is given no database to look it up in", async () => {
    const key = await makeKey();
    const log: Record<string, unknown>[] = [];
    const authenticate = createAuthenticator(devAuth, { log: (entry) => log.push(entry) });
    await expect(authenticate(`Bearer ${key.secret}`, { requestId: "r-1" })).rejects.toMatchObject({ message: API_KEY_REFUSED, extensions: { code: "UNAUTHENTICATED" } });
    expect(log).toEqual([expect.objectContaining({ level: "warn", reason: "unavailable", requestId: "r-1" })]);
    expect(await authenticate(`Bearer ${key.secret}`, { database: api.database })).toEqual({
      role: "PARTNER",
      subject: `apikey:${key.rowId}`,
      organisationId: funderOrg,
      apiKeyId: key.rowId,
    });
  });

  it("stops a revoked key at once and an expired key at its expiry", async () => {
    const revoked = await makeKey(funderOrg, { name: "Revoked" });
    expect((await attempt(revoked.secret)).code).toBe("OK");
    await api.ok(REVOKE, { id: revoked.apiKey.id }, { as: partnerOf(funderOrg) });
    api.logs.length = 0;
    expect(await attempt(revoked.secret)).toEqual({ code: "UNAUTHENTICATED", message: API_KEY_REFUSED });
    expect(warnings()).toEqual([expect.objectContaining({ reason: "revoked" })]);

    const expiring = await makeKey(funderOrg, { name: "Expiring", expiresAt: new Date(Date.now() + 3_600_000) });
    expect((await attempt(expiring.secret)).code).toBe("OK");
    await api.database.db.update(apiKeys).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(apiKeys.id, expiring.rowId));
    api.logs.length = 0;
    expect(await attempt(expiring.secret)).toEqual({ code: "UNAUTHENTICATED", message: API_KEY_REFUSED });
    expect(warnings()).toEqual([expect.objectContaining({ reason: "expired" })]);
    const listed = (await api.ok(LIST, {}, { as: partnerOf(funderOrg) })).apiKeys.edges.map((e) => [e.node.name, e.node.active]);
    expect(listed).toEqual([
      ["Expiring", false],
      ["Revoked", false],
    ]);
  });

  it("authenticates over HTTP and over graphql-ws connection_init, and answers 401 for a revoked key", async () => {
    const key = await makeKey();
    // A server of its own: this file's app has started already (executeOperation starts it).
    const app = createApp({ database: api.database, auth: devAuth, log: (entry) => api.logs.push(entry), relay: false });
    const server = await startLocalServer(app, { port: 0, ping: async () => {} });
    try {
      const post = async (secret: string) => {
        const response = await fetch(server.url, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
          body: JSON.stringify({ query: "{ viewer { role subject } }" }),
        });
        return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { extensions: { code: string } }[] } };
      };
      expect(await post(key.secret)).toEqual({ status: 200, body: { data: { viewer: { role: "PARTNER", subject: `apikey:${key.rowId}` } } } });
      const client = createClient({
        url: server.url.replace(/^http/, "ws"),
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${key.secret}` },
        retryAttempts: 0,
      });
      try {
        const answer = await new Promise<unknown>((resolve, reject) => {
          let data: unknown;
          client.subscribe({ query: "{ viewer { role subject } }" }, { next: (value) => (data = value.data), error: reject, complete: () => resolve(data) });
        });
        expect(answer).toEqual({ viewer: { role: "PARTNER", subject: `apikey:${key.rowId}` } });
      } finally {
        await client.dispose();
      }
      await api.ok(REVOKE, { id: key.apiKey.id }, { as: partnerOf(funderOrg) });
      const refused = await post(key.secret);
      expect(refused.status).toBe(401);
      expect(refused.body.errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
      const closed = createClient({
        url: server.url.replace(/^http/, "ws"),
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${key.secret}` },
        retryAttempts: 0,
      });
      try {
        const outcome = await new Promise<string>((resolve) => {
          closed.subscribe({ query: "{ viewer { role } }" }, { next: () => resolve("answered"), error: () => resolve("refused"), complete: () => resolve("completed") });
        });
        expect(outcome).toBe("refused");
      } finally {
        await closed.dispose();
      }
    } finally {
      await server.close();
    }
  });
});

describe("rotating and revoking", () => {
  it("rotates: a new key with the same name; the old one works for the overlap, names its successor, then stops", async () => {
    const old = await makeKey(funderOrg, { name: "Billing" });
    const before = Date.now();
    const rotated = (await api.ok(ROTATE, { input: { id: old.apiKey.id, overlapHours: 2 } }, { as: partnerOf(funderOrg) })).rotateApiKey;
    expect(rotated.secret).toMatch(KEY_FORMAT);
    expect(rotated.secret).not.toBe(old.secret);
    expect(rotated.apiKey).toMatchObject({ name: "Billing", active: true, expiresAt: null, organisation: { id: globalId("Organisation", funderOrg) } });
    const oldRow = await keyRow(old.rowId);
    expect(oldRow.replacedById).toBe(rowId(rotated.apiKey.id));
    expect(oldRow.expiresAt!.getTime()).toBeGreaterThanOrEqual(before + 2 * 3_600_000 - 1000);
    expect(oldRow.expiresAt!.getTime()).toBeLessThanOrEqual(Date.now() + 2 * 3_600_000 + 1000);
    // Both work during the overlap.
    expect((await attempt(old.secret)).code).toBe("OK");
    expect((await attempt(rotated.secret)).code).toBe("OK");
    // The overlap over, the old one stops; the new one goes on.
    await api.database.db.update(apiKeys).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(apiKeys.id, old.rowId));
    expect((await attempt(old.secret)).code).toBe("UNAUTHENTICATED");
    expect((await attempt(rotated.secret)).code).toBe("OK");
  });

  it("stops the old key at once with an overlap of 0, keeps an earlier expiry, and defaults to 24 hours", async () => {
    const immediate = await makeKey(funderOrg, { name: "Immediate" });
    const fresh = (await api.ok(ROTATE, { input: { id: immediate.apiKey.id, overlapHours: 0 } }, { as: partnerOf(funderOrg) })).rotateApiKey;
    expect((await attempt(immediate.secret)).code).toBe("UNAUTHENTICATED");
    expect((await attempt(fresh.secret)).code).toBe("OK");

    const soon = new Date(Date.now() + 3_600_000);
    const early = await makeKey(funderOrg, { name: "Early", expiresAt: soon });
    await api.ok(ROTATE, { input: { id: early.apiKey.id, overlapHours: 48 } }, { as: partnerOf(funderOrg) });
    expect((await keyRow(early.rowId)).expiresAt!.getTime()).toBe(soon.getTime());

    const plain = await makeKey(funderOrg, { name: "Plain" });
    await api.ok(ROTATE, { input: { id: plain.apiKey.id } }, { as: partnerOf(funderOrg) });
    const expiresIn = (await keyRow(plain.rowId)).expiresAt!.getTime() - Date.now();
    expect(Math.abs(expiresIn - 24 * 3_600_000)).toBeLessThan(60_000);

    for (const overlapHours of [-1, 169]) {
      const other = await makeKey(funderOrg, { name: `Bad overlap ${overlapHours}` });
      expect(errorOf(await api.exec(ROTATE, { input: { id: other.apiKey.id, overlapHours } }, { as: partnerOf(funderOrg) }))).toMatchObject({
        code: "BAD_USER_INPUT",
        field: "input.overlapHours",
      });
    }
  });

  it("rotates only an active key not rotated already (CONFLICT), and revokes a key once (CONFLICT)", async () => {
    const as = partnerOf(funderOrg);
    const key = await makeKey();
    await api.ok(ROTATE, { input: { id: key.apiKey.id } }, { as });
    expect(errorOf(await api.exec(ROTATE, { input: { id: key.apiKey.id } }, { as }))).toMatchObject({ code: "CONFLICT", field: "input.id" });

    const revoked = await makeKey();
    const result = (await api.ok(REVOKE, { id: revoked.apiKey.id }, { as })).revokeApiKey.apiKey;
    expect(result).toMatchObject({ id: revoked.apiKey.id, active: false });
    expect(result.revokedAt).not.toBeNull();
    expect(errorOf(await api.exec(REVOKE, { id: revoked.apiKey.id }, { as }))).toMatchObject({ code: "CONFLICT", field: "id" });
    expect(errorOf(await api.exec(ROTATE, { input: { id: revoked.apiKey.id } }, { as }))).toMatchObject({ code: "CONFLICT", field: "input.id" });

    const expired = await makeKey();
    await api.database.db.update(apiKeys).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(apiKeys.id, expired.rowId));
    expect(errorOf(await api.exec(ROTATE, { input: { id: expired.apiKey.id } }, { as }))).toMatchObject({ code: "CONFLICT", field: "input.id" });
  });

  it.runIf(onPostgres)("rotates a key once when two rotations race", async () => {
    const key = await makeKey();
    const results = await Promise.all([0, 1].map(() => api.exec(ROTATE, { input: { id: key.apiKey.id } }, { as: partnerOf(funderOrg) })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(errorOf(results.find((r) => r.errors)!).code).toBe("CONFLICT");
    expect(await api.database.db.select().from(apiKeys).where(eq(apiKeys.organisationId, funderOrg))).toHaveLength(2);
  });

  it("keeps another organisation's keys out of reach: FORBIDDEN to rotate or revoke, null as a node", async () => {
    const key = await makeKey(funderOrg);
    const stranger = partnerOf(otherOrg);
    expect(errorOf(await api.exec(ROTATE, { input: { id: key.apiKey.id } }, { as: stranger })).code).toBe("FORBIDDEN");
    expect(errorOf(await api.exec(REVOKE, { id: key.apiKey.id }, { as: stranger })).code).toBe("FORBIDDEN");
    expect(errorOf(await api.exec(REVOKE, { id: globalId("ApiKey", MISSING_UUID) }, { as: "ADMIN" }))).toMatchObject({ code: "NOT_FOUND", field: "id" });
    expect(errorOf(await api.exec(REVOKE, { id: globalId("Organisation", funderOrg) }, { as: "ADMIN" }))).toMatchObject({ code: "BAD_USER_INPUT", field: "id" });
    expect((await api.ok(NODE, { id: key.apiKey.id }, { as: stranger })).node).toBeNull();
    expect((await api.ok(NODE, { id: key.apiKey.id }, { as: "CONSULTANT" })).node).toBeNull();
    expect((await api.ok(NODE, { id: key.apiKey.id })).node).toBeNull();
    expect((await api.ok(NODE, { id: key.apiKey.id }, withKey(key.secret))).node).toBeNull();
    expect((await api.ok(NODE, { id: key.apiKey.id }, { as: partnerOf(funderOrg) })).node).toEqual({ id: key.apiKey.id, name: "CI server", prefix: key.apiKey.prefix });
    expect((await api.ok(NODE, { id: key.apiKey.id }, { as: "ADMIN" })).node).toMatchObject({ id: key.apiKey.id });
    expect((await keyRow(key.rowId)).revokedAt).toBeNull();
  });

  it("lets an admin rotate and revoke any organisation's key", async () => {
    const key = await makeKey(otherOrg);
    const rotated = (await api.ok(ROTATE, { input: { id: key.apiKey.id, overlapHours: 0 } }, { as: "ADMIN" })).rotateApiKey;
    expect(rotated.apiKey.organisation.id).toBe(globalId("Organisation", otherOrg));
    await api.ok(REVOKE, { id: rotated.apiKey.id }, { as: "ADMIN" });
    expect((await attempt(rotated.secret)).code).toBe("UNAUTHENTICATED");
  });
});

describe("a partner signed in with a key", () => {
  it("may not make, list, rotate or revoke keys, not even its own organisation's (FORBIDDEN)", async () => {
    const key = await makeKey();
    const other = await makeKey(funderOrg, { name: "Other" });
    const asKey = withKey(key.secret);
    expect(errorOf(await api.exec(CREATE, { input: { name: "Minted by a key" } }, asKey)).code).toBe("FORBIDDEN");
    expect(errorOf(await api.exec(ROTATE, { input: { id: key.apiKey.id } }, asKey)).code).toBe("FORBIDDEN");
    expect(errorOf(await api.exec(ROTATE, { input: { id: other.apiKey.id } }, asKey)).code).toBe("FORBIDDEN");
    expect(errorOf(await api.exec(REVOKE, { id: other.apiKey.id }, asKey)).code).toBe("FORBIDDEN");
    expect(errorOf(await api.exec(LIST, {}, asKey)).code).toBe("FORBIDDEN");
    const rows = await api.database.db.select().from(apiKeys).where(eq(apiKeys.organisationId, funderOrg));
    expect(rows.map((r) => [r.revokedAt, r.replacedById, r.expiresAt])).toEqual([
      [null, null, null],
      [null, null, null],
    ]);
  });
});

describe("listing", () => {
  it("lists the organisation's keys newest first, 100 a page at most, with totalCount; admins every organisation's or one", async () => {
    const names = ["First", "Second", "Third"];
    for (const name of names) await makeKey(funderOrg, { name });
    await makeKey(otherOrg, { name: "Elsewhere" });
    const as = partnerOf(funderOrg);
    const page1 = (await api.ok(LIST, { first: 2 }, { as })).apiKeys;
    expect(page1.totalCount).toBe(3);
    expect(page1.edges.map((e) => e.node.name)).toEqual(["Third", "Second"]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await api.ok(LIST, { first: 2, after: page1.pageInfo.endCursor }, { as })).apiKeys;
    expect(page2.edges.map((e) => e.node.name)).toEqual(["First"]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    expect(errorOf(await api.exec(LIST, { first: 101 }, { as }))).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    expect(errorOf(await api.exec(LIST, { organisationId: globalId("Organisation", otherOrg) }, { as })).code).toBe("FORBIDDEN");

    const all = (await api.ok(LIST, {}, { as: "ADMIN" })).apiKeys;
    expect(all.totalCount).toBe(4);
    expect(all.edges.map((e) => e.node.name)).toEqual(["Elsewhere", "Third", "Second", "First"]);
    const one = (await api.ok(LIST, { organisationId: globalId("Organisation", otherOrg) }, { as: "ADMIN" })).apiKeys;
    expect(one.edges.map((e) => e.node.name)).toEqual(["Elsewhere"]);
    expect(errorOf(await api.exec(LIST, {}, { as: "CONSULTANT" })).code).toBe("FORBIDDEN");
    expect(errorOf(await api.exec(LIST, {})).code).toBe("UNAUTHENTICATED");
  });

  it("costs the same number of statements for 2 keys as for 8", async () => {
    const count = async () => (await api.exec(LIST, { first: 20 }, { as: partnerOf(funderOrg) })).statements;
    for (let i = 0; i < 2; i++) await makeKey(funderOrg, { name: `Key ${i}` });
    const small = await count();
    for (let i = 2; i < 8; i++) await makeKey(funderOrg, { name: `Key ${i}` });
    expect(await count()).toBe(small);
  });
});

describe("audit and events", () => {
  it("records every change and emits apiKey.changed, holding neither the secret nor its hash; no log line holds the secret", async () => {
    const as = partnerOf(funderOrg);
    const key = await makeKey();
    const rotated = (await api.ok(ROTATE, { input: { id: key.apiKey.id, overlapHours: 0 } }, { as })).rotateApiKey;
    const newRowId = rowId(rotated.apiKey.id);
    await api.ok(REVOKE, { id: rotated.apiKey.id }, { as });
    await attempt(key.secret);
    await attempt(rotated.secret);
    await attempt(`${key.secret.slice(0, 18)}${"B".repeat(43)}`);

    const audit = await api.database.db.select().from(auditLog).where(eq(auditLog.entityType, "ApiKey")).orderBy(auditLog.createdAt, auditLog.id);
    expect(audit.map((a) => [a.operation, a.entityId]).sort()).toEqual(
      [
        ["createApiKey", key.rowId],
        ["rotateApiKey", key.rowId],
        ["rotateApiKey", newRowId],
        ["revokeApiKey", newRowId],
      ].sort(),
    );
    expect(audit.every((a) => a.actorRole === "PARTNER" && a.actorId === "partner-1")).toBe(true);
    const revokedAudit = audit.find((a) => a.operation === "revokeApiKey")!;
    expect(revokedAudit.after).toMatchObject({ id: newRowId, name: "CI server", prefix: rotated.apiKey.prefix });
    expect((revokedAudit.after as { revokedAt: string | null }).revokedAt).not.toBeNull();

    const events = await api.database.db.select().from(domainEvents).where(eq(domainEvents.name, "apiKey.changed")).orderBy(domainEvents.position);
    expect(events.map((e) => [e.entityId, e.payload])).toEqual([
      [key.rowId, { apiKeyId: key.rowId, organisationId: funderOrg, operation: "CREATED" }],
      [key.rowId, { apiKeyId: key.rowId, organisationId: funderOrg, operation: "ROTATED" }],
      [newRowId, { apiKeyId: newRowId, organisationId: funderOrg, operation: "CREATED" }],
      [newRowId, { apiKeyId: newRowId, organisationId: funderOrg, operation: "REVOKED" }],
    ]);

    const hashes = [sha256(key.secret), sha256(rotated.secret)];
    const secrets = [key.secret, rotated.secret].map((s) => s.slice(18));
    for (const text of [JSON.stringify(audit), JSON.stringify(events), JSON.stringify(api.logs)]) {
      for (const needle of [...hashes, ...secrets]) expect(text).not.toContain(needle);
    }
    expect(JSON.stringify(audit)).not.toContain("secretHash");
    // The refusals were logged, with their prefixes.
    expect(warnings().map((w) => w.reason)).toEqual(["expired", "revoked", "mismatch"]);
  });

  it("writes nothing when a change is refused", async () => {
    const key = await makeKey();
    const before = await api.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "ApiKey")));
    await api.exec(REVOKE, { id: key.apiKey.id }, { as: partnerOf(otherOrg) });
    await api.exec(CREATE, { input: { name: "" } }, { as: partnerOf(funderOrg) });
    expect(await api.database.db.select().from(auditLog).where(eq(auditLog.entityType, "ApiKey"))).toHaveLength(before.length);
  });
});
