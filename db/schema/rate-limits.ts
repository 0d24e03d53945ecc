// Counters of fixed time windows, kept in PostgreSQL so that a limit holds across every Lambda
// instance and every local process at once (schema/shared/rate-limit.ts counts and judges them).
// A row per key and window; old windows are deleted as new ones are counted.
import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

export const rateLimitCounters = pgTable(
  "rate_limit_counters",
  {
    /** What is limited and for whom: "mentor.register:address:<hash>", "mentor.register:project:<id>". */
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true, mode: "date" }).notNull(),
    count: integer("count").notNull().default(0),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.key, t.windowStart] }),
    index("rate_limit_counters_expires_idx").on(t.expiresAt),
    check("rate_limit_counters_count_check", sql`${t.count} >= 0`),
  ],
);
