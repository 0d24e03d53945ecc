// Cached aggregates: figures too costly to count on every read at the sector's size (distinct
// employees reached among a quarter of a million enrolments), kept with the version of the data
// they were counted from. Database triggers bump a family's version in the same transaction as
// any write that can change its figures (migration 0008), whatever wrote it: the API, a seed, a
// script. A cached figure is used only while its version is the family's current one, and the
// version is read in the same statement as the figure is counted, so a figure counted from a
// snapshot older than a write is never taken for a newer one (see schema/shared/aggregates.ts).
import { bigint, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const aggregateVersions = pgTable("aggregate_versions", {
  family: text("family").primaryKey(),
  version: bigint("version", { mode: "number" }).notNull(),
});

export const aggregateCache = pgTable("aggregate_cache", {
  key: text("key").primaryKey(),
  family: text("family").notNull(),
  version: bigint("version", { mode: "number" }).notNull(),
  value: jsonb("value").notNull(),
  computedAt: timestamp("computed_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});
