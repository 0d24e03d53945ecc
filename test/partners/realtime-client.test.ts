// The AWS realtime path driven by a real graphql-ws client. A local stand-in plays API Gateway: a
// WebSocket server that turns each connection, frame and close into the $connect, $default and
// $disconnect events functions/realtime.ts handles, and a management endpoint (node:http) whose
// POST /@connections/{id} writes to that socket and DELETE closes it. So the client speaks the
// graphql-transport-ws protocol end to end against the Lambda handlers and the dispatcher.
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ApiGatewayManagementApiClient } from "@aws-sdk/client-apigatewaymanagementapi";
import { type Client, createClient } from "graphql-ws";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import WebSocket, { WebSocketServer } from "ws";
import { websocketConnections, websocketSubscriptions } from "../../db/schema/partners.js";
import { createRealtimeHandlers, managementGateway, type RealtimeHandlers } from "../../functions/realtime.js";
import { graphql } from "../graphql/index.js";
import { type Actor, createTestApi, type TestApi, token } from "../helpers/api.js";
import { type CampaignFixture, CONSULTANT, loadCampaignFixture, partnerOf } from "../helpers/campaigns.js";
import { globalId } from "../helpers/funding.js";

const CREATE = graphql(`
  mutation RealtimeClientCreate($input: CreateCampaignResultInput!) { createCampaignResult(input: $input) { result { id } } }
`);
const PUBLISH = graphql(`
  mutation RealtimeClientPublish($input: PublishResultInput!) { publishResult(input: $input) { result { id status } } }
`);

let api: TestApi;
let fx: CampaignFixture;
let h: RealtimeHandlers;
let management: Server;
let gateway: WebSocketServer;
const sockets = new Map<string, WebSocket>();

const event = (connectionId: string, routeKey: string, body?: string, headers: Record<string, string> = {}) => ({
  requestContext: { connectionId, routeKey },
  headers,
  body: body ?? null,
});

beforeAll(async () => {
  api = await createTestApi();
  management = createServer((req, res) => {
    const connectionId = decodeURIComponent(/^\/@connections\/([^/]+)$/.exec(req.url ?? "")?.[1] ?? "");
    const socket = sockets.get(connectionId);
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (!socket || socket.readyState !== WebSocket.OPEN) {
        res.writeHead(410, { "content-type": "application/json", "x-amzn-errortype": "GoneException" });
        res.end(JSON.stringify({ message: "Gone" }));
        return;
      }
      if (req.method === "POST") socket.send(Buffer.concat(chunks).toString("utf8"));
      if (req.method === "DELETE") socket.close(4400);
      res.writeHead(200);
      res.end();
    });
  });
  await new Promise<void>((resolve) => management.listen(0, "127.0.0.1", resolve));
  const client = new ApiGatewayManagementApiClient({
    endpoint: `http://127.0.0.1:${(management.address() as AddressInfo).port}`,
    region: "eu-west-1",
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
  });
  h = createRealtimeHandlers({ app: api.app, database: api.database, gateway: managementGateway(client) });

  // API Gateway's part: the subprotocol is what $connect answers; frames and closes become events, in order per connection.
  gateway = new WebSocketServer({ host: "127.0.0.1", port: 0, handleProtocols: (protocols) => (protocols.has("graphql-transport-ws") ? "graphql-transport-ws" : false) });
  gateway.on("connection", (socket, request) => {
    const connectionId = randomUUID();
    sockets.set(connectionId, socket);
    let queue = h.connect(event(connectionId, "$connect", undefined, { "Sec-WebSocket-Protocol": String(request.headers["sec-websocket-protocol"] ?? "") })).then(() => undefined);
    socket.on("message", (data) => {
      queue = queue.then(() => h.message(event(connectionId, "$default", data.toString())).then(() => undefined));
    });
    socket.on("close", () => {
      queue = queue.then(() => h.disconnect(event(connectionId, "$disconnect")).then(() => undefined));
      sockets.delete(connectionId);
    });
  });
  await new Promise<void>((resolve) => gateway.once("listening", () => resolve()));
});
afterAll(async () => {
  await new Promise((resolve) => gateway.close(resolve));
  await new Promise((resolve) => management.close(resolve));
  await api.close();
});
beforeEach(async () => {
  await api.reseed();
  fx ??= await loadCampaignFixture(api);
});

async function connect(actor?: Actor): Promise<Client> {
  const authorization = actor ? `Bearer ${await token(actor)}` : undefined;
  return createClient({
    url: `ws://127.0.0.1:${(gateway.address() as AddressInfo).port}`,
    webSocketImpl: WebSocket,
    connectionParams: authorization ? { authorization } : {},
    retryAttempts: 0,
    lazy: true,
  });
}

const until = async (check: () => boolean | Promise<boolean>, ms = 5000) => {
  for (const start = Date.now(); !(await check()) && Date.now() - start < ms; ) await new Promise((r) => setTimeout(r, 20));
};

/** The dispatcher's work, as its scheduled run does it: until the outbox is drained. */
async function dispatchAll(): Promise<void> {
  while ((await h.realtime.dispatchOnce()) > 0);
}

describe("a graphql-ws client against the AWS handlers", () => {
  it("subscribes, receives a published result, and an intermediate one only on the steering group's side", async () => {
    const anonymous = await connect();
    const steering = await connect(partnerOf(fx.steeringOrganisationIds[0]!));
    const received = { anonymous: [] as any[], steering: [] as any[] };
    const errors: unknown[] = [];
    try {
      const subscribed = async () => (await api.database.db.select().from(websocketSubscriptions)).length;
      anonymous.subscribe(
        { query: "subscription RtClientPublished { campaignResultPublished { id status } }" },
        { next: (v) => void received.anonymous.push(v.data), error: (e) => void errors.push(e), complete: () => {} },
      );
      steering.subscribe(
        { query: "subscription RtClientChanged { campaignResultChanged { id status } }" },
        { next: (v) => void received.steering.push(v.data), error: (e) => void errors.push(e), complete: () => {} },
      );
      await until(async () => (await subscribed()) === 2);
      expect(await subscribed()).toBe(2);

      const input = {
        campaignId: fx.campaignId,
        boardId: globalId("Board", fx.selectedBoardIds[0]!),
        kind: "TEMPLATE" as const,
        title: { nl: "Sjabloon" },
        theme: "Flexibel werken",
      };
      const id = (await api.ok(CREATE, { input }, { as: CONSULTANT })).createCampaignResult.result.id;
      await api.ok(PUBLISH, { input: { resultId: id, status: "INTERMEDIATE" } }, { as: CONSULTANT });
      await dispatchAll();
      await until(() => received.steering.length === 2);
      // The drafted and the intermediate event, each with the result as it is when dispatched.
      expect(received.steering.map((d) => d.campaignResultChanged)).toEqual([
        { id, status: "INTERMEDIATE" },
        { id, status: "INTERMEDIATE" },
      ]);
      expect(received.anonymous).toEqual([]);

      await api.ok(PUBLISH, { input: { resultId: id, status: "PUBLISHED" } }, { as: CONSULTANT });
      await dispatchAll();
      await until(() => received.anonymous.length === 1);
      expect(received.anonymous).toEqual([{ campaignResultPublished: { id, status: "PUBLISHED" } }]);
      expect(errors).toEqual([]);
    } finally {
      await Promise.all([anonymous.dispose(), steering.dispose()]);
    }
    // Closing the sockets ran $disconnect: nothing is left behind.
    const connections = async () => (await api.database.db.select().from(websocketConnections)).length;
    await until(async () => (await connections()) === 0);
    expect(await connections()).toBe(0);
  });
});
