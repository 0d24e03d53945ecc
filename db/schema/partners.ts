// Tables of the partners module: what partner organisations use to follow the API from outside.
// API keys authenticate a partner's machines; webhook subscriptions receive the events the
// partner may see, signed per the Standard Webhooks specification, from a dispatcher that reads
// the outbox; every delivery and each of its attempts is kept for the partner to inspect.
import { sql } from "drizzle-orm";
import { bigint, check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { campaigns } from "./campaigns.js";
import { id, timestamps } from "./columns.js";
import { organisations } from "./organisations.js";

/**
 * An API key of a partner organisation. The secret is shown once, when the key is made; only its
 * SHA-256 is kept (a 256-bit random secret needs no slow hash). `prefix` is its public, unique
 * first part, by which a request's key is found. Rotating makes a new key and gives the old one
 * an `expiresAt`, so both work during the overlap.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: id(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    secretHash: text("secret_hash").notNull(),
    /** Who made it (the subject of the actor). */
    createdBy: text("created_by"),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true, mode: "date" }),
    /** The key a rotation replaced this one with. */
    replacedById: uuid("replaced_by_id"),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("api_keys_prefix_key").on(t.prefix),
    index("api_keys_organisation_idx").on(t.organisationId, t.createdAt),
    check("api_keys_name_check", sql`length(${t.name}) between 1 and 100`),
  ],
);

export const webhookSubscriptionStatus = pgEnum("webhook_subscription_status", ["ACTIVE", "PAUSED", "DISABLED"]);

/**
 * A partner's webhook: the events it wants (by name), optionally of one campaign, sent to `url`.
 * The signing secret is stored encrypted (AES-256-GCM with the stage's key), because signing
 * needs it whole; during a rotation the previous secret signs too until `previousSecretExpiresAt`.
 * PAUSED by its owner or by the dispatcher after failing for days (`pausedReason` says which);
 * DISABLED when the receiver answered 410 Gone.
 */
export const webhookSubscriptions = pgTable(
  "webhook_subscriptions",
  {
    id: id(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    url: text("url").notNull(),
    eventTypes: text("event_types").array().notNull(),
    campaignId: uuid("campaign_id").references(() => campaigns.id),
    secretCiphertext: text("secret_ciphertext").notNull(),
    previousSecretCiphertext: text("previous_secret_ciphertext"),
    previousSecretExpiresAt: timestamp("previous_secret_expires_at", { withTimezone: true, mode: "date" }),
    status: webhookSubscriptionStatus("status").notNull().default("ACTIVE"),
    pausedReason: text("paused_reason"),
    /** Since when every attempt has failed; null after a success. */
    failingSince: timestamp("failing_since", { withTimezone: true, mode: "date" }),
    createdBy: text("created_by"),
    ...timestamps(),
  },
  (t) => [
    index("webhook_subscriptions_organisation_idx").on(t.organisationId, t.createdAt),
    index("webhook_subscriptions_active_idx").on(t.status),
    check("webhook_subscriptions_events_check", sql`cardinality(${t.eventTypes}) between 1 and 20`),
  ],
);

export const webhookDeliveryStatus = pgEnum("webhook_delivery_status", ["PENDING", "SUCCEEDED", "FAILED", "SKIPPED"]);

/**
 * One event for one subscription. `messageId` is the `webhook-id` header: the same on every
 * attempt and redelivery, so a receiver de-duplicates on it. SKIPPED when, at sending, the partner
 * may no longer read what the event is about.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: id(),
    subscriptionId: uuid("subscription_id")
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: "cascade" }),
    /** The outbox event (domain_events.position); null for a test event. */
    eventPosition: bigint("event_position", { mode: "number" }),
    eventName: text("event_name").notNull(),
    messageId: text("message_id").notNull(),
    status: webhookDeliveryStatus("status").notNull().default("PENDING"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true, mode: "date" }),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_event_key").on(t.subscriptionId, t.eventPosition),
    uniqueIndex("webhook_deliveries_message_key").on(t.messageId),
    index("webhook_deliveries_due_idx").on(t.nextAttemptAt).where(sql`status = 'PENDING'`),
    index("webhook_deliveries_subscription_idx").on(t.subscriptionId, t.createdAt),
  ],
);

/** One attempt to send a delivery: when, the answer's status code (null without one), how long it took, what went wrong. */
export const webhookAttempts = pgTable(
  "webhook_attempts",
  {
    id: id(),
    deliveryId: uuid("delivery_id")
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: "cascade" }),
    attemptedAt: timestamp("attempted_at", { withTimezone: true, mode: "date" }).notNull(),
    statusCode: integer("status_code"),
    latencyMs: integer("latency_ms").notNull(),
    error: text("error"),
    ...timestamps(),
  },
  (t) => [index("webhook_attempts_delivery_idx").on(t.deliveryId, t.attemptedAt)],
);

/**
 * A GraphQL-over-WebSocket connection held by API Gateway on AWS (locally, graphql-ws keeps its
 * connections in memory). The actor is set by connection_init, from its token or API key; until
 * then the connection may not subscribe.
 */
export const websocketConnections = pgTable(
  "websocket_connections",
  {
    id: id(),
    /** API Gateway's connectionId. */
    connectionId: text("connection_id").notNull(),
    /** The actor's claims (role, sub, board, org) once connection_init was accepted. */
    actor: jsonb("actor"),
    initialisedAt: timestamp("initialised_at", { withTimezone: true, mode: "date" }),
    ...timestamps(),
  },
  (t) => [uniqueIndex("websocket_connections_connection_key").on(t.connectionId)],
);

/** A subscription operation of a connection: the client's operation id, its document and variables, and the events that feed it. */
export const websocketSubscriptions = pgTable(
  "websocket_subscriptions",
  {
    id: id(),
    connectionId: uuid("connection_id")
      .notNull()
      .references(() => websocketConnections.id, { onDelete: "cascade" }),
    operationId: text("operation_id").notNull(),
    query: text("query").notNull(),
    variables: jsonb("variables"),
    operationName: text("operation_name"),
    /** The outbox events whose arrival may produce a message for it. */
    eventNames: text("event_names").array().notNull(),
    ...timestamps(),
  },
  (t) => [uniqueIndex("websocket_subscriptions_operation_key").on(t.connectionId, t.operationId), index("websocket_subscriptions_events_idx").using("gin", t.eventNames)],
);
