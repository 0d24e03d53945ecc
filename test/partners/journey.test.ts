// Issue 11's "done when", as a partner lives it on the local server: with an API key it
// subscribes by webhook and by GraphQL subscription; a consultant moves a result to intermediate
// and then publishes it; within seconds the steering group's partner has both stages on both
// channels (each webhook verified with the reference library), and a partner outside the steering
// group has only the published result, on both channels too.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { type Client, createClient } from "graphql-ws";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { seedDatabase } from "../../db/seed/index.js";
import { type LocalServer, startLocalServer } from "../../functions/http.js";
import { WebhookDispatcher } from "../../schema/partners/dispatcher.js";
import { graphql } from "../graphql/index.js";
import { createTestApi, type TestApi } from "../helpers/api.js";
import { ADMIN, type CampaignFixture, CONSULTANT, loadCampaignFixture } from "../helpers/campaigns.js";
import { globalId } from "../helpers/funding.js";

const CREATE_KEY = graphql(`
  mutation JourneyPartnerKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }
`);
const SUBSCRIBE_WEBHOOK = graphql(`
  mutation JourneyPartnerWebhook($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { secret subscription { id } } }
`);
const CREATE_RESULT = graphql(`
  mutation JourneyPartnerResult($input: CreateCampaignResultInput!) { createCampaignResult(input: $input) { result { id } } }
`);
const PUBLISH = graphql(`
  mutation JourneyPartnerPublish($input: PublishResultInput!) { publishResult(input: $input) { result { id status } } }
`);

let api: TestApi;
let fx: CampaignFixture;
let server: LocalServer;
let receiver: Server;
let dispatcher: WebhookDispatcher;
/** Verified webhook bodies by the path they were sent to (one path per partner). */
const hooks = new Map<string, { type: string; data: { id: string; result: { status: string } } }[]>();
const secrets = new Map<string, string>();

beforeAll(async () => {
  api = await createTestApi();
  await seedDatabase(api.database, "sources");
  fx = await loadCampaignFixture(api);
  server = await startLocalServer(api.app, { port: 0, ping: async () => void (await api.database.db.execute(sql`select 1`)) });
  await api.app.relay?.start();
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = req.url ?? "";
      const body = new Webhook(secrets.get(path)!).verify(Buffer.concat(chunks).toString("utf8"), req.headers as Record<string, string>) as never;
      hooks.set(path, [...(hooks.get(path) ?? []), body]);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  // As `npm start` runs it: woken by this process's commits, polling for the rest.
  dispatcher = new WebhookDispatcher({ database: api.database, schema: api.app.schema, events: api.app.events, pollMs: 200 });
  dispatcher.start();
});
afterAll(async () => {
  await dispatcher.stop();
  await new Promise((resolve) => receiver.close(resolve));
  await server.close();
  await api.close();
});

/** A partner of `organisationId` with an API key, a webhook to /<name> and a graphql-ws client signed in with the key. */
async function partner(name: string, organisationId: string): Promise<{ client: Client; received: { id: string; status: string }[] }> {
  const key = (await api.ok(CREATE_KEY, { input: { organisationId: globalId("Organisation", organisationId), name } }, { as: ADMIN })).createApiKey.secret;
  const asKey = { authorization: `Bearer ${key}` };
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/${name}`;
  const hook = await api.ok(
    SUBSCRIBE_WEBHOOK,
    { input: { url, events: ["campaign.result.intermediate", "campaign.result.published"], campaignId: fx.campaignId } },
    { authorization: asKey.authorization },
  );
  secrets.set(`/${name}`, hook.createWebhookSubscription.secret);
  const client = createClient({ url: server.url.replace("http", "ws"), webSocketImpl: WebSocket, connectionParams: asKey, retryAttempts: 0, lazy: true });
  const received: { id: string; status: string }[] = [];
  client.subscribe(
    { query: "subscription JourneyPartnerChanged($c: ID) { campaignResultChanged(campaignId: $c) { id status } }", variables: { c: fx.campaignId } },
    { next: (v) => void received.push((v.data as { campaignResultChanged: { id: string; status: string } }).campaignResultChanged), error: () => {}, complete: () => {} },
  );
  return { client, received };
}

const until = async (check: () => boolean, ms = 8000) => {
  for (const start = Date.now(); !check() && Date.now() - start < ms; ) await new Promise((r) => setTimeout(r, 25));
};

describe("a partner with an API key, on both channels", () => {
  it("gets what it may read within seconds of the change: the steering group's partner both stages, another partner only the published result", async () => {
    const steering = await partner("steering", fx.steeringOrganisationIds[0]!);
    const outside = await partner("outside", fx.partnerOrganisationId);
    try {
      await until(() => api.app.events.listenerCount === 2);
      const input = {
        campaignId: fx.campaignId,
        boardId: globalId("Board", fx.selectedBoardIds[0]!),
        kind: "INSTRUMENT" as const,
        title: { nl: "Instrument" },
        theme: "Flexibel werken",
      };
      const id = (await api.ok(CREATE_RESULT, { input }, { as: CONSULTANT })).createCampaignResult.result.id;
      await api.ok(PUBLISH, { input: { resultId: id, status: "INTERMEDIATE" } }, { as: CONSULTANT });
      await until(() => steering.received.length === 1 && (hooks.get("/steering")?.length ?? 0) === 1);
      const published = Date.now();
      await api.ok(PUBLISH, { input: { resultId: id, status: "PUBLISHED" } }, { as: CONSULTANT });
      await until(
        () => steering.received.length === 2 && (hooks.get("/steering")?.length ?? 0) === 2 && outside.received.length === 1 && (hooks.get("/outside")?.length ?? 0) === 1,
      );
      expect(Date.now() - published).toBeLessThan(5000);

      expect(steering.received).toEqual([
        { id, status: "INTERMEDIATE" },
        { id, status: "PUBLISHED" },
      ]);
      expect(hooks.get("/steering")!.map((h) => [h.type, h.data.id, h.data.result.status])).toEqual([
        ["campaign.result.intermediate", id, "INTERMEDIATE"],
        ["campaign.result.published", id, "PUBLISHED"],
      ]);
      expect(outside.received).toEqual([{ id, status: "PUBLISHED" }]);
      expect(hooks.get("/outside")!.map((h) => [h.type, h.data.result.status])).toEqual([["campaign.result.published", "PUBLISHED"]]);
    } finally {
      await Promise.all([steering.client.dispose(), outside.client.dispose()]);
    }
  });
});
