// Who is asking. Every request resolves to an actor: anonymous, or the holder of a bearer JWT
// whose claims give a role (and, for some roles, the board or organisation they act for).
// Production verifies tokens against the issuer's JWKS; elsewhere tokens are HS256 with a
// development secret, which production refuses to start with.
//
// A refused token is UNAUTHENTICATED and logged with the class of its fault (never the token
// nor any claim's value); an identity provider whose key set cannot be fetched is not the
// caller's fault: SERVICE_UNAVAILABLE (503), logged as an error.
//
// A bearer credential starting with `tapi_` is a partner organisation's API key (api-key-auth.ts),
// checked against the database the request names; it authenticates as PARTNER of that
// organisation with the key's id (`apiKeyId`), which policies may tell apart from a token.

import { GraphQLError } from "graphql";
import { createRemoteJWKSet, errors, type JWTPayload, type JWTVerifyGetKey, jwtVerify, SignJWT } from "jose";
import { z } from "zod";
import type { Database } from "../../db/client.js";
import { checkApiKey, looksLikeApiKey } from "./api-key-auth.js";
import { unauthenticated } from "./errors.js";

export const ROLES = ["ADMIN", "CONSULTANT", "BOARD_MEMBER", "EXPERT", "PARTNER"] as const;
export type Role = (typeof ROLES)[number];

export type Actor =
  | { role: "ANONYMOUS" }
  | { role: "ADMIN" | "CONSULTANT"; subject: string }
  | { role: "BOARD_MEMBER"; subject: string; boardId: string }
  | { role: "EXPERT" | "PARTNER"; subject: string; organisationId: string; apiKeyId?: string };

export const ANONYMOUS: Actor = { role: "ANONYMOUS" };

/** Public and well known on purpose: it only ever signs development tokens. */
export const DEV_SECRET = "talent-api-development-secret-not-for-production";
export const DEV_ISSUER = "talent-api-dev";
export const AUDIENCE = "talent-api";

export type AuthConfig = { mode: "dev"; stage: string; secret: string; issuer: string } | { mode: "jwks"; stage: string; jwksUrl: string; issuer: string; audience: string };

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

/** How far ahead of this server's clock a token's `iat` may be (the issuer's clock may run ahead). */
export const CLOCK_SKEW_SECONDS = 60;
export const MAX_SUBJECT_LENGTH = 255;

// Control characters (NUL, line breaks, C1), format characters (bidirectional overrides,
// zero-width), line and paragraph separators and lone surrogates: nothing an identifier needs,
// and each one a way to break a database write or forge a log or audit line.
const UNSAFE_IN_SUBJECT = /[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029]/u;
const subject = z
  .string()
  .min(1)
  .max(MAX_SUBJECT_LENGTH)
  .refine((s) => !UNSAFE_IN_SUBJECT.test(s), "holds control or invisible characters");

const claimsSchema = z.discriminatedUnion("role", [
  z.object({ role: z.enum(["ADMIN", "CONSULTANT"]), sub: subject }),
  z.object({ role: z.literal("BOARD_MEMBER"), sub: subject, board: z.uuid() }),
  z.object({ role: z.enum(["EXPERT", "PARTNER"]), sub: subject, org: z.uuid() }),
]);

/** Why a token was refused, as logged. */
export type AuthFailureReason = "malformed_header" | "malformed_token" | "algorithm" | "bad_signature" | "unknown_key" | "expired" | "claims" | "invalid";

/** A refusal with its reason class and, for `claims`, the claim's name (never its value). */
class Refusal extends Error {
  constructor(
    readonly reason: AuthFailureReason,
    readonly claim?: string,
    readonly clientMessage = "The token is invalid or expired",
  ) {
    super(reason);
  }
}

/** The identity provider's key set could not be had; `how` says how (a timeout, a status, ...). */
class KeySetUnavailable extends Error {
  constructor(
    readonly how: string,
    readonly code?: string,
  ) {
    super("JWKS unavailable");
  }
}

