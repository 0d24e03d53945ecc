// How the Lambda functions are bundled, in one place: infra/api.ts gives SST `lambdaNodejs`, and
// the benchmark and the bundle test build with `lambdaBuildOptions`, the esbuild options SST
// derives from it (SST's pkg/runtime/node/build.go), so that what they measure is what deploys.
// Importable without SST's globals.
//
// - ESM, minified: less to parse at a cold start.
// - Splitting: what a handler imports with `import()` goes to chunks of its own, which a cold
//   start does not parse; SST then writes the entry and its chunks into the function's folder.
// - The plugins (infra/lambda-plugins.mjs) replace with throwing stubs what Lambda never runs:
//   PGlite, node-postgres, Apollo's usage and schema reporting and their protobuf.
// - No banner of ours: SST prepends its own to every ESM output (a `require` made with
//   createRequire, `__filename`, `__dirname`), without which bundled CommonJS crashes on
//   `Dynamic require of "node:..."`; a second `const require` would be a syntax error.
import type { BuildOptions } from "esbuild";
import { lambdaStubs } from "./lambda-plugins.mjs";

/** Relative to the folder of sst.config.ts, where SST resolves it. */
export const LAMBDA_PLUGINS = "infra/lambda-plugins.mjs";

/** The part of SST's `nodejs` function options this project sets (SST accepts more). */
export interface LambdaNodejs {
  format: "esm" | "cjs";
  /** SST's documentation says true by default, but its builder only minifies when it is set. */
  minify: boolean;
  splitting: boolean;
  /** A file whose default export lists esbuild plugins, relative to sst.config.ts. */
  plugins: string;
}

declare global {
  namespace sst.aws {
    interface FunctionArgs {
      /** How SST bundles the function with esbuild (infra/lambda-build.ts). */
      nodejs?: LambdaNodejs;
    }
  }
}

/** The `nodejs` options of every Node function (sst.aws.Function). */
export const lambdaNodejs = {
  format: "esm",
  minify: true,
  splitting: true,
  plugins: LAMBDA_PLUGINS,
} as const satisfies LambdaNodejs;

/** SST's ESM banner, as it writes it. */
export const SST_ESM_BANNER = [
  "import { createRequire as topLevelCreateRequire } from 'module';",
  "const require = topLevelCreateRequire(import.meta.url);",
  'import { fileURLToPath as topLevelFileUrlToPath, URL as topLevelURL } from "url"',
  "const __filename = topLevelFileUrlToPath(import.meta.url)",
  'const __dirname = topLevelFileUrlToPath(new topLevelURL(".", import.meta.url))',
].join("\n");

/** The esbuild options SST uses for `lambdaNodejs` on a deploy, writing `entryPoints` to `outdir` as .mjs files. */
export function lambdaBuildOptions(entryPoints: string[], outdir: string): BuildOptions & { metafile: true } {
  return {
    entryPoints,
    outdir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: lambdaNodejs.format,
    target: "esnext",
    mainFields: ["module", "main"],
    // SST keeps names (stack traces, and code that reads a class's name).
    keepNames: true,
    minify: lambdaNodejs.minify,
    splitting: lambdaNodejs.splitting,
    // SST's own: packages it never bundles.
    external: ["sharp", "pg-native"],
    banner: { js: SST_ESM_BANNER },
    plugins: [lambdaStubs()],
    metafile: true,
    logLevel: "silent",
  };
}
