// Partners' webhook subscriptions through the API: made, changed, paused, resumed, deleted and
// given a new signing secret by the organisation's own partners (with a token or an API key) and
// by admins (webhookManage); their deliveries and attempts listed; a delivery sent again, every
// event since a time replayed, and a test event sent. This module only writes rows: the
// dispatcher (dispatcher.ts) sends every due PENDING delivery of an ACTIVE subscription.
//
// The signing secret is shown once, when it is made; it is kept sealed (secret-box.ts) and never
// appears in a subscription as the API shows it, an audit row, an event or a log line.
//
// node(id) is null for a subscription or delivery of an organisation the viewer may not manage;
// naming one in a list or a write is FORBIDDEN, as every write of the API answers (the
// authorization matrix): its random id tells nothing.

import { isIP } from "node:net";
import { and, count, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../../db/client.js";
import { campaigns } from "../../db/schema/campaigns.js";
import { organisations } from "../../db/schema/organisations.js";
import { webhookAttempts, webhookDeliveries, webhookSubscriptions } from "../../db/schema/partners.js";
import { modules } from "../modules.js";
import { actorSubject } from "../shared/auth.js";
import { change, type Recorder } from "../shared/changes.js";
import type { Context } from "../shared/context.js";
import { badInput, conflict, notFound } from "../shared/errors.js";
import { fn } from "../shared/fn.js";
import { childRows, defineLoaderFamily, rowsById } from "../shared/loaders.js";
import { assertCan, can, grantFor } from "../shared/policy.js";
import { type Connection, expectGlobalId, mapConnection, paginate, toGlobalId } from "../shared/relay.js";
import { listedOrganisation, newestFirst, newestOfOrganisation } from "./organisation-lists.js";
import { webhookSubscriptionChanged } from "./partners.events.js";
import type { WebhookAttemptMapper as WebhookAttempt, WebhookDeliveryMapper as WebhookDelivery, WebhookSubscriptionMapper as WebhookSubscription } from "./partners.mappers.js";
import { webhookManage } from "./partners.policy.js";
import { overlapMsOf, rotateInput } from "./rotation.js";
import { newSigningSecret, secretBoxFromEnv } from "./secret-box.js";
import { forbiddenAddress, hostOf } from "./ssrf.js";

export const MAX_SUBSCRIPTIONS = 20;
export const MAX_EVENTS = 20;
export const MAX_URL_LENGTH = 2000;
export const MAX_LAST_DELIVERIES = 20;
export const MAX_REPLAY_DAYS = 30;
/** The event name of a "send test event" delivery: no domain event behind it. */
export const TEST_EVENT = "webhook.test";
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** A subscription made or its secret rotated: the row and the secret, shown this once. */
export interface CreatedWebhookSubscription {
  subscription: WebhookSubscription;
  secret: string;
}

export const subscriptionLoader = (ctx: Context) => rowsById<WebhookSubscription>(ctx, webhookSubscriptions);
const deliveryLoader = (ctx: Context) => rowsById<WebhookDelivery>(ctx, webhookDeliveries);

/** What the audit log keeps of a subscription: everything but its sealed secrets. */
function auditView(row: WebhookSubscription): Omit<WebhookSubscription, "secretCiphertext" | "previousSecretCiphertext"> {
  const { secretCiphertext: _secret, previousSecretCiphertext: _previous, ...rest } = row;
  return rest;
}

const mayManage = (ctx: Context, row: Pick<WebhookSubscription, "organisationId">) => can(ctx, webhookManage, { organisationId: row.organisationId });

/** node(id): the subscription for those who manage its organisation's webhooks; null for anyone else. */
export async function findWebhookSubscription(ctx: Context, id: string): Promise<WebhookSubscription | null> {
  const row = await subscriptionLoader(ctx).load(id);
  return row && (await mayManage(ctx, row)) ? row : null;
}

/** node(id): the delivery for those who manage its subscription's organisation's webhooks. */
export async function findWebhookDelivery(ctx: Context, id: string): Promise<WebhookDelivery | null> {
  const delivery = await deliveryLoader(ctx).load(id);
  if (!delivery) return null;
  return (await findWebhookSubscription(ctx, delivery.subscriptionId)) ? delivery : null;
}

/** The subscription a delivery belongs to (the viewer's access was checked on the delivery). */
export async function subscriptionOf(ctx: Context, delivery: WebhookDelivery): Promise<WebhookSubscription> {
  const row = await subscriptionLoader(ctx).load(delivery.subscriptionId);
  if (!row) throw new Error("webhook delivery without its subscription");
  return row;
}

// ---------------------------------------------------------------------------------------------
// The rules of a subscription's fields

const isProduction = () => process.env.STAGE === "production";

/**
 * Why a webhook URL is refused, or null. https; outside production also http to a loopback host.
 * In production an IP literal the dispatcher would refuse (ssrf.ts) is refused at once; a name is
 * resolved and checked by the dispatcher at every attempt, since its answer may change.
 */
export function webhookUrlProblem(raw: string, production = isProduction()): string | null {
  if (raw.length > MAX_URL_LENGTH) return `must be at most ${MAX_URL_LENGTH} characters`;
  if (/[\s\p{Cc}\p{Cf}]/u.test(raw)) return "must not contain spaces, control or invisible characters";
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "must be an absolute https URL";
  }
  if (url.username || url.password) return "must not carry a user name or password";
  const host = hostOf(url);
  const literal = isIP(host) !== 0;
  if (url.protocol === "http:") {
    const loopback = host === "localhost" || host.endsWith(".localhost") || (literal && forbiddenAddress(host) === "a loopback");
    if (production) return "must be https";
    return loopback ? null : "must be https (http only to a loopback host such as 127.0.0.1 or localhost, outside production)";
  }
  if (url.protocol !== "https:") return "must be https";
  if (production && literal) {
    const refused = forbiddenAddress(host);
    if (refused) return `is ${refused} address, which webhooks may not reach`;
  }
  return null;
}

