// Partners' webhooks through the API: subscriptions made (the secret shown once, kept sealed,
// never audited), changed, paused, resumed, deleted and given a new secret by the organisation's
// own partners (token or API key) and admins; the URL and event rules; the lists with their
// last deliveries and attempts at a fixed number of statements; redelivery, replay and the test
// event; and one journey end to end: a partner with an API key subscribes, a consultant publishes
// a result through the API, the dispatcher delivers it to a real loopback receiver that verifies
// it with the Standard Webhooks reference library.
import { and, eq, sql } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditLog, domainEvents } from "../../db/schema/audit.js";
import { webhookAttempts, webhookDeliveries, webhookSubscriptions } from "../../db/schema/partners.js";
import { secretBoxFromEnv } from "../../schema/partners/secret-box.js";
import { MAX_SUBSCRIPTIONS, partnerEventNames, webhookUrlProblem } from "../../schema/partners/webhooks.service.js";
import { graphql } from "../graphql/index.js";
import { createTestApi, errorOf, type TestApi } from "../helpers/api.js";
import { ADMIN, type CampaignFixture, CONSULTANT, loadCampaignFixture, memberOf, partnerOf } from "../helpers/campaigns.js";
import { onPostgres } from "../helpers/db.js";
import { globalId, MISSING_UUID, rowId } from "../helpers/funding.js";
import { dispatcher, drain, Receiver, subscribe } from "./dispatcher-helpers.js";

const PUBLISHED = "campaign.result.published";
const INTERMEDIATE = "campaign.result.intermediate";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const CREATE = graphql(`
  mutation HooksCreate($input: CreateWebhookSubscriptionInput!) {
    createWebhookSubscription(input: $input) {
      secret
      subscription { id url events status pausedReason failingSince createdAt organisation { id } campaign { id } }
    }
  }
`);
const UPDATE = graphql(`
  mutation HooksUpdate($input: UpdateWebhookSubscriptionInput!) {
    updateWebhookSubscription(input: $input) { subscription { id url events campaign { id } } }
  }
`);
const PAUSE = graphql(`
  mutation HooksPause($id: ID!) { pauseWebhookSubscription(id: $id) { subscription { id status pausedReason } } }
`);
const RESUME = graphql(`
  mutation HooksResume($id: ID!) { resumeWebhookSubscription(id: $id) { subscription { id status pausedReason failingSince } } }
`);
const DELETE = graphql(`
  mutation HooksDelete($id: ID!) { deleteWebhookSubscription(id: $id) { deletedId } }
`);
const ROTATE = graphql(`
  mutation HooksRotate($input: RotateWebhookSecretInput!) { rotateWebhookSecret(input: $input) { secret subscription { id } } }
`);
const REDELIVER = graphql(`
  mutation HooksRedeliver($deliveryId: ID!) { redeliverWebhook(deliveryId: $deliveryId) { delivery { id messageId status attemptCount nextAttemptAt } } }
`);
const REPLAY = graphql(`
  mutation HooksReplay($input: ReplayWebhookEventsInput!) { replayWebhookEvents(input: $input) { queued } }
`);
const SEND_TEST = graphql(`
  mutation HooksSendTest($subscriptionId: ID!) { sendTestWebhookEvent(subscriptionId: $subscriptionId) { delivery { id event status messageId subscription { id } } } }
`);
const LIST = graphql(`
  query HooksList($organisationId: ID, $first: Int, $after: String, $last: Int) {
    webhookSubscriptions(organisationId: $organisationId, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id url organisation { id } lastDeliveries(first: $last) { id event status attempts { statusCode } } } }
    }
  }
`);
const DELIVERIES = graphql(`
  query HooksDeliveries($subscriptionId: ID!, $first: Int, $after: String) {
    webhookDeliveries(subscriptionId: $subscriptionId, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id messageId event status attemptCount nextAttemptAt lastAttemptAt lastStatusCode createdAt
          subscription { id }
          attempts { attemptedAt statusCode latencyMs error }
        }
      }
    }
  }
`);
const NODE = graphql(`
  query HooksNode($id: ID!) { node(id: $id) { id ... on WebhookSubscription { url } ... on WebhookDelivery { event } } }
`);
const KEY = graphql(`
  mutation HooksKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }
`);
const RESULT_CREATE = graphql(`
  mutation HooksResultCreate($input: CreateCampaignResultInput!) { createCampaignResult(input: $input) { result { id } } }
`);
const RESULT_PUBLISH = graphql(`
  mutation HooksResultPublish($input: PublishResultInput!) { publishResult(input: $input) { result { id status } } }
`);

let api: TestApi;
let f: CampaignFixture;
/** Row id of an organisation that is not the partner's. */
let otherOrg: string;

beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());
beforeEach(async () => {
  await api.reseed();
  f ??= await loadCampaignFixture(api);
  otherOrg = f.steeringOrganisationIds.find((id) => id !== f.partnerOrganisationId)!;
  api.logs.length = 0;
});

const partner = () => ({ as: partnerOf(f.partnerOrganisationId) });
const otherPartner = () => ({ as: partnerOf(otherOrg) });
const URL_OK = "http://127.0.0.1:9/hook";

