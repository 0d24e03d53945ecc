// How long a newcomer waits for `npm start`: the time from running the command until GET /health
// answers 200, on a fresh embedded database after `npm install` (whose postinstall builds our
// code and prepares a migrated folder: `node functions/start.mjs --prepare`, run untimed here as
// install runs it; the start then seeds the sources), again on the same folder (a restart), and a
// first start with nothing prepared (the build, PGlite's initdb and the migrations all in it,
// as when the prepared folder was used up or is stale). Each run uses a temporary PGLITE_DIR and build folder and a free port, so it
// neither touches the repository's .data/ nor collides with a running server. Figures are
// medians over the runs; `tsx bench/startup.ts [runs]` prints them. The machine's other work
// shows in them: compare figures taken at the same load.

import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

export interface StartupFigures {
  firstStartMs: number;
  restartMs: number;
  /** A first start with nothing prepared by the install. */
  unpreparedFirstStartMs: number;
  runs: number;
}

const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** A start that takes longer than this is reported as a failure, not waited for. */
const START_TIMEOUT_MS = 120_000;
const POLL_MS = 20;

export async function measureStartup({ runs = 3 }: { runs?: number } = {}): Promise<StartupFigures> {
  const first: number[] = [];
  const again: number[] = [];
  const unprepared: number[] = [];
  for (let run = 0; run < runs; run++) {
    const folder = mkdtempSync(join(tmpdir(), "talent-startup-"));
    // The build folder starts empty too, as after `npm ci`, so a first start builds the code. It
    // must sit inside the project, where the bundle's imports find node_modules.
    mkdirSync(join(ROOT, "node_modules/.cache"), { recursive: true });
    const build = mkdtempSync(join(ROOT, "node_modules/.cache/talent-startup-bench-"));
    try {
      const env = { PGLITE_DIR: join(folder, "db"), TALENT_BUILD_DIR: build, MAIL_DIR: join(folder, "mail"), STORAGE_DIR: join(folder, "storage") };
      unprepared.push(await timeStart(env));
      rmSync(join(folder, "db"), { recursive: true, force: true });
      rmSync(build, { recursive: true, force: true });
      mkdirSync(build);
      await prepareAsInstallDoes(env);
      first.push(await timeStart(env));
      again.push(await timeStart(env));
    } finally {
      rmSync(folder, { recursive: true, force: true });
      rmSync(build, { recursive: true, force: true });
    }
  }
  return { firstStartMs: median(first), restartMs: median(again), unpreparedFirstStartMs: median(unprepared), runs };
}

/** What `npm install`'s postinstall does, into this run's build folder. */
async function prepareAsInstallDoes(extraEnv: Record<string, string>): Promise<void> {
  const child = spawn(process.execPath, ["functions/start.mjs", "--prepare"], { cwd: ROOT, env: { ...process.env, ...extraEnv }, stdio: "inherit" });
  const code = await new Promise<number | null>((done) => child.once("exit", done));
  if (code !== 0) throw new Error(`functions/start.mjs --prepare exited with ${code}`);
}

/** Runs `npm start`, waits for /health to answer 200, stops it with SIGINT and waits for its exit. */
async function timeStart(extraEnv: Record<string, string>): Promise<number> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, ...extraEnv, PORT: String(port), HOST: "127.0.0.1", STAGE: "development" };
  // The embedded database is what a newcomer gets: nothing of the shell's driver or test settings.
  for (const key of ["DATABASE_URL", "DATABASE_DRIVER", "TEST_DATABASE_URL", "NEON_WS_PROXY", "NODE_OPTIONS", "LOG_SQL"]) delete env[key];
  for (const key of Object.keys(env)) if (key.startsWith("VITEST")) delete env[key];

  const started = performance.now();
  // A process group of its own, so that stopping it reaches every process of it, as Ctrl-C in a
  // terminal does: npm's shell does not pass a SIGINT sent to npm alone on to the server.
  const child = spawn("npm", ["start", "--silent"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
  let gone = false;
  void exited.then(() => (gone = true));

  try {
    for (;;) {
      if (gone) throw new Error(`npm start exited before /health answered 200:\n${output}`);
      if (performance.now() - started > START_TIMEOUT_MS) throw new Error(`/health did not answer 200 within ${START_TIMEOUT_MS} ms:\n${output}`);
      const status = await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200) return performance.now() - started;
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  } finally {
    await stop(child, exited);
  }
}

/**
 * SIGINT to the process group, as Ctrl-C sends it, and a wait until the server has closed its
 * database: the next start must find the folder free. npm itself may exit before the server does,
 * so the group is asked until none of it is left.
 */
async function stop(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  const group = -child.pid!;
  if (!signalGroup(group, "SIGINT")) return;
  const deadline = performance.now() + 15_000;
  await exited;
  while (signalGroup(group, 0)) {
    if (performance.now() > deadline) {
      signalGroup(group, "SIGKILL");
      break;
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** Sends `signal` to the process group; false when no process of it is left. */
function signalGroup(group: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(group, signal);
    return true;
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return Math.round(value);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const runs = Number(process.argv[2] ?? 3);
  const figures = await measureStartup({ runs });
  console.log(
    `npm start, medians of ${figures.runs} runs: first start after install ${figures.firstStartMs} ms, restart ${figures.restartMs} ms, first start with nothing prepared ${figures.unpreparedFirstStartMs} ms`,
  );
}