/**
 * The events a partner could ever receive: declared by a module, and public or guarded by a
 * policy that grants partners something. Asked lazily: the modules list imports this module.
 */
export function partnerEventNames(): Set<string> {
  const names = new Set<string>();
  for (const module of modules) {
    for (const definition of module.events ?? []) {
      if (definition.audience === "public" || grantFor(definition.audience.action, "PARTNER") !== "never") names.add(definition.name);
    }
  }
  return names;
}

function checkUrl(url: string, field: string): string {
  const problem = webhookUrlProblem(url);
  if (problem) throw badInput(field, problem);
  return url;
}

function checkEvents(events: readonly string[], field: string): string[] {
  if (events.length === 0) throw badInput(field, "must name at least one event");
  if (events.length > MAX_EVENTS) throw badInput(field, `must name at most ${MAX_EVENTS} events`);
  const known = partnerEventNames();
  const seen = new Set<string>();
  events.forEach((name, i) => {
    if (seen.has(name)) throw badInput(`${field}.${i}`, `names ${name} twice`);
    seen.add(name);
    if (!known.has(name)) throw badInput(`${field}.${i}`, `${name} is not an event a partner can receive`);
  });
  return [...events];
}

async function checkCampaign(tx: Tx, globalId: string, field: string): Promise<string> {
  const id = expectGlobalId(globalId, "Campaign", field);
  const [row] = await tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.id, id));
  if (!row) throw notFound("Campaign", field);
  return id;
}

type Operation = z.infer<typeof webhookSubscriptionChanged.payload>["operation"];

async function recordChange(
  recorder: Recorder,
  mutation: string,
  operation: Operation,
  before: WebhookSubscription | null,
  after: WebhookSubscription | null,
  extra: Record<string, unknown> = {},
): Promise<void> {
  const row = (after ?? before)!;
  await recorder.record({
    operation: mutation,
    entityType: "WebhookSubscription",
    entityId: row.id,
    before: before && auditView(before),
    after: after && { ...auditView(after), ...extra },
  });
  await recorder.emit(webhookSubscriptionChanged, row.id, { subscriptionId: row.id, organisationId: row.organisationId, operation });
}

/** The subscription's row, locked; NOT_FOUND when it does not exist, FORBIDDEN when the viewer may not manage it. */
async function lockSubscription(ctx: Context, tx: Tx, id: string, field: string): Promise<WebhookSubscription> {
  const [row] = await tx.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, id)).for("update");
  if (!row) throw notFound("WebhookSubscription", field);
  await assertCan(ctx, webhookManage, { organisationId: row.organisationId });
  return row;
}

