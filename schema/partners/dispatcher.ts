// The webhook dispatcher: brings the events of the outbox to partners' webhook subscriptions.
//
// Fan-out. A durable outbox consumer ("webhooks") reads committed events in relay order; for
// each batch, one statement inserts a delivery per (ACTIVE subscription, matching event), and
// the unique (subscription, event) key makes a batch read twice add nothing. Only committed
// events reach the outbox relay, so a rolled-back change is never delivered.
//
// Sending. A dispatcher claims due deliveries with FOR UPDATE SKIP LOCKED in the statement that
// also pushes their next attempt a lease ahead (longer than the send timeout), so dispatchers
// running at once never send one attempt twice. For each delivery it asks the policy again, as
// the partner (mayReceive, then the body rendered through the API as that partner): what the
// partner may not read now is SKIPPED, never sent. Then it signs (Standard Webhooks), checks the
// destination (ssrf.ts) and posts, all of a batch at once, with a timeout and no redirects.
// A batch's attempts and outcomes are written in a fixed number of statements, in one change.
//
// Retries: a non-2xx answer, a timeout or a refused connection is retried with exponential
// backoff and full jitter for at least 24 hours from the first attempt, then FAILED. 410 Gone
// disables the subscription (its pending deliveries wait until it is resumed). A subscription
// failing for more than 3 days is PAUSED with the reason its owner reads.
import http from "node:http";
import https from "node:https";
import { eq, inArray, sql } from "drizzle-orm";
import type { GraphQLSchema } from "graphql";
import type { Database, Db } from "../../db/client.js";
import { webhookAttempts, webhookSubscriptions } from "../../db/schema/partners.js";
import { modules } from "../modules.js";
import type { Actor } from "../shared/auth.js";
import { change } from "../shared/changes.js";
import { type Context, createContext } from "../shared/context.js";
import { type AnyEventDefinition, type DomainEvent, EventBus, mayReceive } from "../shared/events.js";
import { consumeBatch } from "../shared/outbox.js";
import { webhookSubscriptionChanged } from "./partners.events.js";
import { type SecretBox, secretBoxFromEnv } from "./secret-box.js";
import { signDelivery } from "./signing.js";
import { checkDestination, pinnedLookup, type ResolvedAddress, type Resolver } from "./ssrf.js";
import { MAX_BODY_BYTES, renderBodies, testBody, type WebhookBody } from "./webhook-body.js";

export const WEBHOOKS_CONSUMER = "webhooks";

export interface RetrySchedule {
  /** The first retry's ceiling; each retry doubles it (full jitter: a random delay below it). */
  baseMs: number;
  capMs: number;
  /** How long after a delivery's first attempt it is still retried. */
  retryForMs: number;
  /** A subscription failing for longer than this is paused. */
  pauseAfterMs: number;
}

const HOUR = 3_600_000;
export const DEFAULT_SCHEDULE: RetrySchedule = { baseMs: 30_000, capMs: 6 * HOUR, retryForMs: 24 * HOUR, pauseAfterMs: 72 * HOUR };

export interface DispatcherOptions {
  database: Database;
  /** The app's executable schema: bodies are rendered through it, as the partner. */
  schema: GraphQLSchema;
  /** The bus this process's changes wake the loop on; a quiet one by default. */
  events?: EventBus;
  /** Production: https only, resolved and checked at every attempt. */
  production?: boolean;
  now?: () => Date;
  random?: () => number;
  schedule?: Partial<RetrySchedule>;
  timeoutMs?: number;
  /** How long a claimed delivery is hidden from other dispatchers; longer than the timeout. */
  leaseMs?: number;
  batchSize?: number;
  pollMs?: number;
  resolve?: Resolver;
  secretBox?: SecretBox;
  log?: (entry: Record<string, unknown>) => void;
}

/** Statements one dispatcher sent, for the budget tests and the logs. */
export interface DispatchStats {
  statements: number;
}

