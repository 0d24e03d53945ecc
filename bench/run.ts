// `npm run bench`: figures, not pass/fail (bench/README.md). On a database of its own on the local
// PostgreSQL, seeded with the sector profile, it
// 1. checks that our API, PostGraphile 4 and PostGraphile 5 answer every benchmark read with the
//    same data, and counts each read's SQL statements on every side;
// 2. loads the three over HTTP with autocannon, alternating server by server within each round;
// 3. times our heavier reads in process (progress, settlement, reach, invoices, report...);
// 4. adds the Lambda figures (bench/lambda.ts) and the start-up figures (bench/startup.ts) where
//    those files exist;
// and prints one table, written with a chart to bench/results/.

import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { openDatabase } from "../db/client.js";
import { signDevToken } from "../schema/shared/auth.js";
import { throughputSvg } from "./chart.js";
import { prepareBenchDatabase, serverVersion, withDatabase } from "./database.js";
import { type InProcessFigure, inProcessBench, targetVerdict } from "./inprocess.js";
import { checkedPost, load, type Request, type Window } from "./load.js";
import { firstDifference, reads } from "./reads.js";
import { ensureInstalled, LABELS, type RunningServer, type ServerName, startServer } from "./servers.js";

const env = process.env;
const SERVER_URL = env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const DATABASE = env.BENCH_DATABASE ?? "talent_bench";
const SCALE = Number(env.BENCH_SCALE ?? 1);
const ROUNDS = Number(env.BENCH_ROUNDS ?? 3);
const DURATION = Number(env.BENCH_DURATION ?? 3);
const WARMUP = Number(env.BENCH_WARMUP ?? 1);
const CONNECTIONS = Number(env.BENCH_CONNECTIONS ?? 10);
const INPROCESS_ROUNDS = Number(env.BENCH_INPROCESS_ROUNDS ?? 20);
const LAMBDA_RUNS = Number(env.BENCH_LAMBDA_RUNS ?? 10);
const STARTUP_RUNS = Number(env.BENCH_STARTUP_RUNS ?? 3);
const REUSE = env.BENCH_REUSE === "1";
const RESULTS = fileURLToPath(new URL("./results/", import.meta.url));
const SERVERS: ServerName[] = ["ours", "pg4", "pg5"];
const PORTS: Record<ServerName, number> = { ours: 4301, pg4: 4304, pg5: 4305 };

const started = new Date();
/** The machine's load when the run started: other work on the two cores shows in every figure. */
const loadAtStart = loadavg()[0] ?? 0;
/** Seconds since the start, for the progress lines. */
const elapsed = () => `[${Math.round((Date.now() - started.getTime()) / 1000)} s]`;
console.error(`database ${DATABASE} on ${new URL(SERVER_URL).host}: ${REUSE ? "reusing if seeded" : "dropping, migrating and seeding"} (scale ${SCALE})...`);
const bench = await prepareBenchDatabase({ serverUrl: SERVER_URL, name: DATABASE, scale: SCALE, reuse: REUSE });
const databaseUrl = withDatabase(SERVER_URL, DATABASE);
console.error(bench.reused ? "reused the seeded database" : `seeded and analysed in ${(bench.seedMs / 1000).toFixed(1)} s`);

ensureInstalled("postgraphile4");
ensureInstalled("postgraphile5");
const servers: Partial<Record<ServerName, RunningServer>> = {};
const database = openDatabase({ driver: "pg", url: databaseUrl });
try {
  for (const name of SERVERS) servers[name] = await startServer(name, databaseUrl, PORTS[name]);
  console.error(`${elapsed()} servers serving`);
  await main(servers as Record<ServerName, RunningServer>);
} finally {
  for (const server of Object.values(servers)) await server?.stop();
  await database.close();
}

interface ReadResult {
  name: string;
  same: Record<"pg4" | "pg5", string>;
  statements: Record<ServerName, number>;
  windows: Record<ServerName, Window[]>;
  summary: Record<ServerName, Window>;
}

