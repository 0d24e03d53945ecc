// The webhook dispatcher against a real HTTP receiver on loopback that verifies every delivery
// with the Standard Webhooks reference library: fan-out from the outbox, signing, the policy asked
// again at sending (embargoed results are never sent), retries with backoff for 24 hours, 410,
// redirects, timeouts, a receiver that goes down and comes back, pausing a subscription that
// fails for days, the body limit, statement budgets and dispatchers racing on PostgreSQL.
import { and, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditLog, domainEvents } from "../../db/schema/audit.js";
import { campaignResults } from "../../db/schema/campaigns.js";
import { webhookAttempts, webhookDeliveries, webhookSubscriptions } from "../../db/schema/partners.js";
import { resultPublished } from "../../schema/campaigns/campaigns.events.js";
import { WEBHOOKS_CONSUMER } from "../../schema/partners/dispatcher.js";
import { apiKeyChanged } from "../../schema/partners/partners.events.js";
import { secretBoxFromEnv } from "../../schema/partners/secret-box.js";
import { change } from "../../schema/shared/changes.js";
import { graphql } from "../graphql/index.js";
import { createTestApi, type TestApi } from "../helpers/api.js";
import { type CampaignFixture, loadCampaignFixture, partnerOf } from "../helpers/campaigns.js";
import { onPostgres } from "../helpers/db.js";
import { globalId } from "../helpers/funding.js";
import { adminContext, Clock, dispatcher, drain, makeResult, publish, Receiver, subscribe } from "./dispatcher-helpers.js";

const RESULT_AS_PARTNER = graphql(`
  query DispatchResultAsPartner($id: ID!) {
    node(id: $id) {
      ... on CampaignResult { id title(locale: NL) status kind theme link publishedAt campaign { id title(locale: NL) } board { id name } }
    }
  }
`);

const PUBLISHED = "campaign.result.published";
const INTERMEDIATE = "campaign.result.intermediate";
const HOUR = 3_600_000;

let api: TestApi;
let f: CampaignFixture;
let receiver: Receiver;

beforeAll(async () => {
  api = await createTestApi();
  await api.app.server.start();
});
afterAll(async () => {
  await api.close();
});
beforeEach(async () => {
  await api.reseed();
  f ??= await loadCampaignFixture(api);
  receiver = new Receiver();
  await receiver.start();
});
afterEach(async () => {
  await receiver.stop();
});

async function deliveriesOf(subscriptionId: string) {
  return api.database.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.subscriptionId, subscriptionId)).orderBy(webhookDeliveries.eventPosition);
}
async function attemptsOf(deliveryId: string) {
  return api.database.db.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, deliveryId)).orderBy(webhookAttempts.attemptedAt);
}
async function subscriptionRow(id: string) {
  const [row] = await api.database.db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, id));
  return row!;
}
const steeringOrg = () => f.steeringOrganisationIds[0]!;

