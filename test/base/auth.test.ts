// Who is asking: token verification, roles and their claims, and the production guard.
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIENCE, authConfigFromEnv, DEV_ISSUER, DEV_SECRET, signDevToken } from "../../schema/shared/auth.js";
import { graphql } from "../graphql/index.js";
import { createTestApi, errorOf, type TestApi } from "../helpers/api.js";

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

const VIEWER = graphql(`query AuthViewer { viewer { role subject } }`);
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
    const mutation = graphql(`mutation AuthCreateOrganisation { createOrganisation(input: { name: { nl: "X" }, kind: COMPANY }) { organisation { id } } }`);
    expect(errorOf(await api.exec(mutation)).code).toBe("UNAUTHENTICATED");
    expect(errorOf(await api.exec(mutation, {}, { as: { role: "BOARD_MEMBER", board: BOARD } })).code).toBe("FORBIDDEN");
  });

  it("check access before input, so a caller without access learns nothing from validation", async () => {
    const invalid = graphql(
      `mutation AuthCreateInvalidBoard { createBoard(input: { name: " ", kind: MUNICIPALITY, nisCode: "1", province: LIMBURG, population: -5 }) { board { id } } }`,
    );
    expect(errorOf(await api.exec(invalid)).code).toBe("UNAUTHENTICATED");
    expect(errorOf(await api.exec(invalid, {}, { as: { role: "PARTNER", org: BOARD } })).code).toBe("FORBIDDEN");
    expect(errorOf(await api.exec(invalid, {}, { as: "CONSULTANT" })).code).toBe("BAD_USER_INPUT");
  });
});

describe("production tokens", () => {
  it("are verified against the identity provider's JWKS", async () => {
    const { createServer } = await import("node:http");
    const { generateKeyPair, exportJWK } = await import("jose");
    const { createAuthenticator } = await import("../../schema/shared/auth.js");
    const { privateKey, publicKey } = await generateKeyPair("RS256");
    const jwk = { ...(await exportJWK(publicKey)), kid: "k1", alg: "RS256", use: "sig" };
    const server = createServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const issuer = "https://id.vvsg.example/";
      const authenticate = createAuthenticator({ mode: "jwks", stage: "production", jwksUrl: `http://127.0.0.1:${port}/jwks.json`, issuer, audience: AUDIENCE });
      const signed = (iss: string, key = privateKey) =>
        new SignJWT({ role: "CONSULTANT" })
          .setProtectedHeader({ alg: "RS256", kid: "k1" })
          .setSubject("c-1")
          .setIssuer(iss)
          .setAudience(AUDIENCE)
          .setExpirationTime("5m")
          .sign(key);
      expect(await authenticate(`Bearer ${await signed(issuer)}`)).toEqual({ role: "CONSULTANT", subject: "c-1" });
      await expect(authenticate(`Bearer ${await signed("https://elsewhere/")}`)).rejects.toMatchObject({ extensions: { code: "UNAUTHENTICATED" } });
      const other = await generateKeyPair("RS256");
      await expect(authenticate(`Bearer ${await signed(issuer, other.privateKey)}`)).rejects.toMatchObject({ extensions: { code: "UNAUTHENTICATED" } });
      // A development token, signed with the public development secret, is worthless there.
      await expect(authenticate(`Bearer ${await signDevToken({ role: "ADMIN" })}`)).rejects.toMatchObject({ extensions: { code: "UNAUTHENTICATED" } });
    } finally {
      server.close();
    }
  });
});

describe("npm run token", () => {
  const run = async (args: string[], env: Record<string, string> = {}) => {
    const { execFile } = await import("node:child_process");
    return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, ["--import", "tsx", "functions/token.ts", ...args], { env: { ...process.env, STAGE: "dev", ...env } }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout: stdout.trim(), stderr }),
      );
    });
  };

  it("prints a token the API accepts, with the board from a global id", async () => {
    const boardGlobalId = Buffer.from(`Board:${BOARD}`).toString("base64url");
    const { code, stdout } = await run(["--role", "BOARD_MEMBER", "--board", boardGlobalId, "--sub", "an"]);
    expect(code).toBe(0);
    expect((await api.ok(VIEWER, {}, { authorization: `Bearer ${stdout}` })).viewer).toEqual({ role: "BOARD_MEMBER", subject: "an" });
  });

  it("refuses a missing board, an unknown role, and the production stage", async () => {
    expect((await run(["--role", "BOARD_MEMBER"])).code).toBe(2);
    expect((await run(["--role", "KING"])).code).toBe(2);
    const production = await run(["--role", "ADMIN"], { STAGE: "production" });
    expect(production.code).toBe(2);
    expect(production.stdout).toBe("");
  });
});