async function main(running: Record<ServerName, RunningServer>): Promise<void> {
  const inProcess = await inProcessBench(database);
  const consultant = `Bearer ${await signDevToken({ role: "CONSULTANT" })}`;
  const requests = (read: (typeof reads)[number]): Record<ServerName, Request> => {
    const make = (server: ServerName, query: string, authorization?: string): Request => ({
      url: running[server].url,
      body: JSON.stringify({ query }),
      headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
    });
    return {
      ours: make("ours", read.ours.query, read.ours.consultant ? consultant : undefined),
      pg4: make("pg4", read.theirs.query),
      pg5: make("pg5", read.theirs.query),
    };
  };

  // 1. Same data, and statements per read.
  console.error(`${elapsed()} checking answers and counting statements...`);
  const results: ReadResult[] = [];
  const bodies = new Map<string, string>();
  for (const read of reads) {
    const request = requests(read);
    const ours = read.normaliseOurs((JSON.parse(await checkedPost(request.ours)) as { data: Record<string, unknown> }).data);
    bodies.set(`${read.name}/ours`, await checkedPost(request.ours));
    const same = { pg4: "", pg5: "" };
    const statements = { ours: await inProcess.statementsOf(read.ours.query, read.ours.consultant), pg4: 0, pg5: 0 };
    for (const server of ["pg4", "pg5"] as const) {
      const before = await running[server].statements!();
      const text = await checkedPost(request[server]);
      statements[server] = (await running[server].statements!()) - before;
      bodies.set(`${read.name}/${server}`, text);
      const difference = firstDifference(ours, read.normaliseTheirs((JSON.parse(text) as { data: Record<string, unknown> }).data));
      same[server] = difference ? `✗ ${difference}` : "✓";
    }
    results.push({ name: read.name, same, statements, windows: { ours: [], pg4: [], pg5: [] }, summary: {} as ReadResult["summary"] });
  }

  // 2. Load: within each round every read, and for each read the three servers one after the other,
  // so a slow minute of the machine (two cores shared with autocannon) falls on all of them alike.
  for (let round = 1; round <= ROUNDS; round++) {
    for (const [i, read] of reads.entries()) {
      const request = requests(read);
      for (const server of SERVERS) {
        const expectBody = bodies.get(`${read.name}/${server}`)!;
        if (WARMUP > 0) await load(request[server], { connections: CONNECTIONS, seconds: WARMUP, expectBody });
        const window = await load(request[server], { connections: CONNECTIONS, seconds: DURATION, expectBody });
        results[i]!.windows[server].push(window);
        console.error(`${elapsed()} round ${round}/${ROUNDS}: ${read.name} on ${LABELS[server]}: ${Math.round(window.requestsPerSecond)} req/s, p99 ${window.p99Ms} ms`);
      }
    }
  }
  for (const result of results) {
    for (const server of SERVERS) result.summary[server] = summarise(result.windows[server]);
  }

  // 3. In process.
  console.error(`${elapsed()} in process, ${INPROCESS_ROUNDS} runs each...`);
  const inProcessFigures = await inProcess.measureAll(INPROCESS_ROUNDS, (f) => console.error(`${elapsed()}   ${f.name}: p50 ${f.p50Ms.toFixed(1)} ms`));

  // 4. Lambda and start-up, when their modules exist.
  const lambda = await optional<LambdaModule, LambdaFigures>("lambda", (m) => m.measureLambda({ databaseUrl, runs: LAMBDA_RUNS }));
  const startup = await optional<StartupModule, StartupFigures>("startup", (m) => m.measureStartup({ runs: STARTUP_RUNS }));

  const machine = {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    postgres: await serverVersion(databaseUrl),
    date: started.toISOString(),
    loadAverage: `${loadAtStart.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end (1 min)`,
  };
  const settings = { scale: SCALE, rounds: ROUNDS, durationSeconds: DURATION, warmupSeconds: WARMUP, connections: CONNECTIONS, inProcessRounds: INPROCESS_ROUNDS, jit: "off" };
  const markdown = report({ machine, settings, results, inProcessFigures, lambda, startup });
  console.log(markdown);
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(`${RESULTS}results.md`, markdown);
  writeFileSync(
    `${RESULTS}results.json`,
    `${JSON.stringify({ machine, settings, seeded: bench.seeded, reads: results, inProcess: inProcessFigures, lambda: lambda ?? null, startup: startup ?? null }, null, 2)}\n`,
  );
  writeFileSync(
    `${RESULTS}throughput.svg`,
    throughputSvg(
      `req/s, ${CONNECTIONS} connections, mean of ${ROUNDS} rounds (${machine.cores} cores, ${machine.date.slice(0, 10)})`,
      SERVERS.map((s) => LABELS[s]),
      results.map((r) => ({ read: r.name, values: SERVERS.map((s) => r.summary[s].requestsPerSecond) })),
    ),
  );
  console.error(`${elapsed()} written to ${RESULTS}`);
}

