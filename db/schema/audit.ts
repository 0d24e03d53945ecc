// The audit log and the transactional outbox. Both are written in the same transaction as
// the change they describe, so neither can claim a change that was rolled back.
import { sql } from "drizzle-orm";
import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
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
    // A strictly increasing position gives consumers an order to resume from.
    position: bigserial("position", { mode: "number" }).notNull().unique(),
    type: text("type").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: uuid("entity_id").notNull(),
    payload: jsonb("payload").notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true, mode: "date" }),
    ...timestamps(),
  },
  (t) => [index("domain_events_unpublished_idx").on(t.position).where(sql`published_at is null`)],
);

