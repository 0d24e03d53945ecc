// GraphQL subscriptions on AWS (infra/realtime.ts): the API Gateway WebSocket API's three routes
// and the dispatcher that a Cron runs every minute. The protocol and the storage are
// schema/partners/realtime.ts; this file is the Lambda glue: events in, the management API out,
// and one database pool per invocation (a frozen Lambda must not hold sockets).
import { AsyncLocalStorage } from "node:async_hooks";
import { ApiGatewayManagementApiClient, DeleteConnectionCommand, GoneException, PostToConnectionCommand } from "@aws-sdk/client-apigatewaymanagementapi";
import type { Context as LambdaContext } from "aws-lambda";
import { connectDatabase } from "../db/connect.js";
import { type Database, databaseConfigFromEnv } from "../db/database.js";
import { type Gateway, Realtime, type RealtimeApp } from "../schema/partners/realtime.js";
import { createApp, jsonLog } from "../schema/server.js";
import { authConfigFromEnv } from "../schema/shared/auth.js";

/** The part of API Gateway's WebSocket event the handlers read. */
export interface WebSocketEvent {
  requestContext: { connectionId: string; routeKey?: string; requestId?: string };
  headers?: Record<string, string | undefined> | null;
  body?: string | null;
  isBase64Encoded?: boolean;
}

export interface WebSocketResult {
  statusCode: number;
  headers?: Record<string, string>;
  body?: string;
}

const isGone = (error: unknown): boolean =>
  error instanceof GoneException ||
  (error as { name?: string })?.name === "GoneException" ||
  (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode === 410;

/** Messages through API Gateway's management API (`https://{api}.execute-api.{region}.amazonaws.com/{stage}`). */
export function managementGateway(client: ApiGatewayManagementApiClient): Gateway {
  return {
    async post(connectionId, message) {
      try {
        await client.send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: new TextEncoder().encode(JSON.stringify(message)) }));
        return true;
      } catch (error) {
        if (isGone(error)) return false;
        throw error;
      }
    },
    async close(connectionId) {
      try {
        await client.send(new DeleteConnectionCommand({ ConnectionId: connectionId }));
      } catch (error) {
        if (!isGone(error)) throw error;
      }
    },
  };
}

export interface RealtimeHandlers {
  connect(event: WebSocketEvent): Promise<WebSocketResult>;
  disconnect(event: WebSocketEvent): Promise<WebSocketResult>;
  message(event: WebSocketEvent): Promise<WebSocketResult>;
  /** Dispatches outbox batches until nothing is new and `until` has passed (polling every `pollMs` meanwhile); returns the events read. */
  dispatch(until: number, pollMs?: number): Promise<number>;
  realtime: Realtime;
}

/** The handlers over one app, database and gateway (tests pass their own). */
export function createRealtimeHandlers({ app, database, gateway }: { app: RealtimeApp; database: Database; gateway: Gateway }): RealtimeHandlers {
  const realtime = new Realtime({ app, database, gateway });
  return {
    realtime,
    connect: (event) => realtime.connect(event.requestContext.connectionId, event.headers),
    async disconnect(event) {
      await realtime.disconnect(event.requestContext.connectionId);
      return { statusCode: 200 };
    },
    async message(event) {
      const body = event.isBase64Encoded && event.body ? Buffer.from(event.body, "base64").toString("utf8") : event.body;
      await realtime.message(event.requestContext.connectionId, body);
      return { statusCode: 200 };
    },
    async dispatch(until, pollMs = 1000) {
      let total = 0;
      for (;;) {
        const read = await realtime.dispatchOnce();
        total += read;
        if (Date.now() >= until) return total;
        if (read === 0) await new Promise((resolve) => setTimeout(resolve, Math.min(pollMs, Math.max(0, until - Date.now()))));
      }
    },
  };
}

// ---- Lambda entry points ----

const invocation = new AsyncLocalStorage<Database>();

function current(): Database {
  const database = invocation.getStore();
  if (!database) throw new Error("no database outside an invocation");
  return database;
}

/** The app sees one Database; behind it, each invocation's own pool (as functions/graphql.ts). */
const perInvocation: Database = {
  get driver() {
    return current().driver;
  },
  get db() {
    return current().db;
  },
  withObserver: (onQuery) => current().withObserver(onQuery),
  close: async () => {},
};

let lambda: { handlers: RealtimeHandlers; config: ReturnType<typeof databaseConfigFromEnv> } | null = null;

/** Built on first use from the environment: REALTIME_ENDPOINT is the stage's management endpoint. */
function lambdaHandlers() {
  if (lambda) return lambda;
  const endpoint = process.env.REALTIME_ENDPOINT;
  if (!endpoint) throw new Error("REALTIME_ENDPOINT is required: the WebSocket API's management endpoint");
  const app = createApp({ database: perInvocation, auth: authConfigFromEnv(), relay: false });
  const gateway = managementGateway(new ApiGatewayManagementApiClient({ endpoint }));
  lambda = { handlers: createRealtimeHandlers({ app, database: perInvocation, gateway }), config: databaseConfigFromEnv() };
  return lambda;
}

async function withDatabase<T>(work: (handlers: RealtimeHandlers) => Promise<T>): Promise<T> {
  const { handlers, config } = lambdaHandlers();
  const database = await connectDatabase(config);
  try {
    return await invocation.run(database, () => work(handlers));
  } finally {
    await database.close();
  }
}

export const connect = (event: WebSocketEvent) => withDatabase((h) => h.connect(event));
export const disconnect = (event: WebSocketEvent) => withDatabase((h) => h.disconnect(event));
/** $default: every protocol message. */
export const message = (event: WebSocketEvent) => withDatabase((h) => h.message(event));

/** How long one dispatcher run keeps polling (the Cron starts one every minute; its timeout is 60 s). */
export const DISPATCH_MS = 55_000;

/** The Cron's dispatcher: posts new outbox events to the subscriptions they match for ~55 s. */
export async function dispatch(_event?: unknown, context?: Pick<LambdaContext, "getRemainingTimeInMillis">): Promise<{ events: number }> {
  const started = Date.now();
  const until = Math.min(started + DISPATCH_MS, context ? started + context.getRemainingTimeInMillis() - 3_000 : Number.POSITIVE_INFINITY);
  const events = await withDatabase((h) => h.dispatch(until));
  jsonLog({ level: "info", msg: "realtime dispatched", events, ms: Date.now() - started });
  return { events };
}
