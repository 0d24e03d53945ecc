// Limits per key (an address, a network address, a project) over fixed time windows, counted in
// PostgreSQL (db/schema/rate-limits.ts) so that a limit holds across every Lambda instance at once.
// One statement counts and judges: an insert that, on the window's existing row, adds one and
// returns the new count. Two requests on different connections cannot both take the last slot,
// because the row's update is serialised by PostgreSQL and each sees the other's increment.
//
// A limit is consumed on the request's own connection, outside any change: an attempt that fails
// afterwards (a project that does not take mentors) still counts, or a caller could probe for free.
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import type { Context } from "./context.js";
import { rateLimited } from "./errors.js";

export interface LimitRule {
  /** What is limited and for whom, e.g. `mentor.register:email:${hashedKey(email)}`; never a raw address. */
  key: string;
  /** How many attempts the window allows. */
  limit: number;
  windowSeconds: number;
  /** The chance (0-1) that this call also deletes expired counters; tests pass 1. */
  sweepChance?: number;
}

export interface LimitUse {
  count: number;
  remaining: number;
  retryAfterSeconds: number;
}

/** How often a call sweeps expired windows: rarely, so the delete costs next to nothing per request. */
const SWEEP_CHANCE = 0.02;
/** At most this many expired rows a sweep deletes, so no request waits on a large delete. */
const SWEEP_BATCH = 500;

/**
 * A key's part for a personal value (an e-mail address, a network address): its SHA-256,
 * truncated to 128 bits. The counters never hold the value itself.
 */
export function hashedKey(value: string): string {
  return createHash("sha256").update(value, "utf8").digest("hex").slice(0, 32);
}

function executorOf(on: Context | Executor): Executor {
  return "transactions" in on ? on.db : on;
}

/**
 * Counts one attempt against `rule` and throws RATE_LIMITED (with retryAfterSeconds, the seconds
 * until the window ends) when it is over the limit. The window is judged by the database's clock,
 * the same for every instance.
 */
export async function consumeLimit(on: Context | Executor, rule: LimitRule, message = "Too many attempts: try again later"): Promise<LimitUse> {
  if (!Number.isInteger(rule.windowSeconds) || rule.windowSeconds <= 0) throw new Error("windowSeconds must be a positive integer");
  const db = executorOf(on);
  const window = rule.windowSeconds;
  const start = sql`to_timestamp(floor(extract(epoch from now()) / ${window}::int) * ${window}::int)`;
  const result = await db.execute(sql`
    insert into rate_limit_counters as c (key, window_start, count, expires_at)
    values (${rule.key}, ${start}, 1, ${start} + make_interval(secs => ${window}::int))
    on conflict (key, window_start) do update set count = c.count + 1
    returning c.count, greatest(1, ceil(extract(epoch from c.expires_at - now())))::int as retry_after`);
  const row = rowsOf<{ count: number | string; retry_after: number | string }>(result)[0];
  if (!row) throw new Error("rate limit counter returned no row");
  const count = Number(row.count);
  const retryAfterSeconds = Number(row.retry_after);
  if (Math.random() < (rule.sweepChance ?? SWEEP_CHANCE)) await sweepExpiredLimits(db);
  if (count > rule.limit) throw rateLimited(message, retryAfterSeconds);
  return { count, remaining: rule.limit - count, retryAfterSeconds };
}

/** Deletes a batch of counters whose window has ended; returns how many. */
export async function sweepExpiredLimits(db: Executor): Promise<number> {
  const result = await db.execute(sql`
    delete from rate_limit_counters where (key, window_start) in (
      select key, window_start from rate_limit_counters where expires_at < now() limit ${SWEEP_BATCH}
    ) returning key`);
  return rowsOf(result).length;
}

/** Every driver here (node-postgres, Neon, PGlite) answers `{ rows }`; drizzle types it per driver. */
function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