type ClaimedRow = {
  id: string;
  subscription_id: string;
  event_position: string | number | null;
  event_name: string;
  message_id: string;
  attempts: number;
  created_at: string | Date;
  organisation_id: string;
  url: string;
  secret_ciphertext: string;
  previous_secret_ciphertext: string | null;
  previous_secret_expires_at: string | Date | null;
  failing_since: string | Date | null;
  paused_reason: string | null;
  version: number | null;
  entity_type: string | null;
  entity_id: string | null;
  payload: Record<string, unknown> | null;
  occurred_at: string | Date | null;
  window_start: string | Date | null;
};

interface Attempt {
  attemptedAt: Date;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
}

/** What happened to one claimed delivery. */
interface Outcome {
  row: ClaimedRow;
  kind: "succeeded" | "failed" | "gone" | "skipped" | "refused";
  status: "PENDING" | "SUCCEEDED" | "FAILED" | "SKIPPED";
  nextAttemptAt: Date;
  error: string | null;
  attempt: Attempt | null;
}

/** The system actor the dispatcher's own writes are recorded under. */
const DISPATCHER: Actor = { role: "ADMIN", subject: "system:webhook-dispatcher" };

/** The actor a delivery is rendered and checked for: the subscription's organisation as a partner. */
export function webhookActor(subscriptionId: string, organisationId: string): Actor {
  return { role: "PARTNER", subject: `webhook:${subscriptionId}`, organisationId };
}

function eventDefinitions(): Map<string, AnyEventDefinition> {
  const byName = new Map<string, AnyEventDefinition>();
  for (const module of modules) for (const definition of module.events ?? []) byName.set(definition.name, definition);
  return byName;
}

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

const at = (value: string | Date): Date => (value instanceof Date ? value : new Date(value));
const ts = (value: Date) => sql`${value.toISOString()}::timestamptz`;

export class WebhookDispatcher {
  readonly stats: DispatchStats = { statements: 0 };
  private readonly db: Db;
  private readonly events: EventBus;
  private readonly production: boolean;
  private readonly now: () => Date;
  private readonly random: () => number;
  private readonly schedule: RetrySchedule;
  private readonly timeoutMs: number;
  private readonly leaseMs: number;
  private readonly batchSize: number;
  private readonly pollMs: number;
  private readonly resolve: Resolver | undefined;
  private readonly secretBox: SecretBox;
  private readonly log: (entry: Record<string, unknown>) => void;
  private readonly definitions = eventDefinitions();

  constructor(private readonly options: DispatcherOptions) {
    this.db = options.database.withObserver(() => this.stats.statements++);
    this.events = options.events ?? new EventBus();
    this.production = options.production ?? process.env.STAGE === "production";
    this.now = options.now ?? (() => new Date());
    this.random = options.random ?? Math.random;
    this.schedule = { ...DEFAULT_SCHEDULE, ...options.schedule };
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.leaseMs = Math.max(options.leaseMs ?? 60_000, this.timeoutMs * 2);
    this.batchSize = options.batchSize ?? 50;
    this.pollMs = options.pollMs ?? 1000;
    this.resolve = options.resolve;
    this.secretBox = options.secretBox ?? secretBoxFromEnv();
    this.log = options.log ?? (() => {});
  }

  private context(actor: Actor): Context {
    const ctx = createContext({ database: this.options.database, events: this.events, actor });
    return ctx;
  }

  // ---- fan-out ----

  /** Turns one batch of outbox events into deliveries; the number of events read (0: none new). */
  async fanOut(): Promise<number> {
    return consumeBatch(this.db, WEBHOOKS_CONSUMER, (events, tx) => this.fanOutBatch(events, tx), this.batchSize);
  }

  private async fanOutBatch(events: DomainEvent[], tx: Db): Promise<void> {
    const values = events.map((e) => {
      const campaignId = typeof e.payload.campaignId === "string" ? e.payload.campaignId : null;
      return sql`(${e.position}::bigint, ${e.name}::text, ${campaignId}::text, ${e.occurredAt.toISOString()}::timestamptz)`;
    });
    await tx.execute(sql`
      insert into webhook_deliveries (subscription_id, event_position, event_name, message_id, next_attempt_at)
      select s.id, e.position, e.name, 'msg_' || gen_random_uuid()::text, ${ts(this.now())}
      from (values ${sql.join(values, sql`, `)}) as e(position, name, campaign_id, occurred_at)
      join webhook_subscriptions s on s.status = 'ACTIVE' and e.name = any(s.event_types)
        and (s.campaign_id is null or s.campaign_id::text = e.campaign_id)
        -- A subscription receives what happens from its creation on (a lagging dispatcher must
        -- not send it older events; replaying those is a mutation of its own).
        and s.created_at <= e.occurred_at
      order by e.position, s.id
      on conflict (subscription_id, event_position) do nothing`);
  }