async function create(input: { url?: string; events?: string[]; campaignId?: string | null; organisationId?: string } = {}, options = partner()) {
  const result = await api.ok(CREATE, { input: { url: URL_OK, events: [PUBLISHED], ...input } }, options);
  return { ...result.createWebhookSubscription, rowId: rowId(result.createWebhookSubscription.subscription.id) };
}

async function subscriptionRow(id: string) {
  const [row] = await api.database.db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, id));
  return row;
}
async function auditOf(entityId: string) {
  return api.database.db.select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(auditLog.createdAt);
}
async function eventsOf(subscriptionId: string) {
  return api.database.db
    .select({ name: domainEvents.name, payload: domainEvents.payload })
    .from(domainEvents)
    .where(eq(domainEvents.entityId, subscriptionId))
    .orderBy(domainEvents.position);
}
/** A delivery row of the subscription, as the dispatcher would have made it. */
async function delivery(subscriptionId: string, values: Partial<typeof webhookDeliveries.$inferInsert> = {}) {
  const [row] = await api.database.db
    .insert(webhookDeliveries)
    .values({ subscriptionId, eventName: PUBLISHED, messageId: `msg_${crypto.randomUUID()}`, ...values })
    .returning();
  return row!;
}
/** An outbox event, written as a module's change would. */
async function outboxEvent(name: string, payload: Record<string, unknown>, createdAt = new Date()) {
  const [row] = await api.database.db.insert(domainEvents).values({ name, entityType: "CampaignResult", entityId: crypto.randomUUID(), payload, createdAt }).returning();
  return row!;
}