// ---------------------------------------------------------------------------------------------
// Lists

const { sortKey: deliveryCreatedAt, keyset: deliveryKeyset } = newestFirst(webhookDeliveries);

const pageArgs = { first: z.number().int().nullish(), after: z.string().nullish() };

/** Query.webhookSubscriptions: a partner's own organisation's; an admin's of one organisation or of all. */
export const listWebhookSubscriptions = fn(
  z.object({ organisationId: z.string().nullish(), ...pageArgs }),
  async (ctx, { organisationId, first, after }): Promise<Connection<WebhookSubscription>> =>
    newestOfOrganisation<WebhookSubscription>(ctx, webhookSubscriptions, await listedOrganisation(ctx, webhookManage, organisationId), { first, after }),
  { authorize: webhookManage },
);

/** Query.webhookDeliveries: a subscription's deliveries, newest first. */
export const listWebhookDeliveries = fn(
  z.object({ subscriptionId: z.string(), ...pageArgs }),
  async (ctx, { subscriptionId, first, after }): Promise<Connection<WebhookDelivery>> => {
    const id = expectGlobalId(subscriptionId, "WebhookSubscription", "subscriptionId");
    const subscription = await subscriptionLoader(ctx).load(id);
    if (!subscription) throw notFound("WebhookSubscription", "subscriptionId");
    await assertCan(ctx, webhookManage, { organisationId: subscription.organisationId });
    const where = eq(webhookDeliveries.subscriptionId, id);
    const page = await paginate(
      { first, after },
      deliveryKeyset,
      (p) =>
        ctx.db
          .select({ row: webhookDeliveries, sortKey: deliveryCreatedAt })
          .from(webhookDeliveries)
          .where(and(where, p.after))
          .orderBy(...p.orderBy)
          .limit(p.limit),
      (r) => [r.sortKey, r.row.id],
      async () => (await ctx.db.select({ n: count() }).from(webhookDeliveries).where(where))[0]?.n ?? 0,
    );
    return mapConnection(page, (r) => r.row);
  },
  { authorize: webhookManage },
);

/** The last `first` deliveries of every subscription of a batch, in one statement (a window per subscription). */
const lastDeliveriesLoader = defineLoaderFamily<string, WebhookDelivery[], number>(
  (first) => String(first),
  async (ctx, first, ids) => {
    const ranked = ctx.db
      .select({
        id: webhookDeliveries.id,
        rank: sql<number>`row_number() over (partition by ${webhookDeliveries.subscriptionId} order by ${webhookDeliveries.createdAt} desc, ${webhookDeliveries.id} desc)`.as(
          "rank",
        ),
      })
      .from(webhookDeliveries)
      .where(inArray(webhookDeliveries.subscriptionId, [...ids]))
      .as("ranked");
    const rows = await ctx.db
      .select({ row: webhookDeliveries })
      .from(webhookDeliveries)
      .innerJoin(ranked, eq(ranked.id, webhookDeliveries.id))
      .where(sql`${ranked.rank} <= ${first}`)
      .orderBy(sql`${ranked.rank}`);
    const grouped = new Map<string, WebhookDelivery[]>(ids.map((id) => [id, []]));
    for (const { row } of rows) grouped.get(row.subscriptionId)?.push(row);
    return ids.map((id) => grouped.get(id) ?? []);
  },
);

/** WebhookSubscription.lastDeliveries: newest first, at most MAX_LAST_DELIVERIES. */
export async function lastDeliveriesOf(ctx: Context, subscription: WebhookSubscription, first: number | null | undefined): Promise<WebhookDelivery[]> {
  const n = first ?? 5;
  if (!Number.isInteger(n) || n < 0 || n > MAX_LAST_DELIVERIES) throw badInput("first", `must be from 0 to ${MAX_LAST_DELIVERIES}`);
  if (n === 0) return [];
  return lastDeliveriesLoader(ctx, n).load(subscription.id);
}

const attemptsLoader = childRows<WebhookAttempt>(
  (ctx, ids) => ctx.db.select().from(webhookAttempts).where(inArray(webhookAttempts.deliveryId, ids)).orderBy(webhookAttempts.attemptedAt, webhookAttempts.id),
  (row) => row.deliveryId,
);

