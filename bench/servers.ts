// The three servers the benchmark loads, each a child process of its own on the benchmark
// database: ours (functions/server.ts, as `npm start` runs it) and PostGraphile 4 and 5 from their
// own folders, so that their graphql copy never meets ours. Each PostGraphile counts the
// statements it sends and answers the count at GET /stats.

import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, openSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export type ServerName = "ours" | "pg4" | "pg5";

export interface RunningServer {
  name: ServerName;
  label: string;
  url: string;
  /** Where its stdout and stderr go (ours logs one line per operation). */
  logFile: string;
  /** Statements sent so far (PostGraphile only). */
  statements?: () => Promise<number>;
  stop(): Promise<void>;
}

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BENCH = fileURLToPath(new URL(".", import.meta.url));

export const LABELS: Record<ServerName, string> = { ours: "ours", pg4: "PostGraphile 4", pg5: "PostGraphile 5" };

/** Installs a PostGraphile folder's locked dependencies when its node_modules is missing. */
export function ensureInstalled(folder: "postgraphile4" | "postgraphile5"): void {
  const dir = join(BENCH, folder);
  if (existsSync(join(dir, "node_modules"))) return;
  console.error(`installing ${folder} (npm ci)...`);
  execFileSync("npm", ["ci", "--prefix", dir, "--no-audit", "--no-fund"], { stdio: ["ignore", "ignore", "inherit"] });
}

export async function startServer(name: ServerName, databaseUrl: string, port: number): Promise<RunningServer> {
  const logFile = join(tmpdir(), `talent-bench-${name}.log`);
  const out = openSync(logFile, "w");
  let child: ChildProcess;
  // All three in production mode (graphql-js, which ours and PostGraphile both use, skips its
  // development checks there); ours then wants a storage signing secret of its own.
  const env = {
    ...process.env,
    NODE_ENV: "production",
    ...(name === "ours" ? { STORAGE_SIGNING_SECRET: "bench-only-signing-secret-0123456789abcdef" } : {}),
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: "127.0.0.1",
  };
  if (name === "ours") {
    // As `npm start` runs it: compiled by esbuild (functions/start.mjs), not through tsx's loader.
    child = spawn(process.execPath, ["functions/start.mjs"], { cwd: ROOT, env, stdio: ["ignore", out, out] });
  } else if (name === "pg4") {
    child = spawn(process.execPath, ["server.mjs"], { cwd: join(BENCH, "postgraphile4"), env, stdio: ["ignore", out, out] });
  } else {
    child = spawn(process.execPath, ["--import", "./polyfill.mjs", "server.mjs"], { cwd: join(BENCH, "postgraphile5"), env, stdio: ["ignore", out, out] });
  }
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}/graphql`;
  await waitUntilServing(url, exited, logFile, name);
  return {
    name,
    label: LABELS[name],
    url,
    logFile,
    statements:
      name === "ours"
        ? undefined
        : async () => {
            const response = await fetch(`http://127.0.0.1:${port}/stats`);
            return ((await response.json()) as { statements: number }).statements;
          },
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      const timeout = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timeout);
    },
  };
}

/** Polls with a trivial query until the server answers it (PostGraphile builds its schema first). */
async function waitUntilServing(url: string, exited: Promise<number | null>, logFile: string, name: ServerName): Promise<void> {
  let gone: number | null | undefined;
  void exited.then((code) => {
    gone = code;
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (gone !== undefined) throw new Error(`${name} exited with ${gone} before serving; see ${logFile}`);
    try {
      const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ __typename }" }) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} did not serve within 120 s; see ${logFile}`);
}
