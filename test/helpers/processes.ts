// Runs the local server (functions/server.ts) as a child process, the way `npm start` does, for
// tests that need several server processes on one database. It listens on a port of its own
// choosing (PORT=0) and reports it in its "ready" log line; `stop` ends it and waits for its exit.
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export interface ServerProcess {
  /** http://127.0.0.1:<port>/graphql */
  url: string;
  pid: number;
  /** Everything it wrote so far, stdout and stderr, for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const running = new Set<ChildProcess>();

// A test run that dies (or forgets afterAll) must not leave servers holding the database.
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/**
 * Starts `node --import tsx functions/server.ts` with `env` on top of a clean environment and
 * resolves once it logs that it is ready and answers 200 on /health.
 */
export async function startServerProcess(env: Record<string, string>, { timeoutMs = 30_000 } = {}): Promise<ServerProcess> {
  const base = { ...process.env };
  // Nothing of the test runner's own settings, nor a driver or token setting of the shell.
  for (const key of Object.keys(base)) {
    if (
      key.startsWith("VITEST") ||
      ["NODE_OPTIONS", "TEST_DATABASE_URL", "DATABASE_DRIVER", "PGLITE_DIR", "NEON_WS_PROXY", "AUTH_JWKS_URL", "DEV_JWT_SECRET", "LOG_SQL"].includes(key)
    )
      delete base[key];
  }
  const child = spawn(process.execPath, ["--import", "tsx", "functions/server.ts"], {
    cwd: ROOT,
    env: { ...base, PORT: "0", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) =>
    child.once("exit", () => {
      running.delete(child);
      resolve();
    }),
  );

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const killer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(killer);
  };

  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not get ready in ${timeoutMs} ms:\n${output}`)), timeoutMs);
      const look = () => {
        const match = /GraphQL API ready at (http:\/\/\S+\/graphql)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      };
      child.stdout!.on("data", look);
      child.once("exit", (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`server exited (${code ?? signal}) before it was ready:\n${output}`));
      });
    });
    const health = url.replace(/\/graphql$/, "/health");
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const status = await fetch(health).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200) break;
      if (Date.now() > deadline) throw new Error(`/health answered ${status}:\n${output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return { url, pid: child.pid!, output: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