describe("createWebhookSubscription", () => {
  it("shows the secret once, keeps it sealed, and never puts it in the subscription, an audit row, an event or a log", async () => {
    const created = await create({ campaignId: f.campaignId });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(created.subscription).toMatchObject({
      url: URL_OK,
      events: [PUBLISHED],
      status: "ACTIVE",
      pausedReason: null,
      failingSince: null,
      organisation: { id: globalId("Organisation", f.partnerOrganisationId) },
      campaign: { id: f.campaignId },
    });
    const row = (await subscriptionRow(created.rowId))!;
    expect(row.secretCiphertext).not.toContain(created.secret.slice(6));
    expect(secretBoxFromEnv().open(row.secretCiphertext)).toBe(created.secret);
    expect(row.createdBy).toBe(partnerOf(f.partnerOrganisationId).sub);

    const audit = await auditOf(created.rowId);
    expect(audit).toEqual([expect.objectContaining({ operation: "createWebhookSubscription", before: null })]);
    expect(await eventsOf(created.rowId)).toEqual([
      { name: "webhookSubscription.changed", payload: { subscriptionId: created.rowId, organisationId: f.partnerOrganisationId, operation: "CREATED" } },
    ]);
    const everywhere = JSON.stringify([audit, await eventsOf(created.rowId), api.logs]);
    expect(everywhere).not.toContain(created.secret.slice(6, 30));
    expect(everywhere).not.toContain(row.secretCiphertext);
  });

  it("lets a partner subscribe their own organisation only, signed in with a token or an API key; admins must name the organisation", async () => {
    const refused = await api.exec(CREATE, { input: { organisationId: globalId("Organisation", otherOrg), url: URL_OK, events: [PUBLISHED] } }, partner());
    expect(errorOf(refused)).toMatchObject({ code: "FORBIDDEN" });
    const own = await create({ organisationId: globalId("Organisation", f.partnerOrganisationId) });
    expect(own.subscription.organisation.id).toBe(globalId("Organisation", f.partnerOrganisationId));

    const key = (await api.ok(KEY, { input: { name: "Webhooks" } }, partner())).createApiKey.secret;
    const withKey = await api.ok(CREATE, { input: { url: URL_OK, events: [PUBLISHED] } }, { authorization: `Bearer ${key}` });
    expect(withKey.createWebhookSubscription.subscription.organisation.id).toBe(globalId("Organisation", f.partnerOrganisationId));

    expect(errorOf(await api.exec(CREATE, { input: { url: URL_OK, events: [PUBLISHED] } }, { as: ADMIN }))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.organisationId",
    });
    const byAdmin = await create({ organisationId: globalId("Organisation", otherOrg) }, { as: ADMIN });
    expect(byAdmin.subscription.organisation.id).toBe(globalId("Organisation", otherOrg));
    expect(errorOf(await api.exec(CREATE, { input: { url: URL_OK, events: [PUBLISHED] } }, { as: CONSULTANT }))).toMatchObject({ code: "FORBIDDEN" });
    expect(errorOf(await api.exec(CREATE, { input: { url: URL_OK, events: [PUBLISHED] } }, { as: memberOf(f.selectedBoardIds[0]!) }))).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(errorOf(await api.exec(CREATE, { input: { url: URL_OK, events: [PUBLISHED] } }))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await api.database.db.select().from(webhookSubscriptions)).toHaveLength(3);
  });

  it("takes https, and http to a loopback host outside production; refuses credentials, other schemes, other http hosts and long URLs", async () => {
    for (const url of ["https://hooks.example.org/in", URL_OK, "http://localhost:8080/x", "http://[::1]:8080/x", "http://127.8.9.10/x"]) {
      expect((await create({ url })).subscription.url).toBe(url);
    }
    const refusals: [string, RegExp][] = [
      ["ftp://hooks.example.org/in", /https/],
      ["http://hooks.example.org/in", /loopback/],
      ["http://10.0.0.1/in", /loopback/],
      ["https://user:secret@hooks.example.org/in", /user name or password/],
      ["hooks.example.org/in", /absolute https URL/],
      ["https://hooks.example.org/a b", /spaces/],
      [`https://hooks.example.org/${"a".repeat(2000)}`, /at most 2000/],
    ];
    for (const [url, reason] of refusals) {
      const result = await api.exec(CREATE, { input: { url, events: [PUBLISHED] } }, partner());
      expect(errorOf(result), url).toMatchObject({ code: "BAD_USER_INPUT", field: "input.url" });
      expect(result.errors?.[0]?.extensions?.reason, url).toMatch(reason);
    }
    expect(await api.database.db.select().from(webhookSubscriptions)).toHaveLength(5);
  });

  it("in production takes https only, and refuses at once an address literal that is private, loopback, link-local or metadata", async () => {
    const refused = [
      "http://127.0.0.1/x",
      "http://localhost/x",
      "https://10.1.2.3/x",
      "https://127.0.0.1/x",
      "https://169.254.169.254/latest",
      "https://[fe80::1]/x",
      "https://[::ffff:192.168.1.1]/x",
    ];
    for (const url of refused) expect(webhookUrlProblem(url, true), url).not.toBeNull();
    expect(webhookUrlProblem("https://169.254.169.254/latest", true)).toMatch(/metadata/);
    for (const url of ["https://hooks.example.org/in", "https://93.184.216.34/in"]) expect(webhookUrlProblem(url, true), url).toBeNull();

    const stage = process.env.STAGE;
    process.env.STAGE = "production";
    try {
      const result = await api.exec(CREATE, { input: { url: "https://192.168.0.10/in", events: [PUBLISHED] } }, partner());
      expect(errorOf(result)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.url" });
      expect(result.errors?.[0]?.extensions?.reason).toMatch(/private address/);
    } finally {
      if (stage === undefined) delete process.env.STAGE;
      else process.env.STAGE = stage;
    }
  });

  it("takes 1 to 20 distinct events a partner could ever receive, naming the one refused", async () => {
    expect(partnerEventNames()).toEqual(expect.objectContaining({}));
    expect([...partnerEventNames()]).toEqual(expect.arrayContaining([PUBLISHED, INTERMEDIATE, "webhookSubscription.changed", "apiKey.changed"]));
    // Ballots reach editors only: no partner could ever receive them.
    expect(partnerEventNames().has("campaign.ballot.cast")).toBe(false);
    const cases: [string[], string, RegExp][] = [
      [[], "input.events", /at least one/],
      [[PUBLISHED, "campaign.result.vanished"], "input.events.1", /campaign.result.vanished is not an event/],
      [[PUBLISHED, "campaign.ballot.cast"], "input.events.1", /campaign.ballot.cast is not an event/],
      [[PUBLISHED, INTERMEDIATE, PUBLISHED], "input.events.2", /twice/],
      [Array.from({ length: 21 }, () => PUBLISHED), "input.events", /at most 20/],
    ];
    for (const [events, field, reason] of cases) {
      const result = await api.exec(CREATE, { input: { url: URL_OK, events } }, partner());
      expect(errorOf(result), field).toMatchObject({ code: "BAD_USER_INPUT", field });
      expect(result.errors?.[0]?.extensions?.reason).toMatch(reason);
    }
    expect((await create({ events: [PUBLISHED, INTERMEDIATE] })).subscription.events).toEqual([PUBLISHED, INTERMEDIATE]);
  });

  it("needs campaignId to be a campaign, and at most 20 subscriptions an organisation", async () => {
    expect(errorOf(await api.exec(CREATE, { input: { url: URL_OK, events: [PUBLISHED], campaignId: globalId("Campaign", MISSING_UUID) } }, partner()))).toMatchObject({
      code: "NOT_FOUND",
      field: "input.campaignId",
    });
    expect(errorOf(await api.exec(CREATE, { input: { url: URL_OK, events: [PUBLISHED], campaignId: globalId("Board", MISSING_UUID) } }, partner()))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.campaignId",
    });
    for (let i = 0; i < MAX_SUBSCRIPTIONS - 1; i++) await subscribe(api, f.partnerOrganisationId, URL_OK, [PUBLISHED]);
    await subscribe(api, otherOrg, URL_OK, [PUBLISHED]);
    await create();
    expect(errorOf(await api.exec(CREATE, { input: { url: URL_OK, events: [PUBLISHED] } }, partner()))).toMatchObject({ code: "CONFLICT", field: "input.organisationId" });
    expect((await create({}, otherPartner())).subscription.status).toBe("ACTIVE");
  });
  it.runIf(onPostgres)("never lets subscriptions made at once exceed the limit", async () => {
    for (let i = 0; i < MAX_SUBSCRIPTIONS - 2; i++) await subscribe(api, f.partnerOrganisationId, URL_OK, [PUBLISHED]);
    const results = await Promise.all(Array.from({ length: 5 }, () => api.exec(CREATE, { input: { url: URL_OK, events: [PUBLISHED] } }, partner())));
    expect(results.filter((r) => !r.errors)).toHaveLength(2);
    expect(results.filter((r) => r.errors).map((r) => errorOf(r))).toEqual(
      Array.from({ length: 3 }, () => expect.objectContaining({ code: "CONFLICT", field: "input.organisationId" })),
    );
    expect(await api.database.db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.organisationId, f.partnerOrganisationId))).toHaveLength(MAX_SUBSCRIPTIONS);
  });
});

