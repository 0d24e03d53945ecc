// What the Lambda bundles carry, built exactly as SST deploys them (infra/lambda-build.ts) and read
// from esbuild's metafile: Lambda runs the Neon driver only and never sets an APOLLO_KEY, so
// neither PGlite, nor node-postgres, nor Apollo's usage reporting (and its protobuf) may come back
// into a handler's import graph, and Apollo must not be bundled twice (CommonJS and ESM).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, type Metafile } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lambdaBuildOptions } from "../../infra/lambda-build.js";

const ENTRIES = ["functions/graphql.ts", "functions/migrate.ts", "functions/webhooks.ts", "functions/realtime.ts"];

let outdir: string;
let metafile: Metafile;

beforeAll(async () => {
  outdir = mkdtempSync(join(tmpdir(), "talent-bundle-contents-"));
  ({ metafile } = await build(lambdaBuildOptions(ENTRIES, outdir)));
});

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

/** Every source file that made it into any output (entries and chunks alike). */
function bundled(): string[] {
  return Object.values(metafile.outputs).flatMap((output) => Object.keys(output.inputs));
}

describe("the Lambda bundles", () => {
  it("build every handler with the deployed options", () => {
    const entries = Object.values(metafile.outputs).flatMap((output) => (output.entryPoint ? [output.entryPoint] : []));
    expect(entries).toEqual(expect.arrayContaining(ENTRIES));
  });

  it("carry no PGlite and no node-postgres", () => {
    const inputs = bundled();
    expect(inputs.some((path) => path.includes("db/drivers/neon.ts"))).toBe(true);
    expect(inputs.filter((path) => /node_modules\/@electric-sql\/pglite\//.test(path))).toEqual([]);
    expect(inputs.filter((path) => /node_modules\/(pg|pg-pool|pg-protocol)\//.test(path))).toEqual([]);
    expect(inputs.filter((path) => /db\/drivers\/(pg|pglite)\.ts$/.test(path))).toEqual([]);
  });

  it("carry no Apollo usage or schema reporting, nor their protobuf", () => {
    const inputs = bundled();
    expect(inputs.filter((path) => /@apollo\/usage-reporting-protobuf|@apollo\/server\/dist\/\w+\/plugin\/(usageReporting|schemaReporting)\//.test(path))).toEqual([]);
  });

  it("carry one copy of Apollo Server, its ESM build", () => {
    const inputs = bundled();
    expect(inputs.some((path) => path.includes("@apollo/server/dist/esm/"))).toBe(true);
    expect(inputs.filter((path) => path.includes("@apollo/server/dist/cjs/"))).toEqual([]);
  });
});
