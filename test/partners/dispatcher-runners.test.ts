// Where the dispatcher runs: the local server's loop (woken by this process's commits, polling
// for the rest, stopped on shutdown) and the scheduled Lambda's handler (fan-out and sending
// until nothing is due, its own pool opened and closed per invocation).
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { webhookDeliveries } from "../../db/schema/partners.js";
import { createTestApi, type TestApi } from "../helpers/api.js";
import { type CampaignFixture, loadCampaignFixture } from "../helpers/campaigns.js";
import { onPostgres } from "../helpers/db.js";
import { dispatcher, makeResult, Receiver, subscribe } from "./dispatcher-helpers.js";

const PUBLISHED = "campaign.result.published";

let api: TestApi;
let f: CampaignFixture;
let receiver: Receiver;

beforeAll(async () => {
  api = await createTestApi();
  // Nothing here runs an operation, which would start it; closing needs it started.
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
  vi.unstubAllEnvs();
});

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("the local loop", () => {
  it("delivers a result within moments of its commit, woken by the bus rather than its poll, and stops", async () => {
    const sub = await subscribe(api, f.partnerOrganisationId, receiver.url(), [PUBLISHED]);
    receiver.trust(sub.secret);
    // A poll far beyond the test: only the commit's wake-up can deliver in time. (On PostgreSQL a
    // transaction of another test file on the same server can hold the outbox's horizon back
    // past the wake-up; the poll then delivers it.)
    const logs: Record<string, unknown>[] = [];
    const loop = dispatcher(api, { events: api.app.events, pollMs: onPostgres ? 250 : 600_000, log: (entry) => logs.push(entry) });
    loop.start();
    try {
      const started = Date.now();
      await makeResult(api, f.campaignRowId, "PUBLISHED");
      await until(() => receiver.received.length === 1).catch((error) => {
        throw new Error(`${error}: ${JSON.stringify(logs)}`);
      });
      expect(Date.now() - started).toBeLessThan(3000);
      expect(receiver.received[0]!.verified).toBe(true);
    } finally {
      await loop.stop();
    }
    // Stopped: a later commit is not delivered.
    await makeResult(api, f.campaignRowId, "PUBLISHED", "Na het stoppen");
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.received).toHaveLength(1);
    expect(await api.database.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.subscriptionId, sub.id))).toHaveLength(1);
  });
});

describe.runIf(onPostgres)("the scheduled Lambda", () => {
  it("fans out and sends what is due, then returns", async () => {
    const sub = await subscribe(api, f.partnerOrganisationId, receiver.url(), [PUBLISHED]);
    receiver.trust(sub.secret);
    await makeResult(api, f.campaignRowId, "PUBLISHED", "Een");
    await makeResult(api, f.campaignRowId, "PUBLISHED", "Twee");
    vi.stubEnv("STAGE", "pr-1");
    vi.stubEnv("DATABASE_DRIVER", "pg");
    vi.stubEnv("DATABASE_URL", api.url!);
    const { handler } = await import("../../functions/webhooks.js");
    const started = Date.now();
    expect(await handler({}, { getRemainingTimeInMillis: () => 60_000 })).toEqual({ events: 2, deliveries: 2 });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(receiver.received.map((r) => r.verified)).toEqual([true, true]);
    // Nothing left: the next run does nothing.
    expect(await handler({}, { getRemainingTimeInMillis: () => 60_000 })).toEqual({ events: 0, deliveries: 0 });
  });
});
