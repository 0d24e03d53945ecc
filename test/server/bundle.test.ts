// The artifact Lambda runs: functions/graphql.ts bundled with the options SST deploys with
// (infra/lambda-build.ts: ESM, minified, split into chunks, SST's createRequire banner, the stubs of
// what Lambda never runs), invoked through the Neon driver against PostgreSQL. Catches what only
// bundling breaks: CommonJS interop, dynamic requires, files read at run time, and a stub that
// something does use after all. What the bundle holds is test/server/bundle-contents.test.ts.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { lambdaBuildOptions } from "../../infra/lambda-build.js";
import { createPostgresDatabase, TEST_DATABASE_URL } from "../helpers/db.js";
import { startWsProxy, type WsProxy } from "../helpers/ws-proxy.js";

describe.runIf(Boolean(TEST_DATABASE_URL))("the bundled GraphQL Lambda", () => {
  let outdir: string;
  let proxy: WsProxy;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    outdir = mkdtempSync(join(tmpdir(), "talent-bundle-"));
    await build(lambdaBuildOptions(["functions/graphql.ts", "functions/migrate.ts"], outdir));
    const created = await createPostgresDatabase(TEST_DATABASE_URL!);
    drop = created.drop;
    const target = new URL(created.url);
    proxy = await startWsProxy([`${target.hostname}:${target.port || 5432}`]);
    vi.stubEnv("STAGE", "pr-1");
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("AWS_LAMBDA_FUNCTION_NAME", "GraphqlFunction");
    vi.stubEnv("DATABASE_URL", created.url);
    vi.stubEnv("NEON_WS_PROXY", proxy.address);
    // The deployed migrator finds the SQL files copied beside it (infra's copyFiles).
    vi.stubEnv("MIGRATIONS_DIR", join(process.cwd(), "db/migrations"));
  });

  afterAll(async () => {
    vi.unstubAllEnvs();
    await proxy?.close();
    await drop?.();
    rmSync(outdir, { recursive: true, force: true });
  });

  it("migrates and answers a query from its bundle", async () => {
    expect(statSync(join(outdir, "graphql.mjs")).size).toBeGreaterThan(100_000);
    const migrate = await import(pathToFileURL(join(outdir, "migrate.mjs")).href);
    expect(await migrate.handler()).toMatchObject({ migrated: true, driver: "neon" });
    const { handler } = await import(pathToFileURL(join(outdir, "graphql.mjs")).href);
    const result = await handler(
      {
        version: "2.0",
        routeKey: "POST /graphql",
        rawPath: "/graphql",
        rawQueryString: "",
        headers: { "content-type": "application/json" },
        requestContext: { http: { method: "POST", path: "/graphql", protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: "t" }, requestId: "r1" },
        body: JSON.stringify({ query: "{ boards { totalCount } viewer { role } }" }),
        isBase64Encoded: false,
      },
      { getRemainingTimeInMillis: () => 20_000 },
    );
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body)).toEqual({ data: { boards: { totalCount: 0 }, viewer: { role: "ANONYMOUS" } } });
  });
});
