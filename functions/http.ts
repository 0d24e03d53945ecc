// The local server: GraphQL over HTTP (with the explorer for browsers) and over WebSocket
// (graphql-ws) on /graphql, and GET /health. It serves the app built by schema/server.ts.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { HeaderMap } from "@apollo/server";
import { type DocumentNode, GraphQLError, type GraphQLFormattedError, getOperationAST, getVariableValues, parse, specifiedRules, validate } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import { isDownload, serveDownload } from "../schema/downloads.js";
import { type App, errorLogFields } from "../schema/server.js";
import { mergeVary, NOT_CACHEABLE } from "../schema/shared/cache-control.js";
import { servicesFromEnv } from "../schema/shared/context.js";
import { badInput, maskError } from "../schema/shared/errors.js";
import { preferredMediaType } from "../schema/shared/graphql-over-http.js";
import { findHostileInput } from "../schema/shared/hostile-input.js";
import { costError, limitError, limitParseOptions } from "../schema/shared/limits.js";
import { withoutSuggestions, withoutSuggestionsError } from "../schema/shared/production.js";
import { corsHeaders, preflight } from "../schema/shared/settings.js";
import { FolderStore, type ObjectStore } from "../schema/shared/storage.js";

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
  /** The object store whose signed links /storage/* serves when it is a folder (the app's own; from the environment by default). */
  storage?: ObjectStore;
}

