// Starting servers as ops do: two processes started at once on one empty PostgreSQL database
// migrate and seed one after the other (an advisory lock), and a process that cannot prepare
// its database exits instead of lingering with /health at 503. `npm start` itself (the built
// server, with the embedded folder prepared beside it) gives a newcomer the full seed.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../db/client.js";
import { BOARDS, ORGANISATIONS } from "../../db/seed/data.js";
import { seedDatabase } from "../../db/seed/index.js";
import { createPostgresDatabase, createTestDatabase, onPostgres, TEST_DATABASE_URL } from "../helpers/db.js";
import { type ServerProcess, startServerProcess } from "../helpers/processes.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const started: ServerProcess[] = [];
const dropped: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(started.map((s) => s.stop()));
  for (const drop of dropped) await drop();
});

describe.runIf(onPostgres)("two servers starting at once on an empty database", () => {
  it("both come up, and the database is migrated and seeded exactly once", { timeout: 60_000 }, async () => {
    const { url, drop } = await createPostgresDatabase(TEST_DATABASE_URL!);
    dropped.push(drop);
    const env = { DATABASE_URL: url, STAGE: "test", OUTBOX_POLL_MS: "200" };
    const servers = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    started.push(...servers);
    const database = openDatabase({ driver: "pg", url });
    try {
      const count = async (table: string) => ((await database.db.execute(`select count(*)::int as n from ${table}`)) as unknown as { rows: { n: number }[] }).rows[0]!.n;
      expect(await count("boards")).toBe(BOARDS.length);
      expect(await count("organisations")).toBe(ORGANISATIONS.length);
      expect(await count("funding_agreements")).toBe(1);
      for (const server of servers) expect(server.output()).not.toMatch(/startup failed/);
    } finally {
      await database.close();
    }
  });
});

