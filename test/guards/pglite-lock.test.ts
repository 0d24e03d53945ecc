// The embedded database's folder belongs to one process at a time (issue 7, severe 2). Two
// PGlite instances on one folder each keep their own buffers and overwrite each other's files:
// writes both confirmed are lost. A second server on a folder that a live process holds must
// refuse to start, naming the folder and the holder; a folder left by a crashed process
// (SIGKILL, so no clean-up ran) must still open, with what was written before the crash.
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client.js";
import { LOCK_FILE, lockFolder } from "../../db/folder-lock.js";
import { signDevToken } from "../../schema/shared/auth.js";
import { onPostgres } from "../helpers/db.js";
import { type ServerProcess, startServerProcess } from "../helpers/processes.js";

const folders: string[] = [];
const servers: ServerProcess[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), "talent-pglite-lock-"));
  folders.push(folder);
  return folder;
}

// NODE_ENV as `npm start` has it (vitest sets "test"): Apollo then handles SIGTERM itself too,
// and a clean stop must still close the database and release the folder.
const envFor = (folder: string) => ({ DATABASE_DRIVER: "pglite", PGLITE_DIR: folder, STAGE: "test", OUTBOX_POLL_MS: "200", NODE_ENV: "development" });

async function start(folder: string): Promise<ServerProcess> {
  const server = await startServerProcess(envFor(folder), { timeoutMs: 60_000 });
  servers.push(server);
  return server;
}

async function post(server: ServerProcess, query: string): Promise<unknown> {
  const admin = await signDevToken({ role: "ADMIN" });
  const response = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${admin}` }, body: JSON.stringify({ query }) });
  return response.json();
}

async function untilGone(pid: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`process ${pid} still exists`);
}

// The embedded database only: once per CI run is enough (the PostgreSQL run skips it).
describe.skipIf(onPostgres)("two server processes on one PGlite folder", () => {
  it("the second refuses to start, naming the folder and the holder's pid, and exits non-zero", { timeout: 120_000 }, async () => {
    const folder = tempFolder();
    const first = await start(folder);
    const started = Date.now();
    const second = await startServerProcess(envFor(folder), { timeoutMs: 60_000 }).then(
      (server) => {
        servers.push(server);
        return null;
      },
      (error: Error) => error.message,
    );
    expect(second, "the second server started on a folder the first holds").not.toBeNull();
    // It stops at once instead of migrating or answering.
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(second).toMatch(/server exited \(1\)/);
    expect(second).toMatch(/startup failed/);
    expect(second).toContain(folder);
    expect(second).toContain(`pid ${first.pid}`);
    expect(second).not.toMatch(/GraphQL API ready/);
    // The first is unharmed.
    expect(await post(first, "{ viewer { role } }")).toEqual({ data: { viewer: { role: "ADMIN" } } });
    await first.stop();
    // A clean stop leaves nothing behind.
    expect(existsSync(join(folder, "talent-api.lock"))).toBe(false);
  });

  it("a folder left by a crashed process opens, with what was written before the crash", { timeout: 120_000 }, async () => {
    const folder = tempFolder();
    const first = await start(folder);
    const created = await post(first, `mutation { createBoard(input: { name: "Na de crash", kind: OTHER, province: LIMBURG, population: 12 }) { board { id name } } }`);
    expect(created).toMatchObject({ data: { createBoard: { board: { name: "Na de crash" } } } });
    const id = (created as { data: { createBoard: { board: { id: string } } } }).data.createBoard.board.id;

    process.kill(first.pid, "SIGKILL");
    await untilGone(first.pid);
    // No clean-up ran: the lock file still names the dead process.
    expect(readFileSync(join(folder, "talent-api.lock"), "utf8")).toContain(`"pid":${first.pid}`);

    const next = await start(folder);
    expect(await post(next, `{ node(id: "${id}") { ... on Board { name } } }`)).toEqual({ data: { node: { name: "Na de crash" } } });
    expect(readFileSync(join(folder, "talent-api.lock"), "utf8")).toContain(`"pid":${next.pid}`);
  });
});

describe.skipIf(onPostgres)("one process", () => {
  it("does not open a folder it already has open, and opens it again once closed", async () => {
    const folder = tempFolder();
    const database = openDatabase({ driver: "pglite", pgliteDir: folder });
    try {
      expect(() => openDatabase({ driver: "pglite", pgliteDir: join(folder, ".") })).toThrow(new RegExp(`${folder.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}.*pid ${process.pid}`));
    } finally {
      await database.close();
    }
    expect(existsSync(join(folder, "talent-api.lock"))).toBe(false);
    const again = openDatabase({ driver: "pglite", pgliteDir: folder });
    await again.close();
  });
});

describe("lock files left behind", () => {
  const onLinux = existsSync("/proc/self/stat");
  const startTime = (pid: number) => {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  };
  const leave = (folder: string, holder: object | string) =>
    writeFileSync(join(folder, LOCK_FILE), typeof holder === "string" ? holder : JSON.stringify({ token: "t", since: "2026-01-01T00:00:00Z", ...holder }));

  it.runIf(onLinux)("a live holder is respected however old its file", () => {
    const folder = tempFolder();
    // The test runner's parent: alive, and not this process.
    leave(folder, { pid: process.ppid, hostname: hostname(), startTime: startTime(process.ppid) });
    expect(() => lockFolder(folder)).toThrow(`pid ${process.ppid}`);
  });

  it.runIf(onLinux)("a pid now used by another process, an earlier process with this pid, and a half-written file are stale", () => {
    const folder = tempFolder();
    for (const holder of [{ pid: process.ppid, hostname: hostname(), startTime: "1" }, { pid: process.pid, hostname: hostname(), startTime: null }, '{"pid":']) {
      leave(folder, holder);
      // Older than a write in progress could be.
      utimesSync(join(folder, LOCK_FILE), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
      const release = lockFolder(folder);
      expect(JSON.parse(readFileSync(join(folder, LOCK_FILE), "utf8"))).toMatchObject({ pid: process.pid, hostname: hostname() });
      release();
      expect(existsSync(join(folder, LOCK_FILE))).toBe(false);
    }
  });

  it("a holder on another host cannot be checked: refused, saying which file to remove", () => {
    const folder = tempFolder();
    leave(folder, { pid: 1, hostname: "elsewhere.example", startTime: null });
    expect(() => lockFolder(folder)).toThrow(`remove ${join(folder, LOCK_FILE)}`);
  });
});
