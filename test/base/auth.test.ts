// Who is asking: token verification, roles and their claims, and the production guard.
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIENCE, DEV_ISSUER, DEV_SECRET, authConfigFromEnv, signDevToken } from "../../schema/shared/auth.js";
import { createTestApi, errorOf, type TestApi } from "../helpers/api.js";

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

const VIEWER = `{ viewer { role subject } }`;
const BOARD = "6f1c2d4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f";

async function sign(claims: Record<string, unknown>, { secret = DEV_SECRET, issuer = DEV_ISSUER, audience = AUDIENCE, exp = "1h" } = {}) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256" })
    .setSubject("someone")
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(exp)
    .sign(new TextEncoder().encode(secret));
}

describe("actors", () => {
  it("is anonymous without a token", async () => {
    expect((await api.ok(VIEWER)).viewer).toEqual({ role: "ANONYMOUS", subject: null });
  });

  it("takes the role and subject from a valid token", async () => {
    const data = await api.ok(VIEWER, {}, { as: { role: "BOARD_MEMBER", board: BOARD, sub: "an@gent.be" } });
    expect(data.viewer).toEqual({ role: "BOARD_MEMBER", subject: "an@gent.be" });
  });

  it.each([
    ["a token signed with another secret", () => sign({ role: "ADMIN" }, { secret: "x".repeat(40) })],
    ["an expired token", () => sign({ role: "ADMIN" }, { exp: "-1m" })],
    ["a token of another issuer", () => sign({ role: "ADMIN" }, { issuer: "someone-else" })],
    ["a token for another audience", () => sign({ role: "ADMIN" }, { audience: "another-api" })],
    ["an unknown role", () => sign({ role: "SUPERUSER" })],
    ["a board member without a board", () => sign({ role: "BOARD_MEMBER" })],
    ["a partner without an organisation", () => sign({ role: "PARTNER" })],
    ["an unsigned token", async () => `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from('{"role":"ADMIN"}').toString("base64url")}.`],
  ])("refuses %s as UNAUTHENTICATED", async (_label, make) => {
    const result = await api.exec(VIEWER, {}, { authorization: `Bearer ${await make()}` }).catch((error: { extensions?: { code?: string } }) => ({
      errors: [{ message: "", extensions: error.extensions }],
    }));
    expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("refuses an Authorization header that is not a bearer token", async () => {
    await expect(api.exec(VIEWER, {}, { authorization: "Basic YWRtaW46YWRtaW4=" })).rejects.toMatchObject({ extensions: { code: "UNAUTHENTICATED" } });
  });

  it("signs development tokens that the API accepts", async () => {
    const token = await signDevToken({ role: "PARTNER", org: BOARD, sub: "partner-1" });
    expect((await api.ok(VIEWER, {}, { authorization: `Bearer ${token}` })).viewer).toEqual({ role: "PARTNER", subject: "partner-1" });
  });
});

describe("configuration", () => {
  it("uses the development secret outside production", () => {
    expect(authConfigFromEnv({ STAGE: "dev" })).toMatchObject({ mode: "dev", secret: DEV_SECRET });
    expect(authConfigFromEnv({})).toMatchObject({ mode: "dev", stage: "local" });
  });

  it("refuses to start production with the development secret, or any shared secret", () => {
    expect(() => authConfigFromEnv({ STAGE: "production" })).toThrow(/production/);
    expect(() => authConfigFromEnv({ STAGE: "production", DEV_JWT_SECRET: "something-long-and-random" })).toThrow(/production/);
  });

  it("verifies production tokens against the JWKS of the configured issuer", () => {
    expect(authConfigFromEnv({ STAGE: "production", AUTH_JWKS_URL: "https://id.example/.well-known/jwks.json", AUTH_ISSUER: "https://id.example/" })).toMatchObject({
      mode: "jwks",
      issuer: "https://id.example/",
    });
    expect(() => authConfigFromEnv({ STAGE: "production", AUTH_JWKS_URL: "https://id.example/jwks" })).toThrow(/AUTH_ISSUER/);
  });
});

describe("writes", () => {
  it("are refused to an anonymous actor with UNAUTHENTICATED and to a board member with FORBIDDEN", async () => {
    const mutation = `mutation { createOrganisation(input: { name: { nl: "X" }, kind: COMPANY }) { organisation { id } } }`;
    expect(errorOf(await api.exec(mutation)).code).toBe("UNAUTHENTICATED");
    expect(errorOf(await api.exec(mutation, {}, { as: { role: "BOARD_MEMBER", board: BOARD } })).code).toBe("FORBIDDEN");
  });

  it("check access before input, so a caller without access learns nothing from validation", async () => {
    const invalid = `mutation { createBoard(input: { name: " ", kind: MUNICIPALITY, nisCode: "1", province: LIMBURG, population: -5 }) { board { id } } }`;
    expect(errorOf(await api.exec(invalid)).code).toBe("UNAUTHENTICATED");
    expect(errorOf(await api.exec(invalid, {}, { as: { role: "PARTNER", org: BOARD } })).code).toBe("FORBIDDEN");
    expect(errorOf(await api.exec(invalid, {}, { as: "CONSULTANT" })).code).toBe("BAD_USER_INPUT");
  });
});