describe("a server that cannot prepare its database", () => {
  it("exits with a failure instead of answering 503 for ever", { timeout: 60_000 }, async () => {
    // A database that does not exist: the driver's connection fails during migration.
    const url = new URL(TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test");
    url.pathname = "/talent_no_such_database";
    const child = spawn(process.execPath, ["--import", "tsx", "functions/server.ts"], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DATABASE_URL: url.toString(), PORT: "0", STAGE: "test" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        resolve(null);
      }, 30_000);
      child.once("exit", (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    expect(code, output).toBe(1);
    expect(output).toMatch(/startup failed/);
    expect(output).not.toMatch(/GraphQL API ready/);
  });
});

// The PGlite run only: `npm start` without configuration always uses the embedded database.
describe.skipIf(onPostgres)("npm start on a fresh clone", () => {
  it("builds, prepares the folder, seeds it like seedDatabase, and restarts on it without seeding again", { timeout: 240_000 }, async () => {
    const { build, env, remove } = freshStart("clone");
    const reference = await createTestDatabase();
    try {
      const first = await runUntilReady(env);
      expect(first, first).toMatch(/seeded an empty database/);
      expect(readdirSync(build).filter((name) => name.startsWith(".pgdata-preparing-"))).toEqual([]);
      expect(existsSync(join(build, "server.mjs"))).toBe(true);

      await expectSeededLikeSources(env.PGLITE_DIR, reference.database);

      const second = await runUntilReady(env);
      expect(second, second).not.toMatch(/seeded an empty database/);
    } finally {
      await reference.close();
      remove();
    }
  });
});

describe.skipIf(onPostgres)("npm start after npm install prepared it", () => {
  it("takes the folder the install migrated, seeds it like seedDatabase, and uses it once", { timeout: 240_000 }, async () => {
    const { build, env, remove } = freshStart("prepared");
    const reference = await createTestDatabase();
    try {
      // What the postinstall script runs.
      const prepared = spawnSync(process.execPath, ["functions/start.mjs", "--prepare"], { cwd: ROOT, env: { ...process.env, ...env }, encoding: "utf8" });
      expect(prepared.status, prepared.stderr).toBe(0);
      expect(existsSync(join(build, "pgdata-ready", "PG_VERSION"))).toBe(true);
      expect(existsSync(join(build, "server.mjs"))).toBe(true);

      const first = await runUntilReady(env);
      expect(first, first).toMatch(/seeded an empty database/);
      // Renamed into place: it serves one first start.
      expect(existsSync(join(build, "pgdata-ready"))).toBe(false);
      await expectSeededLikeSources(env.PGLITE_DIR, reference.database);
    } finally {
      await reference.close();
      remove();
    }
  });

  it("ignores a prepared folder made for other migrations", { timeout: 240_000 }, async () => {
    const { build, env, remove } = freshStart("stale");
    try {
      // A folder that is not a database, marked as made from another journal: used, it would fail the start.
      mkdirSync(join(build, "pgdata-ready"));
      writeFileSync(join(build, "pgdata-ready", "PG_VERSION"), "not a database");
      writeFileSync(join(build, "pgdata-ready.json"), JSON.stringify({ pglite: "0.0.0", journal: "{}" }));
      const first = await runUntilReady(env);
      expect(first, first).toMatch(/seeded an empty database/);
      expect(existsSync(join(build, "pgdata-ready"))).toBe(false);
    } finally {
      remove();
    }
  });
});

/** A fresh embedded folder and build folder for one start, as on a new clone; `remove` deletes both. */
function freshStart(name: string) {
  const folder = mkdtempSync(join(tmpdir(), `talent-npm-start-${name}-`));
  mkdirSync(join(ROOT, "node_modules/.cache"), { recursive: true });
  const build = mkdtempSync(join(ROOT, "node_modules/.cache/talent-start-test-"));
  const env = { PGLITE_DIR: join(folder, "db"), TALENT_BUILD_DIR: build, MAIL_DIR: join(folder, "mail"), STORAGE_DIR: join(folder, "storage") };
  return {
    build,
    env,
    remove() {
      rmSync(folder, { recursive: true, force: true });
      rmSync(build, { recursive: true, force: true });
    },
  };
}

/** The started server's folder holds the rows `seedDatabase(reference, "sources")` writes, table by table. */
async function expectSeededLikeSources(pgliteDir: string, reference: Database): Promise<void> {
  await seedDatabase(reference, "sources");
  // A running server's outbox relay records where it has read up to; seeding does not.
  const { "public.outbox_checkpoints": _relayCursor, ...expected } = await rowCounts(reference);
  const started = openDatabase({ driver: "pglite", pgliteDir });
  try {
    const { "public.outbox_checkpoints": _startedRelayCursor, ...seeded } = await rowCounts(started);
    expect(seeded).toEqual(expected);
  } finally {
    await started.close();
  }
}

/** The number of rows of every table, and of applied migrations. */
async function rowCounts(database: Database): Promise<Record<string, number>> {
  const rows = async (query: string) => ((await database.db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;
  const tables = await rows(
    "select table_schema || '.' || table_name as name from information_schema.tables where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1",
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) counts[String(name)] = Number((await rows(`select count(*)::int as n from ${String(name)}`))[0]!.n);
  return counts;
}

/** Runs `npm start`'s command until /health answers 200, stops it (SIGTERM) and returns its output. */
async function runUntilReady(env: Record<string, string>): Promise<string> {
  const base = { ...process.env };
  for (const key of Object.keys(base))
    if (key.startsWith("VITEST") || ["NODE_OPTIONS", "TEST_DATABASE_URL", "DATABASE_URL", "DATABASE_DRIVER", "LOG_SQL"].includes(key)) delete base[key];
  const child = spawn(process.execPath, ["functions/start.mjs"], {
    cwd: ROOT,
    env: { ...base, PORT: "0", HOST: "127.0.0.1", STAGE: "test", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr.on("data", (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    const deadline = Date.now() + 180_000;
    for (;;) {
      const url = /GraphQL API ready at (http:\/\/\S+)\/graphql/.exec(output)?.[1];
      const status = url
        ? await fetch(`${url}/health`).then(
            (r) => r.status,
            () => 0,
          )
        : 0;
      if (status === 200) return output;
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`npm start did not get ready:\n${output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}