  // ---- sending ----

  /** Claims one batch of due deliveries and attempts them; the number claimed (0: nothing due). */
  async sendDue(): Promise<number> {
    const now = this.now();
    const claimed = await rows<ClaimedRow>(
      this.db,
      sql`
      with due as (
        select d.id from webhook_deliveries d
        join webhook_subscriptions s on s.id = d.subscription_id
        where d.status = 'PENDING' and d.next_attempt_at <= ${ts(now)} and s.status = 'ACTIVE'
        order by d.next_attempt_at, d.id
        limit ${this.batchSize}
        for update of d skip locked
      ), claimed as (
        update webhook_deliveries d set next_attempt_at = ${ts(new Date(now.getTime() + this.leaseMs))}, updated_at = now()
        from due where d.id = due.id
        returning d.id, d.subscription_id, d.event_position, d.event_name, d.message_id, d.attempts, d.created_at
      )
      select c.*, s.organisation_id, s.url, s.secret_ciphertext, s.previous_secret_ciphertext, s.previous_secret_expires_at,
        s.failing_since, s.paused_reason, e.version, e.entity_type, e.entity_id, e.payload, e.created_at as occurred_at,
        case when c.attempts = 0 then null else (
          select a.attempted_at from webhook_attempts a where a.delivery_id = c.id
          order by a.attempted_at desc offset greatest(c.attempts - 1, 0) limit 1
        ) end as window_start
      from claimed c
      join webhook_subscriptions s on s.id = c.subscription_id
      left join domain_events e on e.position = c.event_position`,
    );
    if (claimed.length === 0) return 0;

    const bySubscription = new Map<string, ClaimedRow[]>();
    for (const row of claimed) bySubscription.set(row.subscription_id, [...(bySubscription.get(row.subscription_id) ?? []), row]);
    const outcomes = (await Promise.all([...bySubscription.values()].map((group) => this.attemptGroup(group)))).flat();
    if (outcomes.length > 0) await this.record(outcomes);
    return claimed.length;
  }

  /** The deliveries of one subscription in a batch: checked and rendered together as its partner, then sent at once. */
  private async attemptGroup(group: ClaimedRow[]): Promise<Outcome[]> {
    const first = group[0]!;
    const ctx = this.context(webhookActor(first.subscription_id, first.organisation_id));
    let plans: Awaited<ReturnType<WebhookDispatcher["prepare"]>>;
    try {
      plans = await this.prepare(ctx, group);
    } catch (error) {
      // The API could not answer (the database failed): nothing is sent for this subscription
      // now, and its deliveries come due again when their lease ends. The others' go ahead.
      this.log({ level: "error", msg: "webhook deliveries not prepared", subscriptionId: first.subscription_id, name: (error as Error)?.name });
      this.stats.statements += ctx.stats.statements;
      return [];
    }
    try {
      return await Promise.all(plans.map((plan) => ("outcome" in plan ? plan.outcome : this.attempt(plan.row, plan.body))));
    } finally {
      this.stats.statements += ctx.stats.statements;
    }
  }

