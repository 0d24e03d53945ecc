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

  it("leave out of the GraphQL handler's entry what only some requests need: Markdown, upload checks, S3, seed data", () => {
    // Loaded with import() on first use, these go to chunks a cold start does not parse.
    // The entry and the chunks it imports statically (shared with the other handlers), not those it imports with import().
    const [entry] = Object.keys(metafile.outputs).filter((path) => path.endsWith("/graphql.mjs"));
    const loaded = new Set<string>();
    const visit = (path: string) => {
      if (loaded.has(path)) return;
      loaded.add(path);
      for (const imported of metafile.outputs[path]?.imports ?? []) if (imported.kind === "import-statement" && !imported.external) visit(imported.path);
    };
    visit(entry!);
    const inputs = [...loaded].flatMap((path) => Object.keys(metafile.outputs[path]!.inputs));
    expect(inputs.some((path) => path.includes("schema/labolokaal/markdown.ts"))).toBe(true);
    expect(
      inputs.filter((path) => /node_modules\/(marked|sanitize-html|htmlparser2|postcss|file-type|@aws-sdk\/client-s3|@aws-sdk\/s3-request-presigner)\/|db\/seed\//.test(path)),
    ).toEqual([]);
    // They are still bundled, in chunks of their own.
    expect(bundled().some((path) => path.includes("node_modules/marked/"))).toBe(true);
  });

  it("carry one copy of Apollo Server, its ESM build", () => {
    const inputs = bundled();
    expect(inputs.some((path) => path.includes("@apollo/server/dist/esm/"))).toBe(true);
    expect(inputs.filter((path) => path.includes("@apollo/server/dist/cjs/"))).toEqual([]);
  });
});
