// The audit log and the transactional outbox. Both are written in the same transaction as
// the change they describe, so neither can claim a change that was rolled back.
import { sql } from "drizzle-orm";
import { bigint, bigserial, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./columns.js";

export const auditLog = pgTable(
  "audit_log",
  {
    id: id(),
    actorId: text("actor_id"),
    actorRole: text("actor_role").notNull(),
    operation: text("operation").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: uuid("entity_id").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    requestId: text("request_id"),
    ...timestamps(),
  },
  (t) => [index("audit_log_entity_idx").on(t.entityType, t.entityId), index("audit_log_created_idx").on(t.createdAt, t.id)],
);

export const domainEvents = pgTable(
  "domain_events",
  {
    id: id(),
    // Assigned at insert; unique and increasing, but a later position may commit first.
    position: bigserial("position", { mode: "number" }).notNull().unique(),
    // The writing transaction's id: the relay reads only below the oldest transaction still
    // running, so an event that commits late is never skipped (see schema/shared/outbox.ts).
    txid: bigint("txid", { mode: "number" }).notNull().default(sql`(pg_current_xact_id()::text)::bigint`),
    name: text("name").notNull(),
    version: integer("version").notNull().default(1),
    entityType: text("entity_type").notNull(),
    entityId: uuid("entity_id").notNull(),
    payload: jsonb("payload").notNull(),
    // When a relay first handed the event to this process's consumers; null until then.
    publishedAt: timestamp("published_at", { withTimezone: true, mode: "date" }),
    ...timestamps(),
  },
  (t) => [index("domain_events_unpublished_idx").on(t.position).where(sql`published_at is null`), index("domain_events_order_idx").on(t.txid, t.position)],
);

/** How far each durable consumer of the outbox has got, in the relay's order. */
export const outboxCheckpoints = pgTable("outbox_checkpoints", {
  id: id(),
  consumer: text("consumer").notNull().unique(),
  txid: bigint("txid", { mode: "number" }).notNull().default(0),
  position: bigint("position", { mode: "number" }).notNull().default(0),
  ...timestamps(),
});
