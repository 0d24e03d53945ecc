// The local server: GraphQL over HTTP (with the explorer for browsers) and over WebSocket
// (graphql-ws) on /graphql, and GET /health. It serves the app built by schema/server.ts.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { HeaderMap } from "@apollo/server";
import { GraphQLError, parse, specifiedRules, validate, type DocumentNode, type GraphQLFormattedError } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import { isDownload, serveDownload } from "../schema/downloads.js";
import type { App } from "../schema/server.js";
import { maskError } from "../schema/shared/errors.js";
import { costError, limitError, limitParseOptions } from "../schema/shared/limits.js";

const MAX_BODY_BYTES = 1_000_000;
const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

export interface LocalServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface LocalServerOptions {
  port?: number;
  host?: string;
  /** Resolves when the database is migrated and seeded; until then /health and /graphql answer 503. */
  ready?: Promise<unknown>;
  /** Checks the database for /health. */
  ping: () => Promise<void>;
}

export async function startLocalServer(app: App, { port = 4000, host = "127.0.0.1", ready = Promise.resolve(), ping }: LocalServerOptions): Promise<LocalServer> {
  let isReady = false;
  ready.then(
    () => (isReady = true),
    (error: unknown) => app.log({ level: "error", msg: "startup failed", name: (error as Error)?.name, message: String((error as Error)?.message) }),
  );
  await app.server.start();

  const httpServer = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      app.log({ level: "error", msg: "request failed", name: (error as Error)?.name });
      if (!res.headersSent) send(res, 500, { errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    res.setHeader("access-control-allow-origin", "*");
    if (req.method === "OPTIONS") {
      res.writeHead(204, {
        "access-control-allow-methods": "GET, POST, OPTIONS",
        "access-control-allow-headers": "authorization, content-type, accept-language, apollo-require-preflight, x-request-id",
        "access-control-max-age": "600",
      });
      res.end();
      return;
    }
    if (url.pathname === "/health") {
      if (!isReady) return send(res, 503, { status: "starting" });
      try {
        await ping();
        return send(res, 200, { status: "ok" });
      } catch {
        return send(res, 503, { status: "database unavailable" });
      }
    }
    if (url.pathname !== "/graphql" && !(req.method === "GET" && isDownload(url.pathname))) {
      return send(res, 404, { error: "not found; GraphQL is at /graphql" });
    }
    if (!isReady) return send(res, 503, { errors: [{ message: "The API is starting", extensions: { code: "SERVICE_UNAVAILABLE" } }] });
    if (url.pathname !== "/graphql") {
      const download = await serveDownload(app, {
        path: url.pathname,
        authorization: headerValue(req, "authorization"),
        acceptLanguage: headerValue(req, "accept-language"),
      });
      res.writeHead(download.status, download.headers);
      res.end(download.body);
      return;
    }

    const requestId = headerValue(req, "x-request-id");
    const body = await readBody(req);
    if (body === null) return send(res, 413, { errors: [{ message: "The request body is too large", extensions: { code: "BAD_REQUEST" } }] });
    let parsed: unknown;
    if (body.length && (req.headers["content-type"] ?? "").includes("application/json")) {
      try {
        parsed = JSON.parse(body);
      } catch {
        return send(res, 400, { errors: [{ message: "The request body is not valid JSON", extensions: { code: "BAD_REQUEST" } }] });
      }
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    const result = await app.server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? "GET", headers, search: url.search, body: parsed ?? body },
      context: () =>
        app.createContext({
          authorization: headerValue(req, "authorization"),
          acceptLanguage: headerValue(req, "accept-language"),
          requestId: requestId && REQUEST_ID.test(requestId) ? requestId : null,
        }),
    });
    for (const [key, value] of result.headers) res.setHeader(key, value);
    res.statusCode = result.status ?? 200;
    if (result.body.kind === "complete") {
      res.end(result.body.string);
    } else {
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    }
  }

  // WebSocket: the same limits as HTTP on every operation, plus what a connection and an actor
  // may hold. A message over the size limit closes the connection (1009, by ws).
  const limits = app.settings.limits;
  const wsServer = new WebSocketServer({ server: httpServer, path: "/graphql", maxPayload: limits.wsMaxPayloadBytes });
  // Open connections per actor: by token subject, anonymous ones by remote address.
  const connectionsPerActor = new Map<string, number>();
  const actorOfConnection = new WeakMap<object, string>();
  const wsCleanup = useServer(
    {
      schema: app.schema,
      // A connection authenticates once, from connection_init's payload; a bad token closes it
      // (4403), and so does one connection too many for its actor (1008, policy violation).
      onConnect: async (ctx) => {
        if (!isReady) return false;
        let actorKey: string;
        try {
          const { actor } = await app.createContext({ authorization: stringParam(ctx.connectionParams?.authorization) });
          actorKey = "subject" in actor ? `subject:${actor.subject}` : `address:${ctx.extra.request.socket.remoteAddress ?? "unknown"}`;
        } catch {
          return false;
        }
        // Closed while authenticating: onClose has run already, so it must not be counted.
        if (ctx.extra.socket.readyState !== ctx.extra.socket.OPEN) return false;
        const open = connectionsPerActor.get(actorKey) ?? 0;
        if (open >= limits.wsMaxConnectionsPerActor) {
          ctx.extra.socket.close(WS_TOO_MANY_CONNECTIONS, `Too many connections (at most ${limits.wsMaxConnectionsPerActor} per user)`);
          return false;
        }
        connectionsPerActor.set(actorKey, open + 1);
        actorOfConnection.set(ctx, actorKey);
        return true;
      },
      onClose: (ctx) => {
        const actorKey = actorOfConnection.get(ctx);
        if (actorKey === undefined) return;
        actorOfConnection.delete(ctx);
        const open = (connectionsPerActor.get(actorKey) ?? 1) - 1;
        if (open > 0) connectionsPerActor.set(actorKey, open);
        else connectionsPerActor.delete(actorKey);
      },
      // The same checks as over HTTP, with the same codes, before anything runs: the parser's
      // token limit, the specification's rules plus the app's (depth, aliases, directives,
      // introspection), the cost; and the operations this connection has open.
      onSubscribe: async (ctx, _id, payload) => {
        // graphql-ws has registered this operation already, so it is counted.
        const operations = Object.keys(ctx.subscriptions).length;
        if (operations > limits.wsMaxSubscriptionsPerConnection) {
          return [
            limitError("subscriptions", `This connection has ${limits.wsMaxSubscriptionsPerConnection} operations open already, the most it may have.`, {
              requested: operations,
              limit: limits.wsMaxSubscriptionsPerConnection,
            }),
          ];
        }
        let document: DocumentNode;
        try {
          document = parse(payload.query, limitParseOptions(limits));
        } catch (error) {
          return withCode([error as GraphQLError], "GRAPHQL_PARSE_FAILED");
        }
        const errors = validate(app.schema, document, [...specifiedRules, ...app.validationRules]);
        if (errors.length) return withCode(errors, "GRAPHQL_VALIDATION_FAILED");
        const tooCostly = costError({ schema: app.schema, document, variables: payload.variables, operationName: payload.operationName }, limits);
        if (tooCostly) return [tooCostly];
        return {
          schema: app.schema,
          document,
          variableValues: payload.variables,
          operationName: payload.operationName,
          contextValue: await app.createContext({
            authorization: stringParam(ctx.connectionParams?.authorization),
            acceptLanguage: ctx.extra.request.headers["accept-language"] ?? null,
          }),
        };
      },
      onNext: (_ctx, _id, _payload, _args, result) => {
        if (!result.errors?.length) return;
        return { ...result, errors: result.errors.map((e: GraphQLError): GraphQLFormattedError => maskError(e.toJSON(), e)) };
      },
    },
    wsServer,
  );

  await new Promise<void>((resolve) => httpServer.listen(port, host, resolve));
  const actualPort = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://${host === "0.0.0.0" ? "localhost" : host}:${actualPort}/graphql`,
    port: actualPort,
    async close() {
      await wsCleanup.dispose();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
      await closeServer(httpServer);
      await app.server.stop();
    },
  };
}

function headerValue(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

function stringParam(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

/** WebSocket close code for a connection over WS_MAX_CONNECTIONS_PER_ACTOR: policy violation. */
const WS_TOO_MANY_CONNECTIONS = 1008;

/** The code Apollo gives the same errors over HTTP, for a WebSocket client. */
function withCode(errors: readonly GraphQLError[], code: string): GraphQLError[] {
  return errors.map((e) =>
    e.extensions.code
      ? e
      : new GraphQLError(e.message, { nodes: e.nodes, source: e.source, positions: e.positions, originalError: e.originalError, extensions: { ...e.extensions, code } }),
  );
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
