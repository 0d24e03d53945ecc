// The Lambda handler behind API Gateway v2 (HTTP API): the same app as the local server, CORS
// included (API Gateway's own CORS is off, so that preflights and headers come from the stage's
// settings here, as on the local server).
// The Neon driver's WebSocket pool must not outlive an invocation (a frozen Lambda would hold
// dead sockets), so each invocation opens its own pool and closes it before returning.
import { AsyncLocalStorage } from "node:async_hooks";
import { handlers, startServerAndCreateLambdaHandler } from "@as-integrations/aws-lambda";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context as LambdaContext } from "aws-lambda";
import { sql } from "drizzle-orm";
import { connectDatabase } from "../db/connect.js";
import { type Database, databaseConfigFromEnv } from "../db/database.js";
import { isDownload, serveDownload } from "../schema/downloads.js";
import { linkSecret } from "../schema/mentoring/mentor-links.js";
import { createApp } from "../schema/server.js";
import { authConfigFromEnv } from "../schema/shared/auth.js";
import { mergeVary, NOT_CACHEABLE } from "../schema/shared/cache-control.js";
import { servicesFromEnv } from "../schema/shared/context.js";
import { corsHeaders, preflight } from "../schema/shared/settings.js";

const invocation = new AsyncLocalStorage<Database>();

function current(): Database {
  const database = invocation.getStore();
  if (!database) throw new Error("no database outside an invocation");
  return database;
}

/** The app sees one Database; behind it, each invocation's own pool. */
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

// Built once per container: configuration errors (such as the development secret in
// production) fail the cold start instead of a request.
const config = databaseConfigFromEnv();
// No relay: a Lambda serves no subscriptions, and a frozen container cannot poll.
const app = createApp({ database: perInvocation, auth: authConfigFromEnv(), relay: false });
// The mentors' link secret, the mailer and the object store are checked here too, not at the first
// registration or upload: production refuses to start without its own link secret, a SES mailer
// without MAIL_FROM, a folder store without a signing secret.
linkSecret();
servicesFromEnv();

// The integration's typings resolve @apollo/server's CommonJS declarations while this ESM code
// gets the ESM ones; they are the same class at run time, so the cast only bridges the typings.
const graphqlHandler = startServerAndCreateLambdaHandler(app.server as never, handlers.createAPIGatewayProxyEventV2RequestHandler(), {
  context: async ({ event }) =>
    app.createContext({
      authorization: event.headers.authorization ?? null,
      acceptLanguage: event.headers["accept-language"] ?? null,
      clientAddress: event.requestContext.http.sourceIp ?? null,
      requestId: event.requestContext.requestId,
    }),
});

export async function handler(event: APIGatewayProxyEventV2, context: LambdaContext): Promise<APIGatewayProxyStructuredResultV2> {
  const origin = event.headers.origin ?? null;
  if (event.requestContext.http.method === "OPTIONS") {
    const answer = preflight(app.settings.corsOrigins, origin);
    return { statusCode: answer.status, headers: answer.headers };
  }
  const result = await respond(event, context);
  const cors = corsHeaders(app.settings.corsOrigins, origin);
  const vary = mergeVary(result.headers?.vary as string | undefined, cors.vary);
  // What says nothing of caching is not cached: an answer Apollo gives before any plugin runs (a
  // refused token) or /health. The public catalogue's answers say public themselves.
  return { ...result, headers: { "cache-control": NOT_CACHEABLE, ...result.headers, ...cors, vary } };
}

async function respond(event: APIGatewayProxyEventV2, context: LambdaContext): Promise<APIGatewayProxyStructuredResultV2> {
  const database = await connectDatabase(config);
  try {
    return await invocation.run(database, async () => {
      if (event.rawPath === "/health") {
        await database.db.execute(sql`select 1`);
        return { statusCode: 200, headers: { "content-type": "application/json" }, body: JSON.stringify({ status: "ok" }) };
      }
      if (isDownload(event.rawPath)) {
        const download = await serveDownload(app, {
          path: event.rawPath,
          authorization: event.headers.authorization ?? null,
          acceptLanguage: event.headers["accept-language"] ?? null,
          clientAddress: event.requestContext.http.sourceIp ?? null,
          requestId: event.requestContext.requestId,
        });
        return { statusCode: download.status, headers: download.headers, body: download.body };
      }
      return (await graphqlHandler(event, context, () => {})) as APIGatewayProxyStructuredResultV2;
    });
  } finally {
    await database.close();
  }
}