describe("changing a subscription", () => {
  it("updates only the fields given, under the same rules, with its audit row and event", async () => {
    const { subscription, rowId: id } = await create({ campaignId: f.campaignId });
    const urlOnly = await api.ok(UPDATE, { input: { id: subscription.id, url: "https://hooks.example.org/new" } }, partner());
    expect(urlOnly.updateWebhookSubscription.subscription).toEqual({
      id: subscription.id,
      url: "https://hooks.example.org/new",
      events: [PUBLISHED],
      campaign: { id: f.campaignId },
    });
    const events = await api.ok(UPDATE, { input: { id: subscription.id, events: [INTERMEDIATE], campaignId: null } }, partner());
    expect(events.updateWebhookSubscription.subscription).toMatchObject({ url: "https://hooks.example.org/new", events: [INTERMEDIATE], campaign: null });

    expect(errorOf(await api.exec(UPDATE, { input: { id: subscription.id, url: "http://hooks.example.org/" } }, partner()))).toMatchObject({ field: "input.url" });
    expect(errorOf(await api.exec(UPDATE, { input: { id: subscription.id, events: ["nope.done"] } }, partner()))).toMatchObject({ field: "input.events.0" });
    expect(errorOf(await api.exec(UPDATE, { input: { id: subscription.id, events: null } }, partner()))).toMatchObject({ field: "input.events" });
    expect(errorOf(await api.exec(UPDATE, { input: { id: subscription.id, campaignId: globalId("Campaign", MISSING_UUID) } }, partner()))).toMatchObject({
      code: "NOT_FOUND",
      field: "input.campaignId",
    });
    // Another organisation's subscription: refused, as every write of the API is.
    expect(errorOf(await api.exec(UPDATE, { input: { id: subscription.id, url: URL_OK } }, otherPartner()))).toMatchObject({ code: "FORBIDDEN" });

    const audit = await auditOf(id);
    expect(audit.map((a) => a.operation)).toEqual(["createWebhookSubscription", "updateWebhookSubscription", "updateWebhookSubscription"]);
    expect(audit[2]!.after).toMatchObject({ eventTypes: [INTERMEDIATE], campaignId: null });
    expect(JSON.stringify(audit)).not.toContain("secretCiphertext");
    expect((await eventsOf(id)).map((e) => (e.payload as { operation: string }).operation)).toEqual(["CREATED", "UPDATED", "UPDATED"]);
  });

  it("pauses an active subscription with its reason; resumes a paused or disabled one, clearing the failure and making its pending deliveries due", async () => {
    const { subscription, rowId: id } = await create();
    expect((await api.ok(PAUSE, { id: subscription.id }, partner())).pauseWebhookSubscription.subscription).toMatchObject({
      status: "PAUSED",
      pausedReason: "paused by its owner",
    });
    expect(errorOf(await api.exec(PAUSE, { id: subscription.id }, partner()))).toMatchObject({ code: "CONFLICT", field: "id" });

    const later = new Date(Date.now() + 5 * HOUR);
    const pending = await delivery(id, { nextAttemptAt: later });
    const done = await delivery(id, { status: "SUCCEEDED", nextAttemptAt: later });
    await api.database.db
      .update(webhookSubscriptions)
      .set({ failingSince: new Date(Date.now() - DAY) })
      .where(eq(webhookSubscriptions.id, id));
    const resumed = await api.ok(RESUME, { id: subscription.id }, partner());
    expect(resumed.resumeWebhookSubscription.subscription).toMatchObject({ status: "ACTIVE", pausedReason: null, failingSince: null });
    const rows = await api.database.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.subscriptionId, id));
    expect(rows.find((r) => r.id === pending.id)!.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(rows.find((r) => r.id === done.id)!.nextAttemptAt.getTime()).toBe(later.getTime());
    expect(errorOf(await api.exec(RESUME, { id: subscription.id }, partner()))).toMatchObject({ code: "CONFLICT", field: "id" });

    await api.database.db.update(webhookSubscriptions).set({ status: "DISABLED", pausedReason: "the receiver answered 410 Gone" }).where(eq(webhookSubscriptions.id, id));
    expect((await api.ok(RESUME, { id: subscription.id }, partner())).resumeWebhookSubscription.subscription.status).toBe("ACTIVE");
    expect(errorOf(await api.exec(PAUSE, { id: subscription.id }, otherPartner()))).toMatchObject({ code: "FORBIDDEN" });
    // Another organisation's subscription is refused as every write is; an unknown id is NOT_FOUND.
    const missing = { id: globalId("WebhookSubscription", MISSING_UUID) };
    for (const result of [await api.exec(PAUSE, missing, partner()), await api.exec(RESUME, missing, partner()), await api.exec(DELETE, missing, partner())]) {
      expect(errorOf(result)).toMatchObject({ code: "NOT_FOUND", field: "id" });
    }
    expect((await eventsOf(id)).map((e) => (e.payload as { operation: string }).operation)).toEqual(["CREATED", "PAUSED", "RESUMED", "RESUMED"]);
    expect((await auditOf(id)).map((a) => a.operation)).toEqual([
      "createWebhookSubscription",
      "pauseWebhookSubscription",
      "resumeWebhookSubscription",
      "resumeWebhookSubscription",
    ]);
  });

  it("deletes a subscription with its deliveries and their attempts", async () => {
    const { subscription, rowId: id } = await create();
    const d = await delivery(id, { status: "SUCCEEDED" });
    await api.database.db.insert(webhookAttempts).values({ deliveryId: d.id, attemptedAt: new Date(), statusCode: 200, latencyMs: 12 });
    expect(errorOf(await api.exec(DELETE, { id: subscription.id }, otherPartner()))).toMatchObject({ code: "FORBIDDEN" });
    expect((await api.ok(DELETE, { id: subscription.id }, partner())).deleteWebhookSubscription.deletedId).toBe(subscription.id);
    expect(await subscriptionRow(id)).toBeUndefined();
    expect(await api.database.db.select().from(webhookDeliveries)).toEqual([]);
    expect(await api.database.db.select().from(webhookAttempts)).toEqual([]);
    expect((await api.ok(NODE, { id: subscription.id }, partner())).node).toBeNull();
    const audit = await auditOf(id);
    expect(audit.at(-1)).toMatchObject({ operation: "deleteWebhookSubscription", after: null });
    expect(JSON.stringify(audit)).not.toContain("secretCiphertext");
    expect((await eventsOf(id)).at(-1)!.payload).toMatchObject({ operation: "DELETED" });
  });

  it("rotates the secret: a new one shown once, the old one kept to sign during the overlap (0 to 168 hours)", async () => {
    const { subscription, secret: first, rowId: id } = await create();
    const rotated = (await api.ok(ROTATE, { input: { id: subscription.id } }, partner())).rotateWebhookSecret;
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(first);
    const row = (await subscriptionRow(id))!;
    expect(secretBoxFromEnv().open(row.secretCiphertext)).toBe(rotated.secret);
    expect(secretBoxFromEnv().open(row.previousSecretCiphertext!)).toBe(first);
    expect(Math.abs(row.previousSecretExpiresAt!.getTime() - (Date.now() + DAY))).toBeLessThan(60_000);

    await api.ok(ROTATE, { input: { id: subscription.id, overlapHours: 0 } }, partner());
    expect(await subscriptionRow(id)).toMatchObject({ previousSecretCiphertext: null, previousSecretExpiresAt: null });
    for (const overlapHours of [-1, 169]) {
      expect(errorOf(await api.exec(ROTATE, { input: { id: subscription.id, overlapHours } }, partner()))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.overlapHours" });
    }
    expect(errorOf(await api.exec(ROTATE, { input: { id: subscription.id } }, otherPartner()))).toMatchObject({ code: "FORBIDDEN" });
    const audit = await auditOf(id);
    expect(audit.map((a) => a.operation)).toEqual(["createWebhookSubscription", "rotateWebhookSecret", "rotateWebhookSecret"]);
    expect(JSON.stringify(audit)).not.toMatch(/whsec_|secretCiphertext|v1\./);
    expect((await eventsOf(id)).map((e) => (e.payload as { operation: string }).operation)).toEqual(["CREATED", "SECRET_ROTATED", "SECRET_ROTATED"]);
  });
});

