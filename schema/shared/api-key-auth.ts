// API keys as credentials: their format, how one is minted and stored, and how a presented one is
// checked. A key reads `tapi_<prefix>_<secret>`: the prefix (12 hex characters) is public and
// unique, so a request's key is found with one indexed lookup; the secret is 32 random bytes.
// Only the SHA-256 of the whole key is stored: a 256-bit random secret needs no slow hash, and a
// database dump gives no usable key. The partners module manages keys; this file is what the
// authenticator needs, kept in the kit so that authentication does not depend on a module.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { apiKeys } from "../../db/schema/partners.js";
import type { Actor } from "./auth.js";

export const API_KEY_SCHEME = "tapi";
const API_KEY = /^tapi_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;
/** lastUsedAt is written at most this often per key, so a burst of requests costs no write each. */
export const LAST_USED_GRANULARITY_MS = 60_000;

/** Whether a bearer credential is meant as an API key (rather than a JWT). */
export function looksLikeApiKey(credential: string): boolean {
  return credential.startsWith(`${API_KEY_SCHEME}_`);
}

/** A new key: its public prefix, the whole key (shown once) and the hash that is stored. */
export function mintApiKey(): { prefix: string; key: string; secretHash: string } {
  const prefix = randomBytes(6).toString("hex");
  const key = `${API_KEY_SCHEME}_${prefix}_${randomBytes(32).toString("base64url")}`;
  return { prefix, key, secretHash: hashApiKey(key) };
}

/** SHA-256 (hex) of the whole key. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/**
 * Why a key was refused, as logged (with the prefix, never the secret). `unavailable`: the caller
 * of the authenticator gave no database to look keys up in (a wiring fault, not the client's).
 */
export type ApiKeyRefusal = "malformed" | "unknown" | "mismatch" | "revoked" | "expired" | "unavailable";

export type ApiKeyCheck = { ok: true; actor: Actor } | { ok: false; reason: ApiKeyRefusal; prefix: string | null };

/**
 * Checks a presented key: one lookup by prefix, the hash compared in constant time, then revoked
 * and expired. An accepted key's lastUsedAt is touched when it is older than a minute. Runs on the
 * database's own connection, before the request's context exists, so none of it counts among the
 * request's statements or writes.
 */
export async function checkApiKey(database: Database, credential: string, now = new Date()): Promise<ApiKeyCheck> {
  const match = API_KEY.exec(credential);
  if (!match) return { ok: false, reason: "malformed", prefix: null };
  const prefix = match[1]!;
  const [row] = await database.db
    .select({
      id: apiKeys.id,
      organisationId: apiKeys.organisationId,
      secretHash: apiKeys.secretHash,
      revokedAt: apiKeys.revokedAt,
      expiresAt: apiKeys.expiresAt,
      lastUsedAt: apiKeys.lastUsedAt,
    })
    .from(apiKeys)
    .where(eq(apiKeys.prefix, prefix));
  if (!row) return { ok: false, reason: "unknown", prefix };
  const presented = Buffer.from(hashApiKey(credential), "utf8");
  const stored = Buffer.from(row.secretHash, "utf8");
  if (presented.length !== stored.length || !timingSafeEqual(presented, stored)) return { ok: false, reason: "mismatch", prefix };
  if (row.revokedAt) return { ok: false, reason: "revoked", prefix };
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired", prefix };
  if (!row.lastUsedAt || row.lastUsedAt.getTime() < now.getTime() - LAST_USED_GRANULARITY_MS) {
    // The condition is asked again in SQL, so concurrent requests of one key write it once.
    await database.db
      .update(apiKeys)
      .set({ lastUsedAt: sql`now()` })
      .where(sql`${apiKeys.id} = ${row.id} and (${apiKeys.lastUsedAt} is null or ${apiKeys.lastUsedAt} < now() - interval '1 minute')`);
  }
  return { ok: true, actor: { role: "PARTNER", subject: `apikey:${row.id}`, organisationId: row.organisationId, apiKeyId: row.id } };
}