/** WebhookDelivery.attempts: oldest first; one statement for every delivery of a page. */
export const attemptsOf = (ctx: Context, delivery: WebhookDelivery) => attemptsLoader(ctx).load(delivery.id);

// ---------------------------------------------------------------------------------------------
// Writes

const createInput = z.object({
  organisationId: z.string().nullish(),
  url: z.string(),
  events: z.array(z.string()),
  campaignId: z.string().nullish(),
});

export const createWebhookSubscription = fn(
  createInput,
  async (ctx, input): Promise<CreatedWebhookSubscription> => {
    let organisationId: string;
    if (input.organisationId) organisationId = expectGlobalId(input.organisationId, "Organisation", "input.organisationId");
    else if (ctx.actor.role === "PARTNER") organisationId = ctx.actor.organisationId;
    // An admin (the only other role allowed this far) acts for no organisation of their own.
    else throw badInput("input.organisationId", "is required: name the organisation the webhook is for");
    await assertCan(ctx, webhookManage, { organisationId });
    const url = checkUrl(input.url, "input.url");
    const events = checkEvents(input.events, "input.events");
    return change(ctx, async (tx, recorder) => {
      // Locked, so that subscriptions made at once are counted one after the other.
      const [organisation] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, organisationId)).for("no key update");
      if (!organisation) throw notFound("Organisation", "input.organisationId");
      const campaignId = input.campaignId ? await checkCampaign(tx, input.campaignId, "input.campaignId") : null;
      const [existing] = await tx.select({ n: count() }).from(webhookSubscriptions).where(eq(webhookSubscriptions.organisationId, organisationId));
      if ((existing?.n ?? 0) >= MAX_SUBSCRIPTIONS)
        throw conflict("input.organisationId", `The organisation has ${MAX_SUBSCRIPTIONS} webhook subscriptions, the most it may have: delete one first`);
      const secret = newSigningSecret();
      const [row] = await tx
        .insert(webhookSubscriptions)
        .values({ organisationId, url, eventTypes: events, campaignId, secretCiphertext: secretBoxFromEnv().seal(secret), createdBy: actorSubject(ctx.actor) })
        .returning();
      await recordChange(recorder, "createWebhookSubscription", "CREATED", null, row!);
      return { subscription: row!, secret };
    });
  },
  { argument: "input", authorize: webhookManage },
);

const updateInput = z.object({
  id: z.string(),
  url: z.string().nullish(),
  events: z.array(z.string()).nullish(),
  campaignId: z.string().nullish(),
});

/** Only the fields given change; campaignId null subscribes to every campaign again. */
export const updateWebhookSubscription = fn(
  updateInput,
  async (ctx, input): Promise<WebhookSubscription> => {
    const id = expectGlobalId(input.id, "WebhookSubscription", "input.id");
    return change(ctx, async (tx, recorder) => {
      const before = await lockSubscription(ctx, tx, id, "input.id");
      if (input.url === null) throw badInput("input.url", "must not be null");
      if (input.events === null) throw badInput("input.events", "must not be null");
      const patch: Partial<typeof webhookSubscriptions.$inferInsert> = {};
      if (input.url !== undefined) patch.url = checkUrl(input.url, "input.url");
      if (input.events !== undefined) patch.eventTypes = checkEvents(input.events, "input.events");
      if (input.campaignId !== undefined) patch.campaignId = input.campaignId === null ? null : await checkCampaign(tx, input.campaignId, "input.campaignId");
      if (Object.keys(patch).length === 0) return before;
      const [after] = await tx
        .update(webhookSubscriptions)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(webhookSubscriptions.id, id))
        .returning();
      await recordChange(recorder, "updateWebhookSubscription", "UPDATED", before, after!);
      return after!;
    });
  },
  { argument: "input", authorize: webhookManage },
);

const byId = z.object({ id: z.string() });

export const pauseWebhookSubscription = fn(
  byId,
  async (ctx, input): Promise<WebhookSubscription> => {
    const id = expectGlobalId(input.id, "WebhookSubscription", "id");
    return change(ctx, async (tx, recorder) => {
      const before = await lockSubscription(ctx, tx, id, "id");
      if (before.status !== "ACTIVE") throw conflict("id", `The subscription is ${before.status.toLowerCase()} already: resume it instead`);
      const [after] = await tx
        .update(webhookSubscriptions)
        .set({ status: "PAUSED", pausedReason: "paused by its owner", updatedAt: new Date() })
        .where(eq(webhookSubscriptions.id, id))
        .returning();
      await recordChange(recorder, "pauseWebhookSubscription", "PAUSED", before, after!);
      return after!;
    });
  },
  { authorize: webhookManage },
);