  private async prepare(ctx: Context, group: ClaimedRow[]): Promise<({ outcome: Outcome } | { row: ClaimedRow; body: string })[]> {
    const skip = (row: ClaimedRow, why: string): { outcome: Outcome } => ({
      outcome: { row, kind: "skipped", status: "SKIPPED", nextAttemptAt: this.now(), error: why, attempt: null },
    });
    const events = group.map((row) => (row.event_position === null ? null : domainEventOf(row)));
    // The policy, asked now: is the partner in the event's audience?
    const allowed = await Promise.all(
      group.map(async (row, i) => {
        const event = events[i];
        if (!event) return true;
        const definition = this.definitions.get(row.event_name);
        return definition ? mayReceive(ctx, definition, event) : false;
      }),
    );
    const toRender = group.flatMap((_row, i) => (events[i] && allowed[i] ? [i] : []));
    const rendered = await renderBodies(
      this.options.schema,
      ctx,
      toRender.map((i) => events[i]!),
    );
    const bodies = new Map<number, WebhookBody | null>(toRender.map((i, k) => [i, rendered[k] ?? null]));
    return group.map((row, i) => {
      const event = events[i];
      if (row.event_position !== null && !event) return skip(row, "the event is no longer in the outbox");
      if (event && !this.definitions.has(row.event_name)) return skip(row, `no module declares the event ${row.event_name}`);
      if (event && !allowed[i]) return skip(row, `the partner is not in the audience of ${row.event_name} at the time of sending`);
      const body = event ? bodies.get(i) : testBody(row.event_name, at(row.created_at), row.subscription_id);
      if (!body) return skip(row, `the API shows the partner no ${event!.entityType} with this id at the time of sending`);
      const text = JSON.stringify(body);
      if (Buffer.byteLength(text) > MAX_BODY_BYTES) {
        return {
          outcome: {
            row,
            kind: "skipped",
            status: "FAILED",
            nextAttemptAt: this.now(),
            error: `the body is ${Buffer.byteLength(text)} bytes, over the limit of ${MAX_BODY_BYTES}`,
            attempt: null,
          },
        };
      }
      return { row, body: text };
    });
  }

  /** One attempt: destination checked, signed, posted; its outcome with the retry decided. */
  private async attempt(row: ClaimedRow, body: string): Promise<Outcome> {
    const attemptedAt = this.now();
    const started = performance.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    const destination = await checkDestination(row.url, { production: this.production, resolve: this.resolve });
    if (!destination.ok) error = `refused destination: ${destination.reason}`;
    else {
      let secrets: string[] | null = null;
      try {
        secrets = [this.secretBox.open(row.secret_ciphertext)];
        const previousUntil = row.previous_secret_expires_at ? at(row.previous_secret_expires_at) : null;
        if (row.previous_secret_ciphertext && previousUntil && previousUntil > attemptedAt) secrets.push(this.secretBox.open(row.previous_secret_ciphertext));
      } catch {
        error = "the signing secret cannot be read";
      }
      if (secrets) {
        const headers = signDelivery(secrets, row.message_id, attemptedAt, body);
        const answer = await post(destination.url, destination.address, { ...headers, "content-type": "application/json" }, body, this.timeoutMs);
        statusCode = answer.statusCode;
        error = answer.error;
      }
    }
    const attempt: Attempt = { attemptedAt, statusCode, latencyMs: Math.max(0, Math.round(performance.now() - started)), error };
    if (statusCode !== null && statusCode >= 200 && statusCode < 300) {
      return { row, kind: "succeeded", status: "SUCCEEDED", nextAttemptAt: attemptedAt, error: null, attempt };
    }
    if (statusCode === 410) {
      // Due as soon as its subscription is resumed.
      return { row, kind: "gone", status: "PENDING", nextAttemptAt: attemptedAt, error: "410 Gone: the subscription was disabled", attempt };
    }
    const reason = error ?? (statusCode !== null && statusCode >= 300 && statusCode < 400 ? `answered ${statusCode} (redirects are not followed)` : `answered ${statusCode}`);
    attempt.error = reason;
    const windowStart = row.window_start ? at(row.window_start) : attemptedAt;
    const giveUpAt = windowStart.getTime() + this.schedule.retryForMs;
    if (attemptedAt.getTime() >= giveUpAt) {
      return {
        row,
        kind: destination.ok ? "failed" : "refused",
        status: "FAILED",
        nextAttemptAt: attemptedAt,
        error: `${reason}; gave up after retrying for ${Math.round(this.schedule.retryForMs / HOUR)} h`,
        attempt,
      };
    }
    const attemptsSoFar = row.attempts + 1;
    const ceiling = Math.min(this.schedule.capMs, this.schedule.baseMs * 2 ** Math.min(attemptsSoFar - 1, 40));
    // Full jitter; the last retry lands on the end of the window, so the window is always used whole.
    const next = Math.min(attemptedAt.getTime() + Math.floor(this.random() * ceiling), giveUpAt);
    return { row, kind: destination.ok ? "failed" : "refused", status: "PENDING", nextAttemptAt: new Date(next), error: reason, attempt };
  }

