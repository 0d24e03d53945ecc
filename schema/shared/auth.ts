// Who is asking. Every request resolves to an actor: anonymous, or the holder of a bearer JWT
// whose claims give a role (and, for some roles, the board or organisation they act for).
// Production verifies tokens against the issuer's JWKS; elsewhere tokens are HS256 with a
// development secret, which production refuses to start with.
import { SignJWT, createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from "jose";
import { z } from "zod";
import { unauthenticated } from "./errors.js";

export const ROLES = ["ADMIN", "CONSULTANT", "BOARD_MEMBER", "EXPERT", "PARTNER"] as const;
export type Role = (typeof ROLES)[number];

export type Actor =
  | { role: "ANONYMOUS" }
  | { role: "ADMIN" | "CONSULTANT"; subject: string }
  | { role: "BOARD_MEMBER"; subject: string; boardId: string }
  | { role: "EXPERT" | "PARTNER"; subject: string; organisationId: string };

export const ANONYMOUS: Actor = { role: "ANONYMOUS" };

/** Public and well known on purpose: it only ever signs development tokens. */
export const DEV_SECRET = "talent-api-development-secret-not-for-production";
export const DEV_ISSUER = "talent-api-dev";
export const AUDIENCE = "talent-api";

export type AuthConfig =
  | { mode: "dev"; stage: string; secret: string; issuer: string }
  | { mode: "jwks"; stage: string; jwksUrl: string; issuer: string; audience: string };

export function authConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const stage = env.STAGE ?? "local";
  if (env.AUTH_JWKS_URL) {
    if (!env.AUTH_ISSUER) throw new Error("AUTH_ISSUER is required with AUTH_JWKS_URL");
    return { mode: "jwks", stage, jwksUrl: env.AUTH_JWKS_URL, issuer: env.AUTH_ISSUER, audience: env.AUTH_AUDIENCE ?? AUDIENCE };
  }
  const secret = env.DEV_JWT_SECRET ?? DEV_SECRET;
  if (stage === "production") {
    // A shared secret in production would let anyone who has read this repository sign tokens.
    throw new Error("refusing to start: production must verify tokens against a JWKS (AUTH_JWKS_URL), not a development secret");
  }
  return { mode: "dev", stage, secret, issuer: DEV_ISSUER };
}

const claimsSchema = z.discriminatedUnion("role", [
  z.object({ role: z.enum(["ADMIN", "CONSULTANT"]), sub: z.string().min(1) }),
  z.object({ role: z.literal("BOARD_MEMBER"), sub: z.string().min(1), board: z.uuid() }),
  z.object({ role: z.enum(["EXPERT", "PARTNER"]), sub: z.string().min(1), org: z.uuid() }),
]);

export function actorFromClaims(payload: JWTPayload): Actor {
  const parsed = claimsSchema.safeParse(payload);
  if (!parsed.success) throw unauthenticated("The token's claims do not describe a known role");
  const c = parsed.data;
  switch (c.role) {
    case "ADMIN":
    case "CONSULTANT":
      return { role: c.role, subject: c.sub };
    case "BOARD_MEMBER":
      return { role: c.role, subject: c.sub, boardId: c.board };
    case "EXPERT":
    case "PARTNER":
      return { role: c.role, subject: c.sub, organisationId: c.org };
  }
}

export type Authenticator = (authorization: string | null | undefined) => Promise<Actor>;

export function createAuthenticator(config: AuthConfig): Authenticator {
  let key: Uint8Array | JWTVerifyGetKey;
  let options: { issuer: string; audience: string; algorithms: string[] };
  if (config.mode === "dev") {
    key = new TextEncoder().encode(config.secret);
    options = { issuer: config.issuer, audience: AUDIENCE, algorithms: ["HS256"] };
  } else {
    key = createRemoteJWKSet(new URL(config.jwksUrl));
    options = { issuer: config.issuer, audience: config.audience, algorithms: ["RS256", "ES256", "EdDSA"] };
  }
  return async (authorization) => {
    if (!authorization) return ANONYMOUS;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match?.[1]) throw unauthenticated("The Authorization header must be 'Bearer <token>'");
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(match[1], key as Uint8Array, options));
    } catch {
      throw unauthenticated("The token is invalid or expired");
    }
    return actorFromClaims(payload);
  };
}

/** Signs a development token; used by `npm run token` and the tests. */
export async function signDevToken(
  claims: { role: Role; sub?: string; board?: string; org?: string },
  { secret = DEV_SECRET, ttl = "12h" }: { secret?: string; ttl?: string } = {},
): Promise<string> {
  const { sub = `dev-${claims.role.toLowerCase()}`, ...rest } = claims;
  return new SignJWT({ ...rest })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(sub)
    .setIssuer(DEV_ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(new TextEncoder().encode(secret));
}

export function actorSubject(actor: Actor): string | null {
  return actor.role === "ANONYMOUS" ? null : actor.subject;
}