/** PAUSED or DISABLED → ACTIVE; its pending deliveries come due at once. */
export const resumeWebhookSubscription = fn(
  byId,
  async (ctx, input): Promise<WebhookSubscription> => {
    const id = expectGlobalId(input.id, "WebhookSubscription", "id");
    return change(ctx, async (tx, recorder) => {
      const before = await lockSubscription(ctx, tx, id, "id");
      if (before.status === "ACTIVE") throw conflict("id", "The subscription is active already");
      const now = new Date();
      const [after] = await tx
        .update(webhookSubscriptions)
        .set({ status: "ACTIVE", pausedReason: null, failingSince: null, updatedAt: now })
        .where(eq(webhookSubscriptions.id, id))
        .returning();
      await tx
        .update(webhookDeliveries)
        .set({ nextAttemptAt: now, updatedAt: now })
        .where(and(eq(webhookDeliveries.subscriptionId, id), eq(webhookDeliveries.status, "PENDING")));
      await recordChange(recorder, "resumeWebhookSubscription", "RESUMED", before, after!);
      return after!;
    });
  },
  { authorize: webhookManage },
);

/** Removes the subscription and, by cascade, its deliveries and their attempts. */
export const deleteWebhookSubscription = fn(
  byId,
  async (ctx, input): Promise<{ deletedId: string }> => {
    const id = expectGlobalId(input.id, "WebhookSubscription", "id");
    return change(ctx, async (tx, recorder) => {
      const before = await lockSubscription(ctx, tx, id, "id");
      await tx.delete(webhookSubscriptions).where(eq(webhookSubscriptions.id, id));
      await recordChange(recorder, "deleteWebhookSubscription", "DELETED", before, null);
      return { deletedId: toGlobalId("WebhookSubscription", id) };
    });
  },
  { authorize: webhookManage },
);

/** A new secret, shown once; the current one also signs for the overlap (none with 0 hours). */
export const rotateWebhookSecret = fn(
  rotateInput,
  async (ctx, input): Promise<CreatedWebhookSubscription> => {
    const id = expectGlobalId(input.id, "WebhookSubscription", "input.id");
    const overlapMs = overlapMsOf(input);
    return change(ctx, async (tx, recorder) => {
      const before = await lockSubscription(ctx, tx, id, "input.id");
      const secret = newSigningSecret();
      const now = new Date();
      const [after] = await tx
        .update(webhookSubscriptions)
        .set({
          secretCiphertext: secretBoxFromEnv().seal(secret),
          previousSecretCiphertext: overlapMs > 0 ? before.secretCiphertext : null,
          previousSecretExpiresAt: overlapMs > 0 ? new Date(now.getTime() + overlapMs) : null,
          updatedAt: now,
        })
        .where(eq(webhookSubscriptions.id, id))
        .returning();
      await recordChange(recorder, "rotateWebhookSecret", "SECRET_ROTATED", before, after!);
      return { subscription: after!, secret };
    });
  },
  { argument: "input", authorize: webhookManage },
);

/**
 * A finished delivery (SUCCEEDED, FAILED or SKIPPED) becomes PENDING and due now, with the same
 * webhook-id. Its retry count starts again, so it gets a whole retry window of its own.
 */