export function actorFromClaims(payload: JWTPayload): Actor {
  const parsed = claimsSchema.safeParse(payload);
  if (!parsed.success) {
    const claim = String(parsed.error.issues[0]?.path[0] ?? "role");
    throw new Refusal("claims", claim, "The token's claims do not describe a known role");
  }
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

/** What the caller knows of the request, for the log. */
export interface AuthRequest {
  requestId?: string | null;
  /** Where API keys are looked up; without it an API key is refused. */
  database?: Database;
}

/** Said to a client whose API key was refused, whatever the reason (the log has the reason). */
export const API_KEY_REFUSED = "The API key is invalid, expired or revoked";

export type Authenticator = (authorization: string | null | undefined, request?: AuthRequest) => Promise<Actor>;

export interface AuthenticatorOptions {
  /** Receives one line per refused token (warn) and per unreachable key set (error). */
  log?: (entry: Record<string, unknown>) => void;
  /** How long fetching the JWKS may take; jose's default is 5 s. */
  jwksTimeoutMs?: number;
}

export function createAuthenticator(config: AuthConfig, { log = () => {}, jwksTimeoutMs }: AuthenticatorOptions = {}): Authenticator {
  let key: Uint8Array | JWTVerifyGetKey;
  let options: { issuer: string; audience: string; algorithms: string[]; requiredClaims: string[] };
  if (config.mode === "dev") {
    key = new TextEncoder().encode(config.secret);
    options = { issuer: config.issuer, audience: AUDIENCE, algorithms: ["HS256"], requiredClaims: ["exp"] };
  } else {
    key = keySetOf(config.jwksUrl, jwksTimeoutMs);
    options = { issuer: config.issuer, audience: config.audience, algorithms: ["RS256", "ES256", "EdDSA"], requiredClaims: ["exp"] };
  }

  async function verify(authorization: string): Promise<Actor> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match?.[1]) throw new Refusal("malformed_header", undefined, "The Authorization header must be 'Bearer <token>'");
    const { payload } = await jwtVerify(match[1], key as Uint8Array, options);
    // jose checks a future `iat` only together with a maximum age; a token from the future is forged or mis-issued.
    if (typeof payload.iat === "number" && payload.iat > Date.now() / 1000 + CLOCK_SKEW_SECONDS) throw new Refusal("claims", "iat");
    return actorFromClaims(payload);
  }

  /** An API key: accepted, or refused with a warn line naming the reason class and the key's prefix (never its secret). */
  async function verifyApiKey(credential: string, request: AuthRequest): Promise<Actor> {
    const check = request.database ? await checkApiKey(request.database, credential) : ({ ok: false, reason: "unavailable", prefix: null } as const);
    if (check.ok) return check.actor;
    log({ level: "warn", msg: "authentication failed", credential: "api_key", reason: check.reason, keyPrefix: check.prefix, requestId: request.requestId ?? null });
    throw unauthenticated(API_KEY_REFUSED);
  }

  return async (authorization, request = {}) => {
    if (!authorization) return ANONYMOUS;
    const bearer = /^Bearer\s+(\S+)$/i.exec(authorization.trim())?.[1];
    if (bearer && looksLikeApiKey(bearer)) return verifyApiKey(bearer, request);
    try {
      return await verify(authorization);
    } catch (error) {
      const requestId = request.requestId ?? null;
      if (error instanceof KeySetUnavailable) {
        log({
          level: "error",
          msg: "identity provider unreachable",
          reason: "jwks_unavailable",
          cause: error.how,
          code: error.code,
          jwks: config.mode === "jwks" ? config.jwksUrl : undefined,
          requestId,
        });
        throw new GraphQLError("The identity provider cannot be reached to check the token; try again later", {
          extensions: { code: "SERVICE_UNAVAILABLE", http: { status: 503 } },
        });
      }
      const refusal = error instanceof Refusal ? error : classify(error);
      log({ level: "warn", msg: "authentication failed", reason: refusal.reason, claim: refusal.claim, requestId });
      throw unauthenticated(refusal.clientMessage);
    }
  };
}

/** jose's verification errors by reason class. */
function classify(error: unknown): Refusal {
  if (error instanceof errors.JWTExpired) return new Refusal("expired");
  if (error instanceof errors.JWTClaimValidationFailed) return new Refusal("claims", error.claim);
  if (error instanceof errors.JWSSignatureVerificationFailed) return new Refusal("bad_signature");
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) return new Refusal("unknown_key");
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) return new Refusal("algorithm");
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return new Refusal("malformed_token");
  return new Refusal("invalid");
}

/**
 * The issuer's key set, fetched and cached by jose. A failure to get it (network, timeout, a
 * status other than 200, not a key set) becomes KeySetUnavailable; what concerns the token
 * itself (no key with its kid, an algorithm the set cannot serve) stays jose's error.
 */
function keySetOf(jwksUrl: string, timeoutDuration: number | undefined): JWTVerifyGetKey {
  const remote = createRemoteJWKSet(new URL(jwksUrl), timeoutDuration === undefined ? {} : { timeoutDuration });
  return async (header, token) => {
    try {
      return await remote(header, token);
    } catch (error) {
      if (
        error instanceof errors.JWKSNoMatchingKey ||
        error instanceof errors.JWKSMultipleMatchingKeys ||
        error instanceof errors.JOSENotSupported ||
        error instanceof errors.JOSEAlgNotAllowed
      ) {
        throw error;
      }
      if (error instanceof errors.JWKSTimeout) throw new KeySetUnavailable("timeout");
      if (error instanceof errors.JWKSInvalid) throw new KeySetUnavailable("invalid_key_set");
      if (error instanceof errors.JOSEError) throw new KeySetUnavailable(/200 OK/.test(error.message) ? "http_status" : "invalid_response");
      // fetch's TypeError, with the system error (ECONNREFUSED, ENOTFOUND, ...) as its cause.
      const code = (error as { cause?: { code?: unknown } })?.cause?.code;
      throw new KeySetUnavailable("network", typeof code === "string" ? code : undefined);
    }
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