/** The mean req/s over the rounds, and the median of the rounds' p50 and p99. */
function summarise(windows: Window[]): Window {
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  };
  return {
    requestsPerSecond: windows.reduce((sum, w) => sum + w.requestsPerSecond, 0) / windows.length,
    p50Ms: median(windows.map((w) => w.p50Ms)),
    p99Ms: median(windows.map((w) => w.p99Ms)),
    requests: windows.reduce((sum, w) => sum + w.requests, 0),
  };
}

// The contracts of bench/lambda.ts and bench/startup.ts, written by others; repeated here so this
// file typechecks (and runs) before they exist.
interface LambdaFigures {
  bundle: { oursBytes: number; bareBytes: number; largest: Array<{ path: string; bytes: number }> };
  coldStart: { oursMs: number; bareMs: number; ratio: number; runs: number };
}
interface LambdaModule {
  measureLambda(options: { databaseUrl: string; runs?: number }): Promise<LambdaFigures>;
}
interface StartupFigures {
  firstStartMs: number;
  restartMs: number;
  unpreparedFirstStartMs: number;
  runs: number;
}
interface StartupModule {
  measureStartup(options?: { runs?: number }): Promise<StartupFigures>;
}

/** bench/<name>.ts's figures, or undefined (printed "not measured") while that file does not exist. */
async function optional<M, T>(name: string, measure: (module: M) => Promise<T>): Promise<T | undefined> {
  if (!existsSync(fileURLToPath(new URL(`./${name}.ts`, import.meta.url)))) return undefined;
  console.error(`${elapsed()} ${name}...`);
  return measure((await import(`./${name}.js`)) as M);
}

interface Report {
  machine: Record<string, string | number>;
  settings: Record<string, string | number>;
  results: ReadResult[];
  inProcessFigures: InProcessFigure[];
  lambda: LambdaFigures | undefined;
  startup: StartupFigures | undefined;
}

