// The Lambda handler's bundle and cold start, against a bare Apollo handler (bench/lambda/bare.ts)
// bundled the same way (infra/lambda-build.ts, the options SST deploys with).
//
// A cold start here is what a fresh Node process spends importing the bundle and answering its
// first invocation, `{ __typename }` for both handlers, each sample in a new process
// (bench/lambda/driver.mjs), ours and the bare one alternating so that both see the same load.
// Ours reaches the benchmark database through the Neon driver, as on Lambda, over the local
// WebSocket-to-TCP proxy the tests use. Node's own start is left out: it is the same for both.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { build, type Metafile } from "esbuild";
import { lambdaBuildOptions } from "../infra/lambda-build.js";
import { startWsProxy } from "../test/helpers/ws-proxy.js";

export interface LambdaFigures {
  bundle: { oursBytes: number; bareBytes: number; largest: Array<{ path: string; bytes: number }> };
  coldStart: { oursMs: number; bareMs: number; ratio: number; runs: number };
}

/** Our second invocation in each sample: a real read through the Neon driver, timed on its own (reported, not compared). */
export const LAMBDA_READ = "{ boards(first: 10) { edges { node { id name } } } }";

const execFileAsync = promisify(execFile);
const DRIVER = join(import.meta.dirname, "lambda", "driver.mjs");

interface Sample {
  importMs: number;
  firstMs: number;
  coldMs: number;
  secondMs: number | null;
}

/**
 * Builds both handlers, then times `runs` cold starts of each. `databaseUrl` is a migrated (and,
 * for the real read to return rows, seeded) PostgreSQL database. The figures also carry, as
 * `readMs`, the median of our first real read ({@link LAMBDA_READ}) after the cold start.
 */
export async function measureLambda({ databaseUrl, runs = 10 }: { databaseUrl: string; runs?: number }): Promise<LambdaFigures & { coldStart: { readMs: number } }> {
  const outdir = mkdtempSync(join(tmpdir(), "talent-lambda-bench-"));
  const target = new URL(databaseUrl);
  const proxy = await startWsProxy([`${target.hostname}:${target.port || 5432}`]);
  try {
    const [ours, bare] = await Promise.all([bundle("functions/graphql.ts", join(outdir, "ours")), bundle("bench/lambda/bare.ts", join(outdir, "bare"))]);
    const env = {
      PATH: process.env.PATH ?? "",
      STAGE: "bench",
      NODE_ENV: "production",
      AWS_LAMBDA_FUNCTION_NAME: "GraphqlFunction",
      DATABASE_URL: databaseUrl,
      NEON_WS_PROXY: proxy.address,
    };
    const oursSamples: Sample[] = [];
    const bareSamples: Sample[] = [];
    for (let run = 0; run < runs; run++) {
      oursSamples.push(await coldStart(ours.entry, env, LAMBDA_READ));
      bareSamples.push(await coldStart(bare.entry, env));
    }
    const oursMs = median(oursSamples.map((s) => s.coldMs));
    const bareMs = median(bareSamples.map((s) => s.coldMs));
    return {
      bundle: { oursBytes: ours.bytes, bareBytes: bare.bytes, largest: largestInputs(ours.metafile, 10) },
      coldStart: {
        oursMs: round(oursMs),
        bareMs: round(bareMs),
        ratio: Math.round((oursMs / bareMs) * 100) / 100,
        runs,
        readMs: round(median(oursSamples.map((s) => s.secondMs ?? Number.NaN))),
      },
    };
  } finally {
    await proxy.close();
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** Bundles one entry point; `bytes` counts every file written (the entry and its chunks), as deployed. */
async function bundle(entryPoint: string, outdir: string): Promise<{ entry: string; bytes: number; metafile: Metafile }> {
  const { metafile } = await build(lambdaBuildOptions([entryPoint], outdir));
  const outputs = Object.entries(metafile.outputs).filter(([path]) => path.endsWith(".mjs"));
  const entry = outputs.find(([, output]) => output.entryPoint === entryPoint);
  if (!entry) throw new Error(`no output for ${entryPoint}`);
  return { entry: entry[0], bytes: outputs.reduce((sum, [, output]) => sum + output.bytes, 0), metafile };
}

/** What takes the room in the bundle: our files one by one, dependencies by package. */
export function largestInputs(metafile: Metafile, count: number): Array<{ path: string; bytes: number }> {
  const sizes = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
      const path = pkg ? `node_modules/${pkg[1]}` : input;
      sizes.set(path, (sizes.get(path) ?? 0) + bytesInOutput);
    }
  }
  return [...sizes]
    .map(([path, bytes]) => ({ path, bytes }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, count);
}

async function coldStart(entry: string, env: Record<string, string>, secondQuery?: string): Promise<Sample> {
  const { stdout } = await execFileAsync(process.execPath, [DRIVER, entry, ...(secondQuery ? [secondQuery] : [])], { env, maxBuffer: 16 * 1024 * 1024 });
  // The handler logs its operations on stdout too, possibly after the driver's figures (an
  // asynchronous logger flushes late): the figures are the line that starts with them.
  const line = stdout.split("\n").find((l) => l.startsWith('{"importMs":'));
  if (!line) throw new Error(`no figures from the driver for ${entry}:\n${stdout.slice(-2000)}`);
  return JSON.parse(line) as Sample;
}

function median(values: number[]): number {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const round = (ms: number) => Math.round(ms * 10) / 10;
