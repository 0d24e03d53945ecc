// GraphQL subscriptions on AWS: functions/realtime.ts's handlers invoked with synthetic API
// Gateway WebSocket events, posting through the real management client to a local stand-in for
// the management endpoint (a node:http server recording POST /@connections/{id} bodies, and
// answering 410 for a connection it is told is gone). The dispatcher is the "realtime" outbox consumer.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ApiGatewayManagementApiClient } from "@aws-sdk/client-apigatewaymanagementapi";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { websocketConnections, websocketSubscriptions } from "../../db/schema/partners.js";
import { createRealtimeHandlers, managementGateway, type RealtimeHandlers } from "../../functions/realtime.js";
import { CLOSE } from "../../schema/partners/realtime.js";
import { signDevToken } from "../../schema/shared/auth.js";
import { graphql } from "../graphql/index.js";
import { type Actor, createTestApi, type TestApi, token } from "../helpers/api.js";
import { type CampaignFixture, CONSULTANT, loadCampaignFixture, partnerOf } from "../helpers/campaigns.js";
import { globalId } from "../helpers/funding.js";

const CREATE = graphql(`
  mutation RealtimeCreate($input: CreateCampaignResultInput!) { createCampaignResult(input: $input) { result { id } } }
`);
const PUBLISH = graphql(`
  mutation RealtimePublish($input: PublishResultInput!) { publishResult(input: $input) { result { id status } } }
`);

const CREATE_KEY = graphql(`
  mutation RealtimeCreateKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } secret } }
`);
const REVOKE_KEY = graphql(`
  mutation RealtimeRevokeKey($id: ID!) { revokeApiKey(id: $id) { apiKey { id } } }
`);

let api: TestApi;
let fx: CampaignFixture;
let standIn: Server;
let posts: { connectionId: string; message: any }[];
let deleted: string[];
let gone: Set<string>;
let h: RealtimeHandlers;

beforeAll(async () => {
  api = await createTestApi();
  standIn = createServer((req, res) => {
    const match = /^\/@connections\/([^/]+)$/.exec(req.url ?? "");
    const connectionId = decodeURIComponent(match?.[1] ?? "");
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (gone.has(connectionId)) {
        res.writeHead(410, { "content-type": "application/json", "x-amzn-errortype": "GoneException" });
        res.end(JSON.stringify({ message: "Gone" }));
        return;
      }
      if (req.method === "POST") posts.push({ connectionId, message: JSON.parse(Buffer.concat(chunks).toString("utf8")) });
      if (req.method === "DELETE") deleted.push(connectionId);
      res.writeHead(200);
      res.end();
    });
  });
  await new Promise<void>((resolve) => standIn.listen(0, "127.0.0.1", resolve));
  const client = new ApiGatewayManagementApiClient({
    endpoint: `http://127.0.0.1:${(standIn.address() as AddressInfo).port}`,
    region: "eu-west-1",
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
  });
  h = createRealtimeHandlers({ app: api.app, database: api.database, gateway: managementGateway(client) });
});
afterAll(async () => {
  await new Promise((resolve) => standIn.close(resolve));
  await api.close();
});
beforeEach(async () => {
  await api.reseed();
  fx ??= await loadCampaignFixture(api);
  posts = [];
  deleted = [];
  gone = new Set();
});

const event = (connectionId: string, routeKey: string, body?: unknown, headers?: Record<string, string>) => ({
  requestContext: { connectionId, routeKey },
  headers: headers ?? {},
  body: body === undefined ? null : typeof body === "string" ? body : JSON.stringify(body),
});
const send = (connectionId: string, body: unknown) => h.message(event(connectionId, "$default", body));
const sent = (connectionId: string) => posts.filter((p) => p.connectionId === connectionId).map((p) => p.message);

/** A connection through $connect and connection_init as `actor` (anonymous without one). */
async function open(connectionId: string, actor?: Actor): Promise<void> {
  const answer = await h.connect(event(connectionId, "$connect", undefined, { "Sec-WebSocket-Protocol": "graphql-transport-ws" }));
  expect(answer).toEqual({ statusCode: 200, headers: { "Sec-WebSocket-Protocol": "graphql-transport-ws" } });
  await send(connectionId, { type: "connection_init", payload: actor ? { authorization: `Bearer ${await token(actor)}` } : {} });
  expect(sent(connectionId)).toContainEqual({ type: "connection_ack" });
}