function report({ machine, settings, results, inProcessFigures, lambda, startup }: Report): string {
  const ratio = (a: number, b: number) => (b ? (a / b).toFixed(2) : "-");
  const lines = [
    "# npm run bench",
    "",
    `${machine.date}: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, PostgreSQL ${machine.postgres}; load average ${machine.loadAverage}.`,
    `Settings: ${Object.entries(settings)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}. The three servers and autocannon share the machine.`,
    "",
    "## HTTP reads: ours against PostGraphile 4 and 5 (same database, same run)",
    "",
    "req/s is the mean over the rounds; p50 and p99 (ms) the median of the rounds' percentiles. Target: ours ≥ the faster PostGraphile, p99 no worse.",
    "",
    "| read | same data (PG4 / PG5) | statements ours / PG4 / PG5 | req/s ours | req/s PG4 | req/s PG5 | ours/PG4 | ours/PG5 | p50 ours / PG4 / PG5 | p99 ours / PG4 / PG5 | target |",
    "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |",
  ];
  for (const r of results) {
    const s = r.summary;
    const faster = Math.max(s.pg4.requestsPerSecond, s.pg5.requestsPerSecond);
    const fasterP99 = s.pg4.requestsPerSecond >= s.pg5.requestsPerSecond ? s.pg4.p99Ms : s.pg5.p99Ms;
    const met = s.ours.requestsPerSecond >= faster && s.ours.p99Ms <= fasterP99 ? "met" : "not met";
    lines.push(
      `| ${r.name} | ${r.same.pg4} / ${r.same.pg5} | ${r.statements.ours} / ${r.statements.pg4} / ${r.statements.pg5} | ${Math.round(s.ours.requestsPerSecond)} | ${Math.round(s.pg4.requestsPerSecond)} | ${Math.round(s.pg5.requestsPerSecond)} | ${ratio(s.ours.requestsPerSecond, s.pg4.requestsPerSecond)} | ${ratio(s.ours.requestsPerSecond, s.pg5.requestsPerSecond)} | ${s.ours.p50Ms} / ${s.pg4.p50Ms} / ${s.pg5.p50Ms} | ${s.ours.p99Ms} / ${s.pg4.p99Ms} / ${s.pg5.p99Ms} | ${met} |`,
    );
  }
  lines.push(
    "",
    "![req/s per read](throughput.svg)",
    "",
    "## In process (our API without HTTP)",
    "",
    "| read | p50 ms | p95 ms | statements | target |",
    "| --- | ---: | ---: | ---: | --- |",
  );
  for (const f of inProcessFigures) {
    lines.push(`| ${f.name} | ${f.p50Ms.toFixed(1)} | ${f.p95Ms.toFixed(1)} | ${f.statements} | ${f.targetMs === undefined ? "" : `< ${f.targetMs} ms: ${targetVerdict(f)}`} |`);
  }
  lines.push("", "## Lambda handler (target: import plus first invocation ≤ 1.3 × the bare Apollo handler)", "");
  if (lambda) {
    const kib = (bytes: number) => `${Math.round(bytes / 1024)} KiB`;
    lines.push(
      `Bundle: ours ${kib(lambda.bundle.oursBytes)}, bare Apollo handler ${kib(lambda.bundle.bareBytes)}. Largest inputs: ${lambda.bundle.largest.map((l) => `${l.path} ${kib(l.bytes)}`).join(", ")}.`,
      "",
      `Cold start (median of ${lambda.coldStart.runs} fresh processes): ours ${lambda.coldStart.oursMs.toFixed(0)} ms, bare ${lambda.coldStart.bareMs.toFixed(0)} ms, ratio ${lambda.coldStart.ratio.toFixed(2)}: ${lambda.coldStart.ratio <= 1.3 ? "met" : "not met"}.`,
    );
  } else {
    lines.push("not measured (bench/lambda.ts is not there yet).");
  }
  lines.push("", "## First start and restart of `npm start` (targets: first start ≤ 5 s, restart ≤ 2 s)", "");
  if (startup) {
    lines.push(
      `First start after install (to /health 200; the install built the server and a migrated folder, the start seeds it): ${(startup.firstStartMs / 1000).toFixed(1)} s, ${startup.firstStartMs <= 5000 ? "met" : "not met"}; restart: ${(startup.restartMs / 1000).toFixed(1)} s, ${startup.restartMs <= 2000 ? "met" : "not met"}; a first start with nothing prepared (build, initdb, migrations, seed): ${(startup.unpreparedFirstStartMs / 1000).toFixed(1)} s (medians of ${startup.runs} runs).`,
    );
  } else {
    lines.push("not measured (bench/startup.ts is not there yet).");
  }
  return `${lines.join("\n")}\n`;
}
