// GraphQL subscriptions to campaign results on the local server: a graphql-ws client receives a
// published result within seconds of the change (through the outbox relay); an outsider never
// receives an intermediate result, a steering-group partner does.
import { sql } from "drizzle-orm";
import { type Client, createClient } from "graphql-ws";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { type LocalServer, startLocalServer } from "../../functions/http.js";
import { graphql } from "../graphql/index.js";
import { type Actor, createTestApi, type TestApi, token } from "../helpers/api.js";
import { type CampaignFixture, CONSULTANT, loadCampaignFixture, partnerOf } from "../helpers/campaigns.js";
import { globalId } from "../helpers/funding.js";

const CREATE = graphql(`
  mutation SubsCreate($input: CreateCampaignResultInput!) { createCampaignResult(input: $input) { result { id } } }
`);
const PUBLISH = graphql(`
  mutation SubsPublish($input: PublishResultInput!) { publishResult(input: $input) { result { id status } } }
`);

const RENAME = graphql(`
  mutation SubsRenameCampaign($input: UpdateCampaignInput!) { updateCampaign(input: $input) { campaign { id } } }
`);

let api: TestApi;
let server: LocalServer;
let fx: CampaignFixture;

beforeAll(async () => {
  api = await createTestApi();
  server = await startLocalServer(api.app, { port: 0, ping: async () => void (await api.database.db.execute(sql`select 1`)) });
  await api.app.relay?.start();
});
afterAll(async () => {
  await server.close();
  await api.close();
});
beforeEach(async () => {
  await api.reseed();
  fx ??= await loadCampaignFixture(api);
});

async function connect(actor?: Actor): Promise<Client> {
  const authorization = actor ? `Bearer ${await token(actor)}` : undefined;
  return createClient({ url: server.url.replace("http", "ws"), webSocketImpl: WebSocket, connectionParams: authorization ? { authorization } : {}, retryAttempts: 0, lazy: true });
}

function collect(client: Client, query: string, variables?: Record<string, unknown>): { received: any[]; errors: unknown[]; stop: () => void } {
  const received: any[] = [];
  const errors: unknown[] = [];
  const stop = client.subscribe({ query, variables }, { next: (v) => void received.push(v), error: (e) => void errors.push(e), complete: () => {} });
  return { received, errors, stop };
}

const until = async (check: () => boolean, ms = 5000) => {
  for (const start = Date.now(); !check() && Date.now() - start < ms; ) await new Promise((r) => setTimeout(r, 20));
};

async function createResult(title: string): Promise<string> {
  const input = { campaignId: fx.campaignId, boardId: globalId("Board", fx.selectedBoardIds[0]!), kind: "INSTRUMENT" as const, title: { nl: title }, theme: "Flexibel werken" };
  return (await api.ok(CREATE, { input }, { as: CONSULTANT })).createCampaignResult.result.id;
}
const step = (id: string, status: "INTERMEDIATE" | "PUBLISHED") => api.ok(PUBLISH, { input: { resultId: id, status } }, { as: CONSULTANT });

describe("campaign result subscriptions on the local server", () => {
  it("delivers a published result within seconds, an intermediate one to the steering group's partner and never to an outsider", async () => {
    const anon = await connect();
    const steering = await connect(partnerOf(fx.steeringOrganisationIds[0]!));
    const outsider = await connect(partnerOf(fx.partnerOrganisationId));
    try {
      const published = collect(anon, "subscription SubsPublished($c: ID) { campaignResultPublished(campaignId: $c) { id status } }", { c: fx.campaignId });
      const steeringChanges = collect(steering, "subscription SubsChangedSteering { campaignResultChanged { id status } }");
      const outsiderChanges = collect(outsider, "subscription SubsChangedOutsider { campaignResultChanged { id status } }");
      await until(() => api.app.events.listenerCount === 3);
      expect(api.app.events.listenerCount).toBe(3);

      const id = await createResult("Instrument");
      await step(id, "INTERMEDIATE");
      await until(() => steeringChanges.received.some((r) => r.data.campaignResultChanged.status === "INTERMEDIATE"));
      expect(steeringChanges.received.map((r) => r.data.campaignResultChanged)).toContainEqual({ id, status: "INTERMEDIATE" });

      const started = Date.now();
      await step(id, "PUBLISHED");
      await until(() => published.received.length > 0);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(published.received).toEqual([{ data: { campaignResultPublished: { id, status: "PUBLISHED" } } }]);
      await until(() => outsiderChanges.received.length > 0);
      // The outsider saw nothing before publication: its only message is the published result.
      expect(outsiderChanges.received.map((r) => r.data.campaignResultChanged)).toEqual([{ id, status: "PUBLISHED" }]);
    } finally {
      await Promise.all([anon.dispose(), steering.dispose(), outsider.dispose()]);
    }
  });

  it("reads each event's nested fields afresh, not as they were when the subscription started", async () => {
    const anon = await connect();
    try {
      const published = collect(anon, "subscription SubsPublishedFresh { campaignResultPublished { id campaign { title(locale: NL) } } }");
      await until(() => api.app.events.listenerCount === 1);
      const first = await createResult("Eerste");
      await step(first, "INTERMEDIATE");
      await step(first, "PUBLISHED");
      await until(() => published.received.length === 1);
      await api.ok(RENAME, { input: { id: fx.campaignId, title: { nl: "Duurzaam werkgeverschap, hernoemd" } } }, { as: CONSULTANT });
      const second = await createResult("Tweede");
      await step(second, "INTERMEDIATE");
      await step(second, "PUBLISHED");
      await until(() => published.received.length === 2);
      expect(published.received.map((r) => r.data.campaignResultPublished.campaign.title)).toEqual([
        "Ondersteunende campagne Duurzaam werkgeverschap",
        "Duurzaam werkgeverschap, hernoemd",
      ]);
    } finally {
      await anon.dispose();
    }
  });

  it("refuses campaignResultChanged to an anonymous subscriber and a malformed campaign id", async () => {
    const anon = await connect();
    try {
      const changed = collect(anon, "subscription SubsChangedAnon { campaignResultChanged { id status } }");
      const badId = collect(anon, 'subscription SubsPublishedBad { campaignResultPublished(campaignId: "nope") { id } }');
      // A refused subscribe arrives as a result with errors (graphql-ws sends it as next, then complete).
      const outcome = (c: { received: unknown[]; errors: unknown[] }) => JSON.stringify([...c.received, ...c.errors]);
      await until(() => outcome(changed) !== "[]" && outcome(badId) !== "[]");
      expect(outcome(changed)).toContain("UNAUTHENTICATED");
      expect(outcome(badId)).toContain("BAD_USER_INPUT");
    } finally {
      await anon.dispose();
    }
  });
});