const PUBLISHED_SUB = "subscription RtPublished($c: ID) { campaignResultPublished(campaignId: $c) { id status title(locale: NL) } }";
const CHANGED_SUB = "subscription RtChanged { campaignResultChanged { id status } }";

async function createResult(title: string): Promise<string> {
  const input = { campaignId: fx.campaignId, boardId: globalId("Board", fx.selectedBoardIds[0]!), kind: "INSTRUMENT" as const, title: { nl: title }, theme: "Flexibel werken" };
  return (await api.ok(CREATE, { input }, { as: CONSULTANT })).createCampaignResult.result.id;
}
const step = (id: string, status: "INTERMEDIATE" | "PUBLISHED") => api.ok(PUBLISH, { input: { resultId: id, status } }, { as: CONSULTANT });

/** Runs the consumer until the outbox is drained. */
async function dispatchAll(): Promise<void> {
  while ((await h.realtime.dispatchOnce()) > 0);
}

describe("the protocol", () => {
  it("accepts only the graphql-transport-ws subprotocol and names it in the answer", async () => {
    expect(await h.connect(event("c-none", "$connect"))).toEqual({ statusCode: 400 });
    expect(await api.database.db.select().from(websocketConnections)).toHaveLength(0);
    await open("c-1");
    expect(await api.database.db.select().from(websocketConnections)).toHaveLength(1);
  });

  it("stores the actor of connection_init, answers ping with pong, and closes a second init with 4429", async () => {
    await open("c-1", partnerOf(fx.steeringOrganisationIds[0]!));
    const [row] = await api.database.db.select().from(websocketConnections);
    expect(row!.actor).toMatchObject({ role: "PARTNER", organisationId: fx.steeringOrganisationIds[0] });
    await send("c-1", { type: "ping" });
    expect(sent("c-1").at(-1)).toEqual({ type: "pong" });
    expect(await h.realtime.message("c-1", JSON.stringify({ type: "connection_init" }))).toMatchObject({ closed: true, code: CLOSE.TOO_MANY_INITS });
    expect(deleted).toEqual(["c-1"]);
    expect(await api.database.db.select().from(websocketConnections)).toHaveLength(0);
  });

  it("closes with 4403 for a refused token, 4401 for subscribe before init, 4400 for garbage", async () => {
    await h.connect(event("c-bad", "$connect", undefined, { "sec-websocket-protocol": "graphql-transport-ws" }));
    expect(await h.realtime.message("c-bad", JSON.stringify({ type: "connection_init", payload: { authorization: "Bearer not-a-token" } }))).toMatchObject({
      closed: true,
      code: CLOSE.FORBIDDEN,
    });
    await h.connect(event("c-early", "$connect", undefined, { "sec-websocket-protocol": "graphql-transport-ws" }));
    expect(await h.realtime.message("c-early", JSON.stringify({ id: "1", type: "subscribe", payload: { query: PUBLISHED_SUB } }))).toMatchObject({
      closed: true,
      code: CLOSE.UNAUTHORIZED,
    });
    await open("c-junk");
    expect(await h.realtime.message("c-junk", "{not json")).toMatchObject({ closed: true, code: CLOSE.BAD_REQUEST });
    expect(deleted).toEqual(["c-bad", "c-early", "c-junk"]);
  });

  it("stores a subscription with its events, refuses a duplicate id with 4409, and forgets it on complete", async () => {
    await open("c-1");
    await send("c-1", { id: "1", type: "subscribe", payload: { query: PUBLISHED_SUB, variables: { c: fx.campaignId } } });
    const [stored] = await api.database.db.select().from(websocketSubscriptions);
    expect(stored).toMatchObject({ operationId: "1", eventNames: ["campaign.result.published"], variables: { c: fx.campaignId } });
    expect(await h.realtime.message("c-1", JSON.stringify({ id: "1", type: "subscribe", payload: { query: PUBLISHED_SUB } }))).toMatchObject({
      closed: true,
      code: CLOSE.DUPLICATE_SUBSCRIBER,
    });
    await open("c-2");
    await send("c-2", { id: "a", type: "subscribe", payload: { query: PUBLISHED_SUB } });
    await send("c-2", { id: "a", type: "complete" });
    expect(await api.database.db.select().from(websocketSubscriptions)).toHaveLength(0);
  });

  it("answers an error for what it will not serve: a query, another field, an invalid document, anonymous campaignResultChanged, a bad campaign id", async () => {
    await open("c-1");
    const errorOf = async (id: string, query: string, variables?: Record<string, unknown>) => {
      await send("c-1", { id, type: "subscribe", payload: { query, variables } });
      const answer = sent("c-1").at(-1);
      expect(answer).toMatchObject({ id, type: "error" });
      return answer.payload[0].extensions.code;
    };
    expect(await errorOf("q", "{ viewer { role } }")).toBe("BAD_REQUEST");
    expect(await errorOf("b", "subscription { boardChanged { id } }")).toBe("BAD_REQUEST");
    expect(await errorOf("v", "subscription { campaignResultPublished { nope } }")).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(await errorOf("a", CHANGED_SUB)).toBe("UNAUTHENTICATED");
    expect(await errorOf("c", PUBLISHED_SUB, { c: "not-an-id" })).toBe("BAD_USER_INPUT");
    expect(await api.database.db.select().from(websocketSubscriptions)).toHaveLength(0);
  });

  it("$disconnect deletes the connection and its subscriptions", async () => {
    await open("c-1");
    await send("c-1", { id: "1", type: "subscribe", payload: { query: PUBLISHED_SUB } });
    await h.disconnect(event("c-1", "$disconnect"));
    expect(await api.database.db.select().from(websocketConnections)).toHaveLength(0);
    expect(await api.database.db.select().from(websocketSubscriptions)).toHaveLength(0);
  });
});