describe("delivering", () => {
  it("signs a published result per Standard Webhooks and sends it as the API shows it to the partner", async () => {
    const sub = await subscribe(api, f.partnerOrganisationId, receiver.url(), [PUBLISHED]);
    receiver.trust(sub.secret);
    const resultId = await makeResult(api, f.campaignRowId, "PUBLISHED");
    await drain(dispatcher(api));

    expect(receiver.received).toHaveLength(1);
    const [got] = receiver.received;
    expect(got!.verified).toBe(true);
    expect(got!.id).toMatch(/^msg_[0-9a-f-]{36}$/);
    expect(Math.abs(Number(got!.timestamp) - Date.now() / 1000)).toBeLessThan(60);
    const body = JSON.parse(got!.body);
    const asPartner = await api.ok(RESULT_AS_PARTNER, { id: globalId("CampaignResult", resultId) }, { as: partnerOf(f.partnerOrganisationId) });
    const [event] = await api.database.db.select().from(domainEvents).where(eq(domainEvents.entityId, resultId));
    expect(body).toEqual({
      type: PUBLISHED,
      timestamp: event!.createdAt.toISOString(),
      data: {
        resultId,
        campaignId: f.campaignRowId,
        boardId: null,
        kind: "INSTRUMENT",
        theme: "welzijn",
        status: "PUBLISHED",
        id: globalId("CampaignResult", resultId),
        result: JSON.parse(JSON.stringify(asPartner.node)),
      },
    });
    const [delivery] = await deliveriesOf(sub.id);
    expect(delivery).toMatchObject({ status: "SUCCEEDED", attempts: 1, lastStatusCode: 200, messageId: got!.id, eventName: PUBLISHED });
    expect(await attemptsOf(delivery!.id)).toEqual([expect.objectContaining({ statusCode: 200, error: null, latencyMs: expect.any(Number) })]);
  });

  it("sends content-type application/json and, during a secret rotation, a signature per secret", async () => {
    const previous = await subscribe(api, f.partnerOrganisationId, receiver.url(), [PUBLISHED]);
    const current = await subscribe(api, f.partnerOrganisationId, receiver.url(), [PUBLISHED]);
    // One subscription whose secret was rotated: the old one still signs for a day.
    await api.database.db.delete(webhookSubscriptions).where(eq(webhookSubscriptions.id, previous.id));
    await api.database.db
      .update(webhookSubscriptions)
      .set({ previousSecretCiphertext: secretBoxFromEnv().seal(previous.secret), previousSecretExpiresAt: new Date(Date.now() + 24 * HOUR) })
      .where(eq(webhookSubscriptions.id, current.id));
    receiver.trust(previous.secret);
    await makeResult(api, f.campaignRowId, "PUBLISHED");
    await drain(dispatcher(api));

    const [got] = receiver.received;
    expect(got!.signature.split(" ")).toHaveLength(2);
    // A receiver still holding only the old secret verifies it (and one with only the new one, below).
    expect(got!.verified).toBe(true);
    const onlyNew = new Receiver();
    onlyNew.trust(current.secret);
    await onlyNew.start();
    await api.database.db
      .update(webhookSubscriptions)
      .set({ url: onlyNew.url(), previousSecretExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(webhookSubscriptions.id, current.id));
    await makeResult(api, f.campaignRowId, "PUBLISHED", "Tweede");
    await drain(dispatcher(api));
    await onlyNew.stop();
    // Once the overlap ended, only the current secret signs.
    expect(onlyNew.received.map((r) => [r.verified, r.signature.split(" ").length])).toEqual([[true, 1]]);
  });

  it("delivers only the events a subscription names, of its campaign when it names one, to active subscriptions only", async () => {
    const published = await subscribe(api, f.partnerOrganisationId, receiver.url("/published"), [PUBLISHED]);
    const ofCampaign = await subscribe(api, f.partnerOrganisationId, receiver.url("/campaign"), [PUBLISHED], { campaignId: f.campaignRowId });
    const paused = await subscribe(api, f.partnerOrganisationId, receiver.url("/paused"), [PUBLISHED], { status: "PAUSED", pausedReason: "by its owner" });
    const other = await subscribe(api, f.partnerOrganisationId, receiver.url("/other"), ["campaign.changed"]);
    await makeResult(api, f.campaignRowId, "PUBLISHED");
    // Made after the event: it does not receive it, even from a dispatcher that runs later.
    const late = await subscribe(api, f.partnerOrganisationId, receiver.url("/late"), [PUBLISHED]);
    await drain(dispatcher(api));
    expect(receiver.received.map((r) => r.path).sort()).toEqual(["/campaign", "/published"]);
    expect(await deliveriesOf(published.id)).toHaveLength(1);
    expect(await deliveriesOf(ofCampaign.id)).toHaveLength(1);
    expect(await deliveriesOf(paused.id)).toHaveLength(0);
    expect(await deliveriesOf(other.id)).toHaveLength(0);
    expect(await deliveriesOf(late.id)).toHaveLength(0);
  });

  it("never delivers a rolled-back change, and a batch read again adds no delivery", async () => {
    const sub = await subscribe(api, f.partnerOrganisationId, receiver.url(), [PUBLISHED]);
    const ctx = adminContext(api);
    await expect(
      change(ctx, async (tx, recorder) => {
        const [row] = await tx
          .insert(campaignResults)
          .values({
            campaignId: f.campaignRowId,
            kind: "INSTRUMENT",
            title: { nl: "Teruggedraaid" },
            theme: "welzijn",
            status: "PUBLISHED",
            intermediateAt: new Date(),
            publishedAt: new Date(),
          })
          .returning();
        await recorder.emit(resultPublished, row!.id, { resultId: row!.id, campaignId: f.campaignRowId, boardId: null, kind: "INSTRUMENT", theme: "welzijn", status: "PUBLISHED" });
        throw new Error("the change fails after emitting");
      }),
    ).rejects.toThrow("the change fails");
    await makeResult(api, f.campaignRowId, "PUBLISHED", "Bewaard");
    const d = dispatcher(api);
    await drain(d);
    expect(receiver.received).toHaveLength(1);
    expect(JSON.parse(receiver.received[0]!.body).data.result.title).toBe("Bewaard");

    // The consumer's checkpoint is moved back: the same events are read again, nothing is added.
    await api.database.db.execute(sql`update outbox_checkpoints set txid = 0, position = 0 where consumer = ${WEBHOOKS_CONSUMER}`);
    expect(await d.fanOut()).toBeGreaterThan(0);
    expect(await deliveriesOf(sub.id)).toHaveLength(1);
  });
});

describe("the policy at the moment of sending", () => {
  it("never sends an intermediate result to a partner outside the steering group, and sends it to one on it", async () => {
    const outsider = await subscribe(api, f.partnerOrganisationId, receiver.url("/outsider"), [INTERMEDIATE, PUBLISHED]);
    const steering = await subscribe(api, steeringOrg(), receiver.url("/steering"), [INTERMEDIATE, PUBLISHED]);
    receiver.trust(outsider.secret);
    receiver.trust(steering.secret);
    const resultId = await makeResult(api, f.campaignRowId, "INTERMEDIATE", "Tussentijds");
    await drain(dispatcher(api));

    expect(receiver.received.map((r) => r.path)).toEqual(["/steering"]);
    const sent = JSON.parse(receiver.received[0]!.body);
    expect(sent.data.result).toMatchObject({ id: globalId("CampaignResult", resultId), status: "INTERMEDIATE", title: "Tussentijds" });
    const [skipped] = await deliveriesOf(outsider.id);
    expect(skipped).toMatchObject({ status: "SKIPPED", attempts: 0, lastStatusCode: null });
    // Why, never what.
    expect(skipped!.lastError).toMatch(/not in the audience/);
    expect(skipped!.lastError).not.toContain("Tussentijds");
    expect(await attemptsOf(skipped!.id)).toEqual([]);

    // Published later: the published event reaches both, as published.
    await publish(api, resultId);
    await drain(dispatcher(api));
    const later = receiver.received.slice(1);
    expect(later.map((r) => r.path).sort()).toEqual(["/outsider", "/steering"]);
    for (const r of later) expect(JSON.parse(r.body)).toMatchObject({ type: PUBLISHED, data: { result: { status: "PUBLISHED" } } });
    expect(later.every((r) => r.verified)).toBe(true);
  });

  it("asks the event's audience as the subscription's partner: another organisation's key events are skipped, its own sent", async () => {
    const mine = await subscribe(api, f.partnerOrganisationId, receiver.url("/mine"), ["apiKey.changed"]);
    const ctx = adminContext(api);
    const [own, foreign] = [f.partnerOrganisationId, steeringOrg()];
    await change(ctx, async (_tx, recorder) => {
      for (const organisationId of [own, foreign]) {
        const apiKeyId = crypto.randomUUID();
        await recorder.emit(apiKeyChanged, apiKeyId, { apiKeyId, organisationId, operation: "CREATED" });
      }
    });
    await drain(dispatcher(api));
    expect(receiver.received.map((r) => JSON.parse(r.body).data.organisationId)).toEqual([own]);
    const deliveries = await deliveriesOf(mine.id);
    expect(deliveries.map((x) => x.status)).toEqual(["SUCCEEDED", "SKIPPED"]);
    expect(deliveries[1]!.lastError).toBe("the partner is not in the audience of apiKey.changed at the time of sending");
  });

  it("asks again at every attempt: a result that became unreadable between attempts is skipped", async () => {
    const steering = await subscribe(api, steeringOrg(), receiver.url(), [INTERMEDIATE]);
    receiver.behaviour = ({ attempt }) => ({ status: attempt === 1 ? 500 : 200 });
    const resultId = await makeResult(api, f.campaignRowId, "INTERMEDIATE");
    const d = dispatcher(api);
    await d.runOnce();
    expect(receiver.received).toHaveLength(1);
    // The organisation leaves the steering group before the retry.
    await api.database.db.execute(sql`delete from campaign_steering_members where campaign_id = ${f.campaignRowId} and organisation_id = ${steeringOrg()}`);
    await drain(d);
    expect(receiver.received).toHaveLength(1);
    const [delivery] = await deliveriesOf(steering.id);
    expect(delivery).toMatchObject({ status: "SKIPPED", attempts: 1 });
    expect(resultId).toBeTruthy();
  });
});

describe("failures and retries", () => {
  it("retries 500s until the receiver answers 200: every event arrives, once per webhook-id as a success, with the same id", async () => {
    const sub = await subscribe(api, f.partnerOrganisationId, receiver.url(), [PUBLISHED]);
    receiver.trust(sub.secret);
    receiver.behaviour = ({ attempt }) => ({ status: attempt <= 3 ? 500 : 200 });
    for (const title of ["Een", "Twee", "Drie"]) await makeResult(api, f.campaignRowId, "PUBLISHED", title);
    const d = dispatcher(api);
    await d.runOnce();
    expect((await subscriptionRow(sub.id)).failingSince).not.toBeNull();
    await drain(d);

    const successes = receiver.successes();
    expect([...successes.values()]).toEqual([1, 1, 1]);
    expect(receiver.received).toHaveLength(12);
    expect(receiver.received.every((r) => r.verified)).toBe(true);
    const deliveries = await deliveriesOf(sub.id);
    expect(deliveries.map((x) => [x.status, x.attempts, x.lastStatusCode])).toEqual(Array.from({ length: 3 }, () => ["SUCCEEDED", 4, 200]));
    expect(new Set(deliveries.map((x) => x.messageId))).toEqual(new Set(successes.keys()));
    expect((await attemptsOf(deliveries[0]!.id)).map((a) => [a.statusCode, a.error])).toEqual([
      [500, "answered 500"],
      [500, "answered 500"],
      [500, "answered 500"],
      [200, null],
    ]);
    expect((await subscriptionRow(sub.id)).failingSince).toBeNull();
  });

  it("loses nothing while the receiver is down entirely and delivers everything once it is back", async () => {
    const sub = await subscribe(api, f.partnerOrganisationId, receiver.url(), [PUBLISHED]);
    receiver.trust(sub.secret);
    const port = receiver.port;
    await receiver.stop();
    await makeResult(api, f.campaignRowId, "PUBLISHED", "Een");
    const d = dispatcher(api);
    await d.runOnce();
    await makeResult(api, f.campaignRowId, "PUBLISHED", "Twee");
    await d.runOnce();
    const down = await deliveriesOf(sub.id);
    expect(down.map((x) => x.status)).toEqual(["PENDING", "PENDING"]);
    expect((await attemptsOf(down[0]!.id))[0]).toMatchObject({ statusCode: null, error: "connection failed (ECONNREFUSED)" });

    await receiver.start(port);
    await drain(d);
    expect([...receiver.successes().values()]).toEqual([1, 1]);
    expect((await deliveriesOf(sub.id)).map((x) => x.status)).toEqual(["SUCCEEDED", "SUCCEEDED"]);
  });

  it("gives up on a slow receiver after the timeout and retries", async () => {
    const sub = await subscribe(api, f.partnerOrganisationId, receiver.url(), [PUBLISHED]);
    receiver.behaviour = ({ attempt }) => ({ status: 200, delayMs: attempt === 1 ? 1500 : 0 });
    await makeResult(api, f.campaignRowId, "PUBLISHED");
    const d = dispatcher(api, { timeoutMs: 300 });
    const started = Date.now();
    await d.runOnce();
    expect(Date.now() - started).toBeLessThan(1400);
    const [delivery] = await deliveriesOf(sub.id);
    expect(delivery).toMatchObject({ status: "PENDING", attempts: 1, lastStatusCode: null, lastError: "timed out after 300 ms" });
    await drain(d);
    expect((await deliveriesOf(sub.id))[0]).toMatchObject({ status: "SUCCEEDED", attempts: 2 });
  });

  it("does not follow a redirect: a 302 is a failed attempt, and its target receives nothing", async () => {
    const sub = await subscribe(api, f.partnerOrganisationId, receiver.url("/moved"), [PUBLISHED]);
    receiver.behaviour = ({ path }) => (path === "/moved" ? { status: 302, headers: { location: receiver.url("/target") } } : { status: 200 });
    await makeResult(api, f.campaignRowId, "PUBLISHED");
    const d = dispatcher(api);
    await d.runOnce();
    await d.runOnce();
    expect(receiver.received.map((r) => r.path)).toEqual(["/moved", "/moved"]);
    const [delivery] = await deliveriesOf(sub.id);
    expect(delivery).toMatchObject({ status: "PENDING", lastStatusCode: 302, lastError: "answered 302 (redirects are not followed)" });
  });

  it("disables the subscription on 410 Gone; its deliveries wait until it is resumed", async () => {
    const sub = await subscribe(api, f.partnerOrganisationId, receiver.url(), [PUBLISHED]);
    receiver.behaviour = () => ({ status: 410 });
    await makeResult(api, f.campaignRowId, "PUBLISHED", "Een");
    const d = dispatcher(api);
    await drain(d);
    expect(receiver.received).toHaveLength(1);
    const disabled = await subscriptionRow(sub.id);
    expect(disabled).toMatchObject({ status: "DISABLED", pausedReason: expect.stringMatching(/^the receiver answered 410 Gone on /) });
    expect((await deliveriesOf(sub.id))[0]).toMatchObject({ status: "PENDING", lastStatusCode: 410 });
    const audited = await api.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, sub.id), eq(auditLog.entityType, "WebhookSubscription")));
    expect(audited.map((a) => a.operation)).toEqual(["WEBHOOK_SUBSCRIPTION_DISABLED"]);
    const events = await api.database.db.select().from(domainEvents).where(eq(domainEvents.entityId, sub.id)).orderBy(domainEvents.position);
    expect(events.map((e) => [e.name, (e.payload as { operation: string }).operation])).toEqual([["webhookSubscription.changed", "DISABLED"]]);

    // Nothing is sent while disabled.
    await drain(d);
    expect(receiver.received).toHaveLength(1);
    // Resumed (as the service will): the waiting delivery goes out.
    receiver.behaviour = () => ({ status: 200 });
    await api.database.db.update(webhookSubscriptions).set({ status: "ACTIVE", pausedReason: null }).where(eq(webhookSubscriptions.id, sub.id));
    await drain(d);
    expect((await deliveriesOf(sub.id))[0]).toMatchObject({ status: "SUCCEEDED" });
  });

  it("backs off exponentially (30 s doubling, capped at 6 h) and marks the delivery FAILED after retrying for 24 hours", async () => {
    const sub = await subscribe(api, f.partnerOrganisationId, receiver.url(), [PUBLISHED]);
    receiver.behaviour = () => ({ status: 503 });
    const clock = new Clock();
    await makeResult(api, f.campaignRowId, "PUBLISHED");
    // The largest jitter, so the delays are the ceilings themselves.
    const d = dispatcher(api, { now: clock.now, random: () => 0.999999 });
    const first = clock.time;
    const delays: number[] = [];
    for (let round = 0; round < 40; round++) {
      await d.runOnce();
      const [delivery] = await deliveriesOf(sub.id);
      if (delivery!.status !== "PENDING") break;
      delays.push(delivery!.nextAttemptAt.getTime() - clock.time);
      clock.time = delivery!.nextAttemptAt.getTime();
    }
    const [delivery] = await deliveriesOf(sub.id);
    expect(delivery).toMatchObject({ status: "FAILED", lastStatusCode: 503 });
    expect(delivery!.lastError).toMatch(/gave up after retrying for 24 h/);
    expect(delays.slice(0, 5).map((ms) => Math.round(ms / 1000))).toEqual([30, 60, 120, 240, 480]);
    expect(Math.max(...delays)).toBeLessThanOrEqual(6 * HOUR);
    expect(Math.max(...delays)).toBeGreaterThan(6 * HOUR - 1000);
    // The last attempt came 24 h after the first, not before.
    expect(delivery!.lastAttemptAt!.getTime() - first).toBeGreaterThanOrEqual(24 * HOUR);
    expect(await attemptsOf(delivery!.id)).toHaveLength(delays.length + 1);
  });

  it("pauses a subscription that has been failing for more than 3 days, with a reason its owner reads", async () => {
    const sub = await subscribe(api, f.partnerOrganisationId, receiver.url(), [PUBLISHED]);
    receiver.behaviour = () => ({ status: 500 });
    const since = new Date(Date.now() - 3 * 24 * HOUR + 60_000);
    await api.database.db.update(webhookSubscriptions).set({ failingSince: since }).where(eq(webhookSubscriptions.id, sub.id));
    await makeResult(api, f.campaignRowId, "PUBLISHED");
    const clock = new Clock();
    const d = dispatcher(api, { now: clock.now });
    await d.runOnce();
    // Not yet 3 days.
    expect(await subscriptionRow(sub.id)).toMatchObject({ status: "ACTIVE", failingSince: since });
    clock.advance(2 * 60_000);
    await d.runOnce();
    const paused = await subscriptionRow(sub.id);
    expect(paused.status).toBe("PAUSED");
    expect(paused.pausedReason).toBe(`failing since ${since.toISOString()}: answered 500`);
    // A success clears failingSince (a fresh subscription that fails once, then succeeds).
    const fresh = await subscribe(api, f.partnerOrganisationId, receiver.url("/fresh"), [PUBLISHED]);
    receiver.behaviour = ({ attempt }) => ({ status: attempt === 1 ? 500 : 200 });
    await makeResult(api, f.campaignRowId, "PUBLISHED", "Later");
    await d.runOnce();
    expect((await subscriptionRow(fresh.id)).failingSince).not.toBeNull();
    await drain(d);
    expect((await subscriptionRow(fresh.id)).failingSince).toBeNull();
  });

  it("does not send a body over 256 KiB: the delivery FAILS with the reason", async () => {
    const sub = await subscribe(api, f.partnerOrganisationId, receiver.url(), [PUBLISHED]);
    await makeResult(api, f.campaignRowId, "PUBLISHED", "x".repeat(300 * 1024));
    await drain(dispatcher(api));
    expect(receiver.received).toHaveLength(0);
    const [delivery] = await deliveriesOf(sub.id);
    expect(delivery).toMatchObject({ status: "FAILED", attempts: 0 });
    expect(delivery!.lastError).toMatch(/over the limit of 262144/);
  });
});