describe("reading subscriptions and deliveries", () => {
  it("lists one's own subscriptions newest first (admins every organisation's), and shows no one else's", async () => {
    const a = await create({ url: "https://a.example.org/" });
    const b = await create({ url: "https://b.example.org/" });
    const theirs = await create({ url: "https://c.example.org/" }, otherPartner());
    const mine = (await api.ok(LIST, { first: 1 }, partner())).webhookSubscriptions;
    expect(mine.totalCount).toBe(2);
    expect(mine.edges.map((e) => e.node.url)).toEqual(["https://b.example.org/"]);
    const next = (await api.ok(LIST, { first: 1, after: mine.pageInfo.endCursor }, partner())).webhookSubscriptions;
    expect(next.edges.map((e) => e.node.id)).toEqual([a.subscription.id]);
    expect(next.pageInfo.hasNextPage).toBe(false);

    expect((await api.ok(LIST, {}, { as: ADMIN })).webhookSubscriptions.totalCount).toBe(3);
    expect((await api.ok(LIST, { organisationId: globalId("Organisation", otherOrg) }, { as: ADMIN })).webhookSubscriptions.edges.map((e) => e.node.id)).toEqual([
      theirs.subscription.id,
    ]);
    expect(errorOf(await api.exec(LIST, { organisationId: globalId("Organisation", otherOrg) }, partner()))).toMatchObject({ code: "FORBIDDEN" });
    expect(errorOf(await api.exec(LIST, {}, { as: CONSULTANT }))).toMatchObject({ code: "FORBIDDEN" });
    expect(errorOf(await api.exec(LIST, { first: 101 }, partner()))).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    expect(errorOf(await api.exec(LIST, { last: 21 }, partner()))).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });

    expect((await api.ok(NODE, { id: b.subscription.id }, partner())).node).toMatchObject({ url: "https://b.example.org/" });
    expect((await api.ok(NODE, { id: b.subscription.id }, otherPartner())).node).toBeNull();
    const d = await delivery(b.rowId);
    expect((await api.ok(NODE, { id: globalId("WebhookDelivery", d.id) }, partner())).node).toMatchObject({ event: PUBLISHED });
    expect((await api.ok(NODE, { id: globalId("WebhookDelivery", d.id) }, otherPartner())).node).toBeNull();
  });

  it("lists subscriptions with their last deliveries and attempts at the same number of statements for 2 and 8 subscriptions", async () => {
    async function fill(n: number) {
      for (let i = 0; i < n; i++) {
        const sub = await subscribe(api, f.partnerOrganisationId, `https://s${i}.example.org/`, [PUBLISHED]);
        for (let k = 0; k < 4; k++) {
          const d = await delivery(sub.id, { status: "SUCCEEDED" });
          await api.database.db.insert(webhookAttempts).values({ deliveryId: d.id, attemptedAt: new Date(), statusCode: 200, latencyMs: 5 });
        }
      }
    }
    await fill(2);
    const small = await api.exec(LIST, { last: 3 }, partner());
    await fill(6);
    const large = await api.exec(LIST, { last: 3 }, partner());
    expect(large.errors).toBeUndefined();
    const edges = large.data!.webhookSubscriptions.edges;
    expect(edges).toHaveLength(8);
    for (const edge of edges) {
      expect(edge.node.lastDeliveries).toHaveLength(3);
      for (const d of edge.node.lastDeliveries) expect(d.attempts).toEqual([{ statusCode: 200 }]);
    }
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(6);
  });

  it("keeps a subscription's last deliveries to its own, newest first", async () => {
    const one = await create();
    const two = await create();
    const old = await delivery(one.rowId);
    await api.database.db
      .update(webhookDeliveries)
      .set({ createdAt: new Date(Date.now() - HOUR) })
      .where(eq(webhookDeliveries.id, old.id));
    const recent = await delivery(one.rowId);
    const other = await delivery(two.rowId);
    const nodes = (await api.ok(LIST, { last: 5 }, partner())).webhookSubscriptions.edges.map((e) => e.node);
    expect(nodes.find((n) => n.id === one.subscription.id)!.lastDeliveries.map((d) => d.id)).toEqual([globalId("WebhookDelivery", recent.id), globalId("WebhookDelivery", old.id)]);
    expect(nodes.find((n) => n.id === two.subscription.id)!.lastDeliveries.map((d) => d.id)).toEqual([globalId("WebhookDelivery", other.id)]);
    expect((await api.ok(LIST, { last: 1 }, partner())).webhookSubscriptions.edges.find((e) => e.node.id === one.subscription.id)!.node.lastDeliveries).toHaveLength(1);
  });

  it("lists a subscription's deliveries newest first with every attempt oldest first, at the same number of statements for 2 and 8 deliveries", async () => {
    const { subscription, rowId: id } = await create();
    async function fill(n: number) {
      for (let i = 0; i < n; i++) {
        const d = await delivery(id, { status: "FAILED", attempts: 2, lastStatusCode: 500 });
        await api.database.db.insert(webhookAttempts).values([
          { deliveryId: d.id, attemptedAt: new Date(Date.now() - 2000), statusCode: null, latencyMs: 5000, error: "timed out after 5000 ms" },
          { deliveryId: d.id, attemptedAt: new Date(Date.now() - 1000), statusCode: 500, latencyMs: 30, error: "answered 500" },
        ]);
      }
    }
    await fill(2);
    const small = await api.exec(DELIVERIES, { subscriptionId: subscription.id }, partner());
    await fill(6);
    const large = await api.exec(DELIVERIES, { subscriptionId: subscription.id }, partner());
    expect(large.errors).toBeUndefined();
    const page = large.data!.webhookDeliveries;
    expect(page.totalCount).toBe(8);
    expect(large.statements).toBe(small.statements);
    const created = page.edges.map((e) => Date.parse(e.node.createdAt as string));
    expect([...created].sort((a, b) => b - a)).toEqual(created);
    expect(page.edges[0]!.node).toMatchObject({
      event: PUBLISHED,
      status: "FAILED",
      attemptCount: 2,
      nextAttemptAt: null,
      lastStatusCode: 500,
      subscription: { id: subscription.id },
      attempts: [
        { statusCode: null, latencyMs: 5000, error: "timed out after 5000 ms" },
        { statusCode: 500, latencyMs: 30, error: "answered 500" },
      ],
    });
    const firstPage = (await api.ok(DELIVERIES, { subscriptionId: subscription.id, first: 5 }, partner())).webhookDeliveries;
    const rest = (await api.ok(DELIVERIES, { subscriptionId: subscription.id, first: 5, after: firstPage.pageInfo.endCursor }, partner())).webhookDeliveries;
    expect(new Set([...firstPage.edges, ...rest.edges].map((e) => e.node.id)).size).toBe(8);
    expect(errorOf(await api.exec(DELIVERIES, { subscriptionId: subscription.id }, otherPartner()))).toMatchObject({ code: "FORBIDDEN" });
    expect(errorOf(await api.exec(DELIVERIES, { subscriptionId: globalId("WebhookSubscription", MISSING_UUID) }, partner()))).toMatchObject({
      code: "NOT_FOUND",
      field: "subscriptionId",
    });
  });
});