export async function startLocalServer(
  app: App,
  { port = 4000, host = "127.0.0.1", ready = Promise.resolve(), ping, storage = servicesFromEnv().storage }: LocalServerOptions,
): Promise<LocalServer> {
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
    const origin = headerValue(req, "origin");
    if (req.method === "OPTIONS") {
      const answer = preflight(app.settings.corsOrigins, origin);
      res.writeHead(answer.status, answer.headers);
      res.end();
      return;
    }
    for (const [name, value] of Object.entries(corsHeaders(app.settings.corsOrigins, origin))) res.setHeader(name, value);
    if (app.settings.explorer && (req.method === "GET" || req.method === "HEAD")) {
      if (url.pathname === "/graphql" && prefersHtml(headerValue(req, "accept"))) return serveExplorerFile(req, res, explorer().page, false);
      if (url.pathname.startsWith("/explorer/")) {
        const file = explorer().files.get(url.pathname.slice("/explorer/".length));
        if (file) return serveExplorerFile(req, res, file, url.searchParams.get("v") === file.version);
      }
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
    // The folder store's signed links: checked by their signature and expiry alone, as S3 checks its own.
    if (url.pathname.startsWith("/storage/") && storage instanceof FolderStore) return storage.serve(req, res, url);
    if (url.pathname !== "/graphql" && !(req.method === "GET" && isDownload(url.pathname))) {
      return send(res, 404, { error: "not found; GraphQL is at /graphql" });
    }
    if (!isReady) return send(res, 503, { errors: [{ message: "The API is starting", extensions: { code: "SERVICE_UNAVAILABLE" } }] });
    if (url.pathname !== "/graphql") {
      const downloadRequestId = headerValue(req, "x-request-id");
      const download = await serveDownload(app, {
        path: url.pathname,
        authorization: headerValue(req, "authorization"),
        acceptLanguage: headerValue(req, "accept-language"),
        clientAddress: req.socket.remoteAddress ?? null,
        requestId: downloadRequestId && REQUEST_ID.test(downloadRequestId) ? downloadRequestId : null,
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
          clientAddress: req.socket.remoteAddress ?? null,
          requestId: requestId && REQUEST_ID.test(requestId) ? requestId : null,
        }),
    });
    // Apollo's Vary (schema/shared/cache-control.ts) joins the CORS headers' instead of replacing
    // it. An answer Apollo gives before any plugin runs (a refused token, a GET without the
    // CSRF-prevention header, an unsupported method) says nothing of caching: it is not cacheable.
    for (const [key, value] of result.headers) res.setHeader(key, key === "vary" ? mergeVary(String(res.getHeader("vary") ?? ""), value) : value);
    if (!result.headers.has("cache-control")) res.setHeader("cache-control", NOT_CACHEABLE);
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
        if (errors.length) {
          const coded = withCode(errors, "GRAPHQL_VALIDATION_FAILED");
          return app.settings.suggestions ? coded : coded.map(withoutSuggestionsError);
        }
        const tooCostly = costError({ schema: app.schema, document, variables: payload.variables, operationName: payload.operationName }, limits);
        if (tooCostly) return [tooCostly];
        // What the hostile-input plugin refuses over HTTP (WebSocket operations skip Apollo).
        const operation = getOperationAST(document, payload.operationName);
        const hostile = operation && findHostileInput(document, operation, payload.variables);
        if (hostile) return [badInput(hostile.field, hostile.reason)];
        // Variables that fail coercion are the client's error, as Apollo answers them over HTTP.
        if (operation) {
          const coerced = getVariableValues(app.schema, operation.variableDefinitions ?? [], payload.variables ?? {}, { maxErrors: 20 });
          if (coerced.errors) {
            const coded = withCode(coerced.errors, "BAD_USER_INPUT");
            return app.settings.suggestions ? coded : coded.map(withoutSuggestionsError);
          }
        }
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
      onNext: (_ctx, _id, _payload, args, result) => {
        if (!result.errors?.length) return;
        const requestId = (args.contextValue as { requestId?: string } | undefined)?.requestId ?? null;
        return {
          ...result,
          errors: result.errors.map((e: GraphQLError): GraphQLFormattedError => {
            const masked = maskError(e.toJSON(), e, (original) => app.log({ level: "error", msg: "unexpected error", requestId, ...errorLogFields(original), path: e.path }));
            return app.settings.suggestions ? masked : withoutSuggestions(masked);
          }),
        };
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

// The explorer: GraphiQL from the project's own dependencies (graphiql's browser bundle on
// React's UMD builds), so that it works without internet on the user's side, unlike Apollo's
// landing page, which loads from Apollo's CDN. Served on GET /graphql to a browser (a request
// that prefers text/html), its files under /explorer/, read once on first use.

const JS = "text/javascript; charset=utf-8";
const requireHere = createRequire(import.meta.url);
const packageFile = (pkg: string, file: string) => join(dirname(requireHere.resolve(`${pkg}/package.json`)), file);

const EXPLORER_FILES: Record<string, { path: () => string; type: string }> = {
  "react.production.min.js": { path: () => packageFile("react", "umd/react.production.min.js"), type: JS },
  "react-dom.production.min.js": { path: () => packageFile("react-dom", "umd/react-dom.production.min.js"), type: JS },
  "graphiql.min.js": { path: () => packageFile("graphiql", "graphiql.min.js"), type: JS },
  "graphiql.min.css": { path: () => packageFile("graphiql", "graphiql.min.css"), type: "text/css; charset=utf-8" },
};

// Renders GraphiQL against the page's own URL: queries and mutations over HTTP, subscriptions
// over WebSocket (the headers editor's `authorization` becomes the connection's parameter).
// Headers, which hold tokens, are not kept in the browser's storage.
const EXPLORER_SCRIPT = `"use strict";
const url = location.origin + location.pathname;
const fetcher = GraphiQL.createFetcher({ url, subscriptionUrl: url.replace(/^http/, "ws") });
ReactDOM.createRoot(document.getElementById("graphiql")).render(
  React.createElement(GraphiQL, { fetcher, defaultEditorToolsVisibility: true, shouldPersistHeaders: false }),
);
`;

// Scripts and styles from this server only; GraphiQL's styling library injects <style> elements.
const EXPLORER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self' ws: wss:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

interface ExplorerFile {
  body: Buffer;
  type: string;
  /** A hash of the content: the ETag, and the `v` of the URLs the page uses, which are cached for good. */
  version: string;
}

let explorerFiles: { page: ExplorerFile; files: Map<string, ExplorerFile> } | null = null;

function explorer(): { page: ExplorerFile; files: Map<string, ExplorerFile> } {
  if (explorerFiles) return explorerFiles;
  const file = (body: Buffer, type: string): ExplorerFile => ({ body, type, version: createHash("sha256").update(body).digest("hex").slice(0, 16) });
  const files = new Map(Object.entries(EXPLORER_FILES).map(([name, { path, type }]) => [name, file(readFileSync(path()), type)] as const));
  files.set("explorer.js", file(Buffer.from(EXPLORER_SCRIPT), JS));
  const src = (name: string) => `/explorer/${name}?v=${files.get(name)!.version}`;
  const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Talent API explorer</title>
<link rel="stylesheet" href="${src("graphiql.min.css")}">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading the explorer…</div>
<script src="${src("react.production.min.js")}"></script>
<script src="${src("react-dom.production.min.js")}"></script>
<script src="${src("graphiql.min.js")}"></script>
<script src="${src("explorer.js")}"></script>
</body>
</html>
`;
  explorerFiles = { page: file(Buffer.from(page), "text/html; charset=utf-8"), files };
  return explorerFiles;
}

function prefersHtml(accept: string | null): boolean {
  return preferredMediaType(accept ?? "", ["application/json", "application/graphql-response+json", "text/html"]) === "text/html";
}

/**
 * The page or one of its files. A file asked for at the version the page names is cached for
 * good; anything else (the page itself, which names the versions) is revalidated by ETag.
 */
function serveExplorerFile(req: IncomingMessage, res: ServerResponse, file: ExplorerFile, forGood: boolean): void {
  const etag = `"${file.version}"`;
  res.setHeader("etag", etag);
  res.setHeader("cache-control", forGood ? "public, max-age=31536000, immutable" : "no-cache");
  res.setHeader("x-content-type-options", "nosniff");
  if (file.type.startsWith("text/html")) res.setHeader("content-security-policy", EXPLORER_CSP);
  if (req.headers["if-none-match"] === etag) {
    res.writeHead(304);
    res.end();
    return;
  }
  res.writeHead(200, { "content-type": file.type, "content-length": file.body.length });
  res.end(file.body);
}