describe("destinations in production", () => {
  it("refuses a name that resolves to 127.0.0.1, and plain http, without sending anything", async () => {
    const local = await subscribe(api, f.partnerOrganisationId, `https://localhost:${receiver.port}/hook`, [PUBLISHED]);
    const plain = await subscribe(api, f.partnerOrganisationId, receiver.url(), [PUBLISHED]);
    const rebinding = await subscribe(api, f.partnerOrganisationId, `https://partner.example/hook`, [PUBLISHED]);
    await makeResult(api, f.campaignRowId, "PUBLISHED");
    const resolve = async (host: string) =>
      host === "partner.example"
        ? [
            { address: "93.184.216.34", family: 4 as const },
            { address: "::ffff:169.254.169.254", family: 6 as const },
          ]
        : [{ address: "127.0.0.1", family: 4 as const }];
    await dispatcher(api, { production: true, resolve }).runOnce();
    expect(receiver.received).toHaveLength(0);
    const [l] = await deliveriesOf(local.id);
    expect(l).toMatchObject({ status: "PENDING", attempts: 1, lastStatusCode: null });
    expect(l!.lastError).toBe("refused destination: the host resolves to a loopback address (127.0.0.1), which webhooks may not reach");
    expect((await deliveriesOf(plain.id))[0]!.lastError).toBe("refused destination: only https in production");
    expect((await deliveriesOf(rebinding.id))[0]!.lastError).toMatch(/a metadata address \(::ffff:169\.254\.169\.254\)/);
    expect((await attemptsOf(l!.id))[0]).toMatchObject({ statusCode: null, error: l!.lastError });
  });

  it("outside production allows http to loopback only", async () => {
    const lan = await subscribe(api, f.partnerOrganisationId, "http://10.0.0.8/hook", [PUBLISHED]);
    await makeResult(api, f.campaignRowId, "PUBLISHED");
    await dispatcher(api).runOnce();
    expect((await deliveriesOf(lan.id))[0]!.lastError).toBe("refused destination: only https, or http to a loopback address outside production");
  });
});

