// The GraphQL Lambda as API Gateway v2 runs it, for tests: functions/graphql.ts loaded under a
// stage's environment (through the Neon driver and a local WebSocket proxy on PostgreSQL, on
// PGlite in a folder otherwise), migrated first as a deploy does, and a fetch function that
// turns a Request into an API Gateway v2 event and the handler's result into a Response, so
// HTTP clients (graphql-http's audits, plain fetch calls) can drive it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from "aws-lambda";
import { vi } from "vitest";
import { createPostgresDatabase, TEST_DATABASE_URL } from "./db.js";
import { startWsProxy } from "./ws-proxy.js";

export type LambdaHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

export interface TestLambda {
  handler: LambdaHandler;
  /** `fetch` against the handler: the URL's host is ignored, its path and query are the route's. */
  fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

const lambdaContext = { awsRequestId: "aws-req", functionName: "GraphqlFunction", getRemainingTimeInMillis: () => 20_000 } as unknown as Context;

/**
 * Loads a fresh copy of the handler with `env` on top of a Lambda's environment (stage `dev`
 * unless `env` says otherwise). The handler reads its configuration when loaded; `close`
 * restores the environment and drops the copy.
 */
export async function startTestLambda(env: Record<string, string> = {}): Promise<TestLambda> {
  let cleanup: () => Promise<void>;
  vi.stubEnv("STAGE", "dev");
  vi.stubEnv("NODE_ENV", "production");
  vi.stubEnv("AWS_LAMBDA_FUNCTION_NAME", "GraphqlFunction");
  if (TEST_DATABASE_URL) {
    const created = await createPostgresDatabase(TEST_DATABASE_URL);
    const target = new URL(created.url);
    const proxy = await startWsProxy([`${target.hostname}:${target.port || 5432}`]);
    vi.stubEnv("DATABASE_DRIVER", "neon");
    vi.stubEnv("DATABASE_URL", created.url);
    vi.stubEnv("NEON_WS_PROXY", proxy.address);
    cleanup = async () => {
      await proxy.close();
      await created.drop();
    };
  } else {
    const dir = mkdtempSync(join(tmpdir(), "talent-lambda-"));
    vi.stubEnv("DATABASE_DRIVER", "pglite");
    vi.stubEnv("PGLITE_DIR", dir);
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  try {
    vi.resetModules();
    const migrate = await import("../../functions/migrate.js");
    await migrate.handler();
    const { handler } = (await import("../../functions/graphql.js")) as { handler: LambdaHandler };
    return {
      handler,
      fetch: async (input, init) => toResponse(await handler(await toEvent(new Request(input, init)), lambdaContext)),
      async close() {
        await cleanup();
        vi.unstubAllEnvs();
        // Test files share a worker's module cache (isolate: false): a later import of the
        // handler must not get this one, configured for a database that is gone.
        vi.resetModules();
      },
    };
  } catch (error) {
    await cleanup();
    vi.unstubAllEnvs();
    vi.resetModules();
    throw error;
  }
}

/** The event API Gateway v2 (payload format 2.0) sends for a request. */
export async function toEvent(request: Request): Promise<APIGatewayProxyEventV2> {
  const url = new URL(request.url);
  const method = request.method.toUpperCase();
  // API Gateway lowercases header names and joins repeated headers with commas, as Headers does.
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => (headers[name] = value));
  const body = request.body ? Buffer.from(await request.arrayBuffer()) : null;
  const routeKey = `${method} ${url.pathname}`;
  return {
    version: "2.0",
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    requestContext: {
      accountId: "123456789012",
      apiId: "api",
      domainName: url.host,
      domainPrefix: url.hostname.split(".")[0] ?? "api",
      http: { method, path: url.pathname, protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: headers["user-agent"] ?? "vitest" },
      requestId: `req-${Math.random().toString(36).slice(2)}`,
      routeKey,
      stage: "$default",
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    // Text bodies arrive as they are; API Gateway base64-encodes only binary ones.
    ...(body ? { body: body.toString("utf8"), isBase64Encoded: false } : { isBase64Encoded: false }),
  };
}

export function toResponse(result: APIGatewayProxyStructuredResultV2): Response {
  const status = result.statusCode ?? 200;
  const headers = new Headers();
  for (const [name, value] of Object.entries(result.headers ?? {})) headers.set(name, String(value));
  const body = result.body === undefined || status === 204 || status === 304 ? null : result.isBase64Encoded ? Buffer.from(result.body, "base64") : result.body;
  return new Response(body, { status, headers });
}