describe("sending again", () => {
  it("redelivers a finished delivery with the same webhook-id; a pending one is a CONFLICT", async () => {
    const { rowId: id } = await create();
    for (const status of ["SUCCEEDED", "FAILED", "SKIPPED"] as const) {
      const d = await delivery(id, { status, attempts: 3, nextAttemptAt: new Date(Date.now() - DAY), lastError: "answered 500" });
      const again = (await api.ok(REDELIVER, { deliveryId: globalId("WebhookDelivery", d.id) }, partner())).redeliverWebhook.delivery;
      expect(again).toMatchObject({ messageId: d.messageId, status: "PENDING", attemptCount: 0 });
      expect(Date.parse(again.nextAttemptAt as string)).toBeLessThanOrEqual(Date.now());
      expect(errorOf(await api.exec(REDELIVER, { deliveryId: globalId("WebhookDelivery", d.id) }, partner()))).toMatchObject({ code: "CONFLICT", field: "deliveryId" });
      expect((await auditOf(d.id)).map((a) => a.operation)).toEqual(["redeliverWebhook"]);
    }
    expect(errorOf(await api.exec(REDELIVER, { deliveryId: globalId("WebhookDelivery", MISSING_UUID) }, partner()))).toMatchObject({ code: "NOT_FOUND", field: "deliveryId" });
    const theirs = await delivery(id, { status: "SUCCEEDED" });
    expect(errorOf(await api.exec(REDELIVER, { deliveryId: globalId("WebhookDelivery", theirs.id) }, otherPartner()))).toMatchObject({ code: "FORBIDDEN" });
    expect((await eventsOf(id)).map((e) => (e.payload as { operation: string }).operation)).toEqual(["CREATED", "REDELIVERED", "REDELIVERED", "REDELIVERED"]);
  });

  it("replays every matching outbox event since a time (at most 30 days ago): new deliveries, and existing ones set back to PENDING", async () => {
    const { subscription, rowId: id } = await create({ events: [PUBLISHED, INTERMEDIATE], campaignId: f.campaignId });
    const campaign = { campaignId: f.campaignRowId };
    const tooOld = await outboxEvent(PUBLISHED, campaign, new Date(Date.now() - 3 * DAY));
    const delivered = await outboxEvent(PUBLISHED, campaign, new Date(Date.now() - DAY));
    const never = await outboxEvent(INTERMEDIATE, campaign, new Date(Date.now() - HOUR));
    await outboxEvent(PUBLISHED, { campaignId: MISSING_UUID }, new Date(Date.now() - HOUR));
    await outboxEvent("campaign.result.drafted", campaign, new Date(Date.now() - HOUR));
    const existing = await delivery(id, { eventPosition: delivered.position, status: "SUCCEEDED", attempts: 1, nextAttemptAt: new Date(Date.now() - DAY) });

    const since = new Date(Date.now() - 2 * DAY).toISOString();
    expect((await api.ok(REPLAY, { input: { subscriptionId: subscription.id, since } }, partner())).replayWebhookEvents.queued).toBe(2);
    const rows = await api.database.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.subscriptionId, id)).orderBy(webhookDeliveries.eventPosition);
    expect(rows.map((r) => [r.eventPosition, r.status, r.attempts])).toEqual([
      [delivered.position, "PENDING", 0],
      [never.position, "PENDING", 0],
    ]);
    expect(rows[0]!.messageId).toBe(existing.messageId);
    for (const row of rows) expect(row.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(rows.some((r) => r.eventPosition === tooOld.position)).toBe(false);

    for (const [when, reason] of [
      [new Date(Date.now() - 31 * DAY), /30 days/],
      [new Date(Date.now() + HOUR), /future/],
    ] as const) {
      const result = await api.exec(REPLAY, { input: { subscriptionId: subscription.id, since: when.toISOString() } }, partner());
      expect(errorOf(result)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.since" });
      expect(result.errors?.[0]?.extensions?.reason).toMatch(reason);
    }
    expect(errorOf(await api.exec(REPLAY, { input: { subscriptionId: subscription.id, since } }, otherPartner()))).toMatchObject({ code: "FORBIDDEN" });
    expect(errorOf(await api.exec(REPLAY, { input: { subscriptionId: globalId("WebhookSubscription", MISSING_UUID), since } }, partner()))).toMatchObject({
      code: "NOT_FOUND",
      field: "input.subscriptionId",
    });
    expect((await auditOf(id)).at(-1)).toMatchObject({ operation: "replayWebhookEvents", after: { since, queued: 2 } });
    expect((await eventsOf(id)).at(-1)!.payload).toMatchObject({ operation: "REPLAYED" });
  });

  it("queues a webhook.test delivery due now", async () => {
    const { subscription, rowId: id } = await create();
    const sent = (await api.ok(SEND_TEST, { subscriptionId: subscription.id }, partner())).sendTestWebhookEvent.delivery;
    expect(sent).toMatchObject({ event: "webhook.test", status: "PENDING", subscription: { id: subscription.id } });
    const [row] = await api.database.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.id, rowId(sent.id)));
    expect(row).toMatchObject({ eventPosition: null, eventName: "webhook.test", messageId: sent.messageId, attempts: 0 });
    expect(row!.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(errorOf(await api.exec(SEND_TEST, { subscriptionId: subscription.id }, otherPartner()))).toMatchObject({ code: "FORBIDDEN" });
    expect((await eventsOf(id)).at(-1)!.payload).toMatchObject({ operation: "TEST_SENT" });
  });
});