describe("statement budgets", () => {
  async function sendCost(results: number, subscriptions: number): Promise<{ fanOut: number; send: number }> {
    await api.reseed();
    f = await loadCampaignFixture(api);
    for (let i = 0; i < subscriptions; i++) await subscribe(api, steeringOrg(), receiver.url(`/s${i}`), [PUBLISHED, INTERMEDIATE]);
    for (let i = 0; i < results; i++) await makeResult(api, f.campaignRowId, i % 2 ? "PUBLISHED" : "INTERMEDIATE", `Resultaat ${i}`);
    const d = dispatcher(api);
    await d.fanOut();
    const fanOut = d.stats.statements;
    d.stats.statements = 0;
    await d.sendDue();
    return { fanOut, send: d.stats.statements };
  }

  it("fans out and sends a batch in statements per batch, not per event", async () => {
    const small = await sendCost(2, 1);
    const large = await sendCost(8, 1);
    expect(large).toEqual(small);
    expect(receiver.received).toHaveLength(2 + 8);
    expect(small.send).toBeLessThanOrEqual(14);
  });
});

describe.runIf(onPostgres)("dispatchers at once", () => {
  it("three dispatchers racing never send one attempt twice", async () => {
    const sub = await subscribe(api, f.partnerOrganisationId, receiver.url(), [PUBLISHED]);
    receiver.trust(sub.secret);
    receiver.behaviour = ({ attempt }) => ({ status: attempt === 1 ? 500 : 200, delayMs: 20 });
    for (let i = 0; i < 12; i++) await makeResult(api, f.campaignRowId, "PUBLISHED", `Race ${i}`);
    const racers = [1, 2, 3].map(() => dispatcher(api, { batchSize: 4 }));
    while ((await racers[0]!.fanOut()) > 0);
    // The three claim and send at the same moment, round after round (retries are due at once).
    for (let round = 0; round < 8; round++) await Promise.all(racers.map((d) => d.sendDue()));

    const deliveries = await deliveriesOf(sub.id);
    expect(deliveries).toHaveLength(12);
    expect(deliveries.every((x) => x.status === "SUCCEEDED" && x.attempts === 2)).toBe(true);
    // Each attempt reached the receiver once: 2 requests per webhook-id, one success.
    expect(receiver.received).toHaveLength(24);
    expect([...receiver.successes().values()]).toEqual(Array.from({ length: 12 }, () => 1));
    const attempts = await api.database.db.select().from(webhookAttempts);
    expect(attempts).toHaveLength(24);
  });
});
