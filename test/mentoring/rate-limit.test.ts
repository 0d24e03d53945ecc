// Limits kept in PostgreSQL (schema/shared/rate-limit.ts): attempts are counted per key and fixed
// window in rate_limit_counters by one upsert, so the limit holds for every connection (every
// Lambda instance) at once; an attempt over it is RATE_LIMITED with the seconds until the window
// ends; expired windows are swept; a personal key is stored as a hash.
import { sql } from "drizzle-orm";
import { GraphQLError } from "graphql";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { rateLimitCounters } from "../../db/schema/rate-limits.js";
import { consumeLimit, hashedKey, sweepExpiredLimits } from "../../schema/shared/rate-limit.js";
import { createTestApi, type TestApi } from "../helpers/api.js";
import { onPostgres } from "../helpers/db.js";

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi();
  // The API's server starts on its first operation, and only a started server stops.
  await api.execRaw("{ __typename }");
  return () => api.close();
});

beforeEach(async () => {
  await api.database.db.delete(rateLimitCounters);
});

async function limitedError(promise: Promise<unknown>): Promise<GraphQLError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GraphQLError);
  return error as GraphQLError;
}

describe("consumeLimit", () => {
  it("lets `limit` attempts through in a window and refuses the next with RATE_LIMITED and the seconds left", async () => {
    const db = api.database.db;
    const rule = { key: "test:one", limit: 3, windowSeconds: 600, sweepChance: 0 };
    for (const expected of [2, 1, 0]) expect((await consumeLimit(db, rule)).remaining).toBe(expected);
    const error = await limitedError(consumeLimit(db, rule, "Too many tries"));
    expect(error.message).toBe("Too many tries");
    expect(error.extensions.code).toBe("RATE_LIMITED");
    const retry = error.extensions.retryAfterSeconds as number;
    expect(Number.isInteger(retry) && retry >= 1 && retry <= 600).toBe(true);
    // Another key has its own count.
    expect((await consumeLimit(db, { ...rule, key: "test:two" })).count).toBe(1);
    const rows = await db.select().from(rateLimitCounters);
    expect(rows.map((r) => [r.key, r.count]).sort()).toEqual([
      ["test:one", 4],
      ["test:two", 1],
    ]);
    // The window is aligned to its length, and expires at its end.
    const one = rows.find((r) => r.key === "test:one")!;
    expect(one.windowStart.getTime() % 600_000).toBe(0);
    expect(one.expiresAt.getTime() - one.windowStart.getTime()).toBe(600_000);
  });

  it("counts a new window afresh once the old one ended", async () => {
    const db = api.database.db;
    // An exhausted window that ended a minute ago.
    await db.execute(
      sql`insert into rate_limit_counters (key, window_start, count, expires_at) values ('test:old', now() - interval '11 minutes', 99, now() - interval '1 minute')`,
    );
    expect((await consumeLimit(db, { key: "test:old", limit: 1, windowSeconds: 600, sweepChance: 0 })).count).toBe(1);
  });

  it("deletes expired windows now and then, and keeps live ones", async () => {
    const db = api.database.db;
    await db.execute(sql`insert into rate_limit_counters (key, window_start, count, expires_at) values
      ('test:expired-1', now() - interval '2 hours', 5, now() - interval '1 hour'),
      ('test:expired-2', now() - interval '2 days', 5, now() - interval '1 day')`);
    await consumeLimit(db, { key: "test:live", limit: 5, windowSeconds: 60, sweepChance: 1 });
    expect((await db.select().from(rateLimitCounters)).map((r) => r.key)).toEqual(["test:live"]);
    expect(await sweepExpiredLimits(db)).toBe(0);
  });

  it("keys a personal value by a truncated SHA-256, never the value", () => {
    const key = hashedKey("zoe@example.be");
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(key).not.toContain("zoe");
    expect(hashedKey("zoe@example.be")).toBe(key);
    expect(hashedKey("zoe@example.com")).not.toBe(key);
  });

  it.runIf(onPostgres)("holds under concurrency: of 30 attempts on separate connections at once, exactly 10 pass", async () => {
    const db = api.database.db;
    const rule = { key: "test:race", limit: 10, windowSeconds: 3600, sweepChance: 0 };
    const outcomes = await Promise.allSettled(Array.from({ length: 30 }, () => consumeLimit(db, rule)));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(10);
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(refused).toHaveLength(20);
    for (const r of refused) expect((r.reason as GraphQLError).extensions.code).toBe("RATE_LIMITED");
    const [row] = await db.select().from(rateLimitCounters);
    expect(row?.count).toBe(30);
  });
});