describe("dispatch", () => {
  it("posts a published result to everyone subscribed, an intermediate one only to those who may read it, filtered by campaign", async () => {
    await open("anon");
    await open("steering", partnerOf(fx.steeringOrganisationIds[0]!));
    await open("outsider", partnerOf(fx.partnerOrganisationId));
    await send("anon", { id: "p", type: "subscribe", payload: { query: PUBLISHED_SUB, variables: { c: fx.campaignId } } });
    await send("anon", { id: "other", type: "subscribe", payload: { query: PUBLISHED_SUB, variables: { c: globalId("Campaign", "00000000-0000-4000-8000-000000000000") } } });
    await send("steering", { id: "ch", type: "subscribe", payload: { query: CHANGED_SUB } });
    await send("outsider", { id: "ch", type: "subscribe", payload: { query: CHANGED_SUB } });
    posts = [];
    await dispatchAll(); // nothing new yet besides the subscriptions themselves

    // Each event is asked as it is dispatched: the draft goes to nobody of these three.
    const id = await createResult("Tussentijds instrument");
    await dispatchAll();
    expect(posts).toEqual([]);
    await step(id, "INTERMEDIATE");
    await dispatchAll();
    expect(sent("steering")).toEqual([{ id: "ch", type: "next", payload: { data: { campaignResultChanged: { id, status: "INTERMEDIATE" } } } }]);
    expect(sent("outsider")).toEqual([]);
    expect(sent("anon")).toEqual([]);

    posts = [];
    await step(id, "PUBLISHED");
    await dispatchAll();
    expect(sent("anon")).toEqual([{ id: "p", type: "next", payload: { data: { campaignResultPublished: { id, status: "PUBLISHED", title: "Tussentijds instrument" } } } }]);
    expect(sent("steering")).toEqual([{ id: "ch", type: "next", payload: { data: { campaignResultChanged: { id, status: "PUBLISHED" } } } }]);
    expect(sent("outsider")).toEqual([{ id: "ch", type: "next", payload: { data: { campaignResultChanged: { id, status: "PUBLISHED" } } } }]);
  });

  it("ends a connection whose credentials lapsed since connection_init: a revoked API key, an expired token", async () => {
    const key = await api.ok(
      CREATE_KEY,
      { input: { organisationId: globalId("Organisation", fx.steeringOrganisationIds[0]!), name: "Realtime" } },
      { as: { role: "ADMIN", sub: "admin-1" } },
    );
    const keyed = async (connectionId: string) => {
      await h.connect(event(connectionId, "$connect", undefined, { "Sec-WebSocket-Protocol": "graphql-transport-ws" }));
      await send(connectionId, { type: "connection_init", payload: { authorization: `Bearer ${key.createApiKey.secret}` } });
      expect(sent(connectionId)).toContainEqual({ type: "connection_ack" });
      await send(connectionId, { id: "p", type: "subscribe", payload: { query: PUBLISHED_SUB } });
    };
    await keyed("keyed");
    await h.connect(event("short", "$connect", undefined, { "Sec-WebSocket-Protocol": "graphql-transport-ws" }));
    const shortLived = await signDevToken({ role: "PARTNER", sub: "short-lived", org: fx.partnerOrganisationId }, { ttl: "2s" });
    await send("short", { type: "connection_init", payload: { authorization: `Bearer ${shortLived}` } });
    await send("short", { id: "p", type: "subscribe", payload: { query: PUBLISHED_SUB } });
    await open("steady");
    await send("steady", { id: "p", type: "subscribe", payload: { query: PUBLISHED_SUB } });

    // While both hold, all three are served.
    const first = await createResult("Eerste");
    await step(first, "INTERMEDIATE");
    await step(first, "PUBLISHED");
    posts = [];
    await dispatchAll();
    expect(posts.map((p) => p.connectionId).sort()).toEqual(["keyed", "short", "steady"]);

    await api.ok(REVOKE_KEY, { id: key.createApiKey.apiKey.id }, { as: { role: "ADMIN", sub: "admin-1" } });
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const second = await createResult("Tweede");
    await step(second, "INTERMEDIATE");
    await step(second, "PUBLISHED");
    posts = [];
    await dispatchAll();
    expect(posts.map((p) => p.connectionId)).toEqual(["steady"]);
    expect(deleted.sort()).toEqual(["keyed", "short"]);
    const left = await api.database.db.select({ connectionId: websocketConnections.connectionId }).from(websocketConnections);
    expect(left.map((c) => c.connectionId)).toEqual(["steady"]);
  });

  it("removes a connection the management API says is gone (410), with its subscriptions", async () => {
    await open("gone");
    await open("here");
    await send("gone", { id: "p", type: "subscribe", payload: { query: PUBLISHED_SUB } });
    await send("here", { id: "p", type: "subscribe", payload: { query: PUBLISHED_SUB } });
    gone.add("gone");
    posts = [];
    const id = await createResult("Weg");
    await step(id, "INTERMEDIATE");
    await step(id, "PUBLISHED");
    await dispatchAll();
    const left = await api.database.db.select().from(websocketConnections);
    expect(left.map((c) => c.connectionId)).toEqual(["here"]);
    expect(await api.database.db.select().from(websocketSubscriptions).where(eq(websocketSubscriptions.operationId, "p"))).toHaveLength(1);
    expect(sent("here")).toHaveLength(1);
  });

  it("costs statements per batch, not per event or subscription", async () => {
    const cost = async (results: number, connections: number) => {
      await api.reseed();
      fx = await loadCampaignFixture(api);
      posts = [];
      for (let i = 0; i < connections; i++) {
        await open(`c${i}`, partnerOf(fx.steeringOrganisationIds[0]!));
        await send(`c${i}`, { id: "ch", type: "subscribe", payload: { query: CHANGED_SUB } });
      }
      await dispatchAll();
      for (let i = 0; i < results; i++) {
        const id = await createResult(`R${i}`);
        await step(id, "INTERMEDIATE");
      }
      posts = [];
      const before = h.realtime.stats.statements;
      expect(await h.realtime.dispatchOnce()).toBe(results * 2);
      expect(posts).toHaveLength(results * 2 * connections);
      return h.realtime.stats.statements - before;
    };
    const small = await cost(2, 1);
    const large = await cost(8, 1);
    expect(large).toBe(small);
  });
});