export const redeliverWebhook = fn(
  z.object({ deliveryId: z.string() }),
  async (ctx, input): Promise<WebhookDelivery> => {
    const id = expectGlobalId(input.deliveryId, "WebhookDelivery", "deliveryId");
    return change(ctx, async (tx, recorder) => {
      const [delivery] = await tx.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id)).for("update");
      if (!delivery) throw notFound("WebhookDelivery", "deliveryId");
      const [subscription] = await tx.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, delivery.subscriptionId));
      if (!subscription) throw notFound("WebhookDelivery", "deliveryId");
      await assertCan(ctx, webhookManage, { organisationId: subscription.organisationId });
      if (delivery.status === "PENDING") throw conflict("deliveryId", "The delivery is pending already: it will be sent");
      const now = new Date();
      const [after] = await tx
        .update(webhookDeliveries)
        .set({ status: "PENDING", nextAttemptAt: now, attempts: 0, lastError: null, updatedAt: now })
        .where(eq(webhookDeliveries.id, id))
        .returning();
      await recorder.record({ operation: "redeliverWebhook", entityType: "WebhookDelivery", entityId: id, before: delivery, after });
      await recorder.emit(webhookSubscriptionChanged, subscription.id, {
        subscriptionId: subscription.id,
        organisationId: subscription.organisationId,
        operation: "REDELIVERED" as const,
      });
      return after!;
    });
  },
  { authorize: webhookManage },
);

const replayInput = z.object({ subscriptionId: z.string(), since: z.date() });

/**
 * Every outbox event since `since` that the subscription matches (its events, its campaign) gets
 * a delivery due now: a new one for an event it never had, the existing one (same webhook-id)
 * set back to PENDING. One statement; the policy is asked by the dispatcher when it sends.
 */
export const replayWebhookEvents = fn(
  replayInput,
  async (ctx, input): Promise<{ queued: number }> => {
    const id = expectGlobalId(input.subscriptionId, "WebhookSubscription", "input.subscriptionId");
    return change(ctx, async (tx, recorder) => {
      const subscription = await lockSubscription(ctx, tx, id, "input.subscriptionId");
      const now = new Date();
      if (input.since.getTime() > now.getTime()) throw badInput("input.since", "must not be in the future");
      if (input.since.getTime() < now.getTime() - MAX_REPLAY_DAYS * DAY_MS) throw badInput("input.since", `must be at most ${MAX_REPLAY_DAYS} days ago`);
      const result = await tx.execute(sql`
        with queued as (
          insert into webhook_deliveries (subscription_id, event_position, event_name, message_id, next_attempt_at)
          select s.id, e.position, e.name, 'msg_' || gen_random_uuid()::text, ${now.toISOString()}::timestamptz
          from domain_events e
          join webhook_subscriptions s on s.id = ${id}::uuid and e.name = any(s.event_types)
            and (s.campaign_id is null or s.campaign_id::text = e.payload->>'campaignId')
          where e.created_at >= ${input.since.toISOString()}::timestamptz
          order by e.position
          on conflict (subscription_id, event_position) do update set
            status = 'PENDING', next_attempt_at = excluded.next_attempt_at, attempts = 0, last_error = null, updated_at = now()
          returning 1
        )
        select count(*)::int as queued from queued`);
      const queued = Number((result as unknown as { rows: { queued: number | string }[] }).rows[0]?.queued ?? 0);
      await recorder.record({
        operation: "replayWebhookEvents",
        entityType: "WebhookSubscription",
        entityId: id,
        before: null,
        after: { since: input.since.toISOString(), queued },
      });
      await recorder.emit(webhookSubscriptionChanged, id, { subscriptionId: id, organisationId: subscription.organisationId, operation: "REPLAYED" as const });
      return { queued };
    });
  },
  { argument: "input", authorize: webhookManage },
);

/** A webhook.test delivery due now; the dispatcher sends it with the subscription's id, whatever the policies. */
export const sendTestWebhookEvent = fn(
  z.object({ subscriptionId: z.string() }),
  async (ctx, input): Promise<WebhookDelivery> => {
    const id = expectGlobalId(input.subscriptionId, "WebhookSubscription", "subscriptionId");
    return change(ctx, async (tx, recorder) => {
      const subscription = await lockSubscription(ctx, tx, id, "subscriptionId");
      const [delivery] = await tx
        .insert(webhookDeliveries)
        .values({ subscriptionId: id, eventPosition: null, eventName: TEST_EVENT, messageId: `msg_${crypto.randomUUID()}`, nextAttemptAt: new Date() })
        .returning();
      await recorder.record({ operation: "sendTestWebhookEvent", entityType: "WebhookDelivery", entityId: delivery!.id, before: null, after: delivery });
      await recorder.emit(webhookSubscriptionChanged, id, { subscriptionId: id, organisationId: subscription.organisationId, operation: "TEST_SENT" as const });
      return delivery!;
    });
  },
  { authorize: webhookManage },
);