  /** Writes a batch's attempts and outcomes in one change, in a fixed number of statements. */
  private async record(outcomes: Outcome[]): Promise<void> {
    const ctx = this.context(DISPATCHER);
    const attempts = outcomes.flatMap((o) => (o.attempt ? [{ deliveryId: o.row.id, ...o.attempt }] : []));
    const deliveryValues = outcomes.map(
      (o) =>
        sql`(${o.row.id}::uuid, ${o.status}::text, ${o.nextAttemptAt.toISOString()}::timestamptz, ${o.attempt ? 1 : 0}::int, ${o.attempt?.attemptedAt.toISOString() ?? null}::timestamptz, ${o.attempt?.statusCode ?? null}::int, ${o.error}::text)`,
    );
    const subscriptions = this.subscriptionChanges(outcomes);
    try {
      await change(ctx, async (tx, recorder) => {
        if (attempts.length) await tx.insert(webhookAttempts).values(attempts);
        await tx.execute(sql`
          update webhook_deliveries d set
            status = v.status::webhook_delivery_status,
            next_attempt_at = v.next_attempt_at,
            attempts = d.attempts + v.attempted,
            last_attempt_at = coalesce(v.attempted_at, d.last_attempt_at),
            last_status_code = case when v.attempted = 1 then v.status_code else d.last_status_code end,
            last_error = v.error,
            updated_at = now()
          from (values ${sql.join(deliveryValues, sql`, `)}) as v(id, status, next_attempt_at, attempted, attempted_at, status_code, error)
          where d.id = v.id and d.status = 'PENDING'`);
        if (subscriptions.length === 0) return;
        const subscriptionValues = subscriptions.map(
          (s) => sql`(${s.id}::uuid, ${s.status}::text, ${s.pausedReason}::text, ${s.failingSince?.toISOString() ?? null}::timestamptz)`,
        );
        const changedIds = subscriptions.filter((s) => s.status !== "ACTIVE").map((s) => s.id);
        const before = changedIds.length ? await tx.select().from(webhookSubscriptions).where(inArray(webhookSubscriptions.id, changedIds)) : [];
        // The owner may have paused or deleted it meanwhile: only an ACTIVE subscription changes status.
        await tx.execute(sql`
          update webhook_subscriptions s set
            failing_since = v.failing_since,
            status = case when s.status = 'ACTIVE' then v.status::webhook_subscription_status else s.status end,
            paused_reason = case when s.status = 'ACTIVE' and v.status <> 'ACTIVE' then v.paused_reason else s.paused_reason end,
            updated_at = now()
          from (values ${sql.join(subscriptionValues, sql`, `)}) as v(id, status, paused_reason, failing_since)
          where s.id = v.id`);
        for (const old of before.filter((b) => b.status === "ACTIVE")) {
          const [now] = await tx.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, old.id));
          if (!now || now.status === "ACTIVE") continue;
          const operation: "DISABLED" | "PAUSED" = now.status === "DISABLED" ? "DISABLED" : "PAUSED";
          await recorder.record({ operation: `WEBHOOK_SUBSCRIPTION_${operation}`, entityType: "WebhookSubscription", entityId: old.id, before: old, after: now });
          await recorder.emit(webhookSubscriptionChanged, old.id, { subscriptionId: old.id, organisationId: old.organisationId, operation });
        }
      });
    } finally {
      this.stats.statements += ctx.stats.statements;
    }
    for (const o of outcomes) {
      if (o.kind !== "succeeded") this.log({ level: "info", msg: "webhook delivery not delivered", deliveryId: o.row.id, status: o.status, error: o.error });
    }
  }

  /** Per subscription: success clears failingSince; 410 disables; failing for too long pauses. */
  private subscriptionChanges(outcomes: Outcome[]): { id: string; status: "ACTIVE" | "PAUSED" | "DISABLED"; pausedReason: string | null; failingSince: Date | null }[] {
    const bySubscription = new Map<string, Outcome[]>();
    for (const o of outcomes) if (o.attempt) bySubscription.set(o.row.subscription_id, [...(bySubscription.get(o.row.subscription_id) ?? []), o]);
    return [...bySubscription.entries()].map(([id, mine]) => {
      const row = mine[0]!.row;
      const previous = row.failing_since ? at(row.failing_since) : null;
      const gone = mine.find((o) => o.kind === "gone");
      if (gone) return { id, status: "DISABLED", pausedReason: `the receiver answered 410 Gone on ${gone.attempt!.attemptedAt.toISOString()}`, failingSince: previous };
      if (mine.some((o) => o.kind === "succeeded")) return { id, status: "ACTIVE", pausedReason: null, failingSince: null };
      const last = mine.at(-1)!;
      const failingSince = previous ?? mine[0]!.attempt!.attemptedAt;
      if (last.attempt!.attemptedAt.getTime() - failingSince.getTime() > this.schedule.pauseAfterMs) {
        return { id, status: "PAUSED", pausedReason: `failing since ${failingSince.toISOString()}: ${last.attempt!.error ?? last.error}`, failingSince };
      }
      return { id, status: "ACTIVE", pausedReason: null, failingSince };
    });
  }

  // ---- running ----

  /**
   * Fans out everything new, then sends what is due, batch after batch, until nothing is due,
   * a batch comes back short, or `until` passes. What it did, for the logs.
   */
  async runOnce(until = Number.POSITIVE_INFINITY): Promise<{ events: number; deliveries: number }> {
    let events = 0;
    let deliveries = 0;
    for (;;) {
      const n = await this.fanOut();
      events += n;
      if (n < this.batchSize || Date.now() >= until) break;
    }
    for (;;) {
      const n = await this.sendDue();
      deliveries += n;
      if (n < this.batchSize || Date.now() >= until) break;
    }
    return { events, deliveries };
  }

  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private unwake: (() => void) | null = null;

  /** Runs in this process: on every local commit that wrote events, and every pollMs. */
  start(): void {
    this.stopped = false;
    this.unwake = this.events.onCommitted(() => this.wake());
    this.schedulePoll();
    this.wake();
  }

  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.runOnce()
      .then(() => {})
      .catch((error: unknown) => this.log({ level: "error", msg: "webhook dispatcher failed", name: (error as Error)?.name, code: (error as { code?: string })?.code }))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  private schedulePoll(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.wake();
      this.schedulePoll();
    }, this.pollMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.unwake?.();
    while (this.running) await this.running;
  }
}

