// Starting servers as ops do: two processes started at once on one empty PostgreSQL database
// migrate and seed one after the other (an advisory lock), and a process that cannot prepare
// its database exits instead of lingering with /health at 503.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client.js";
import { BOARDS, ORGANISATIONS } from "../../db/seed/data.js";
import { createPostgresDatabase, onPostgres, TEST_DATABASE_URL } from "../helpers/db.js";
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