describe("end to end", () => {
  let receiver: Receiver;
  beforeEach(async () => {
    receiver = new Receiver();
    await receiver.start();
  });
  afterEach(() => receiver.stop());

  it("a partner with an API key subscribes; a published result, a redelivery and a test event reach a real receiver, signed and verified", async () => {
    const key = (await api.ok(KEY, { input: { name: "Webhooks" } }, partner())).createApiKey.secret;
    const asKey = { authorization: `Bearer ${key}` };
    const created = (await api.ok(CREATE, { input: { url: receiver.url(), events: [PUBLISHED] } }, asKey)).createWebhookSubscription;
    receiver.trust(created.secret);
    const subscriptionId = created.subscription.id;

    const result = (
      await api.ok(
        RESULT_CREATE,
        {
          input: {
            campaignId: f.campaignId,
            boardId: globalId("Board", f.selectedBoardIds[0]!),
            kind: "GOOD_PRACTICE",
            title: { nl: "Goede praktijk vacatures" },
            theme: "Aanwerving en selectie",
          },
        },
        { as: CONSULTANT },
      )
    ).createCampaignResult.result;
    await api.ok(RESULT_PUBLISH, { input: { resultId: result.id, status: "INTERMEDIATE" } }, { as: CONSULTANT });
    const d = dispatcher(api);
    await drain(d);
    // Subscribed to published results only: nothing yet.
    expect(receiver.received).toEqual([]);
    await api.ok(RESULT_PUBLISH, { input: { resultId: result.id, status: "PUBLISHED" } }, { as: CONSULTANT });
    await drain(d);

    expect(receiver.received).toHaveLength(1);
    const [got] = receiver.received;
    expect(got!.verified).toBe(true);
    const body = JSON.parse(got!.body);
    expect(body).toMatchObject({ type: PUBLISHED, data: { id: result.id, result: { id: result.id, status: "PUBLISHED" } } });

    const listed = (await api.ok(DELIVERIES, { subscriptionId }, asKey)).webhookDeliveries.edges.map((e) => e.node);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ messageId: got!.id, event: PUBLISHED, status: "SUCCEEDED", attemptCount: 1, lastStatusCode: 200 });
    expect(listed[0]!.attempts).toEqual([expect.objectContaining({ statusCode: 200, error: null, latencyMs: expect.any(Number) })]);

    await api.ok(REDELIVER, { deliveryId: listed[0]!.id }, asKey);
    const test = (await api.ok(SEND_TEST, { subscriptionId }, asKey)).sendTestWebhookEvent.delivery;
    await drain(d);
    expect(receiver.received.map((r) => [r.id, r.verified])).toEqual([
      [got!.id, true],
      [got!.id, true],
      [test.messageId, true],
    ]);
    expect(JSON.parse(receiver.received[2]!.body)).toMatchObject({ type: "webhook.test", data: { id: subscriptionId } });
    const after = (await api.ok(DELIVERIES, { subscriptionId }, asKey)).webhookDeliveries.edges.map((e) => e.node);
    expect(after.find((n) => n.id === listed[0]!.id)!.attempts).toHaveLength(2);

    // During a rotation's overlap both secrets sign: a receiver holding either verifies.
    const rotated = (await api.ok(ROTATE, { input: { id: subscriptionId } }, asKey)).rotateWebhookSecret;
    await api.ok(SEND_TEST, { subscriptionId }, asKey);
    await drain(d);
    const last = receiver.received.at(-1)!;
    const headers = { "webhook-id": last.id, "webhook-timestamp": last.timestamp, "webhook-signature": last.signature };
    expect(last.signature.split(" ")).toHaveLength(2);
    for (const secret of [created.secret, rotated.secret]) expect(() => new Webhook(secret).verify(last.body, headers)).not.toThrow();
    expect(
      await api.database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(webhookDeliveries)
        .where(and(eq(webhookDeliveries.subscriptionId, rowId(subscriptionId)), eq(webhookDeliveries.status, "SUCCEEDED"))),
    ).toEqual([{ n: 3 }]);
  });
});