function domainEventOf(row: ClaimedRow): DomainEvent | null {
  if (row.entity_type === null || row.entity_id === null || row.occurred_at === null) return null;
  return {
    position: Number(row.event_position),
    name: row.event_name,
    version: row.version ?? 1,
    entityType: row.entity_type,
    entityId: row.entity_id,
    payload: row.payload ?? {},
    occurredAt: at(row.occurred_at),
  };
}

/**
 * One POST: no redirect followed (node's http never follows), a timeout on the whole exchange,
 * and, when the destination was resolved and checked, a connection to that address only.
 */
function post(
  url: URL,
  address: ResolvedAddress | null,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<{ statusCode: number | null; error: string | null }> {
  return new Promise((resolve) => {
    const transport = url.protocol === "https:" ? https : http;
    let settled = false;
    const finish = (answer: { statusCode: number | null; error: string | null }) => {
      if (settled) return;
      settled = true;
      resolve(answer);
    };
    const request = transport.request(url, {
      method: "POST",
      headers: { ...headers, "content-length": String(Buffer.byteLength(body)), "user-agent": "talent-api-webhooks/1" },
      agent: false,
      signal: AbortSignal.timeout(timeoutMs),
      ...(address ? { lookup: pinnedLookup(address) } : {}),
    });
    request.on("response", (response) => {
      response.on("error", () => {});
      // The answer's body is not read: only its status matters.
      response.resume();
      finish({ statusCode: response.statusCode ?? null, error: null });
      response.destroy();
    });
    request.on("error", (error: Error & { code?: string }) => {
      if (error.name === "AbortError" || error.name === "TimeoutError") finish({ statusCode: null, error: `timed out after ${timeoutMs} ms` });
      else finish({ statusCode: null, error: `connection failed (${error.code ?? error.name})` });
    });
    request.end(body);
  });
}
