// The esbuild plugin that keeps out of the Lambda bundles what they never run. Plain JavaScript
// because SST loads it with `node` from the path given as `nodejs.plugins` (infra/api.ts), outside
// any TypeScript loader; infra/lambda-build.ts gives the same plugin to the benchmark and the
// bundle test, so that what they measure is what deploys.
//
// Each stub below replaces a module with one that throws, with a message naming the reason, if
// anything ever uses it, so that a wrong assumption fails loudly instead of misbehaving:
// - Apollo's usage and schema reporting plugins, which Apollo Server only imports when an
//   APOLLO_KEY is configured (ApolloServer.js, addDefaultPlugins). This project sets none.
// - Apollo's usage-reporting protobuf (208 KiB minified). Besides usage reporting, only the inline
//   trace plugin and its trace builder import it; Apollo installs that plugin with
//   `__onlyIfSchemaIsSubgraph`, and it switches itself off at server start for a schema that is
//   not a federation subgraph, as ours is not, before it builds any trace.
// - The PGlite and node-postgres drivers, which db/connect.ts imports only when DATABASE_DRIVER
//   asks for them, and their migrators (db/migrate.ts); on Lambda the driver is always Neon
//   (db/database.ts; infra sets DATABASE_DRIVER=neon).

// One more rule, not a stub: @as-integrations/aws-lambda is CommonJS and `require`s
// @apollo/server, which resolves to Apollo's CommonJS build, while our code imports its ESM build:
// two copies of Apollo and of @graphql-tools would be bundled and evaluated. Its require is
// pointed at the ESM build, which esbuild wraps for `require` (the same classes, as they already
// are for the `as never` cast in functions/graphql.ts).

import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";

/** @type {Record<string, { exports: string[]; reason: string }>} */
const stubs = {
  "apollo-usage-reporting": {
    exports: ["ApolloServerPluginUsageReporting"],
    reason: "Apollo usage reporting is not in the Lambda bundle: it only runs with an APOLLO_KEY, which this project does not set",
  },
  "apollo-schema-reporting": {
    exports: ["ApolloServerPluginSchemaReporting"],
    reason: "Apollo schema reporting is not in the Lambda bundle: it only runs with an APOLLO_KEY, which this project does not set",
  },
  "apollo-protobuf": {
    exports: ["Trace", "google"],
    reason: "Apollo's usage-reporting protobuf is not in the Lambda bundle: only usage reporting and subgraph inline traces use it",
  },
  "driver-pg": {
    exports: ["openPg"],
    reason: "node-postgres is not in the Lambda bundle: on Lambda DATABASE_DRIVER must be neon",
  },
  "driver-pglite": {
    exports: ["openPglite"],
    reason: "PGlite is not in the Lambda bundle: on Lambda DATABASE_DRIVER must be neon",
  },
  "migrator-pg": {
    exports: ["migrate"],
    reason: "node-postgres' migrator is not in the Lambda bundle: on Lambda DATABASE_DRIVER must be neon",
  },
  "migrator-pglite": {
    exports: ["migrate"],
    reason: "PGlite's migrator is not in the Lambda bundle: on Lambda DATABASE_DRIVER must be neon",
  },
  "all-drivers": {
    exports: ["openDatabase"],
    reason: "db/client.ts is not in the Lambda bundle: the handlers open their database through db/connect.ts",
  },
};

/** @param {string} key */
function stubSource(key) {
  const stub = stubs[key];
  if (!stub) throw new Error(`no Lambda stub ${key}`);
  // A callable, constructible proxy that throws on any use, so `new Trace.Node()` fails with the
  // reason too, and not with "undefined is not a constructor".
  const lines = [
    `const fail = () => { throw new Error(${JSON.stringify(stub.reason)}); };`,
    "const unavailable = new Proxy(function unavailable() {}, { get: fail, apply: fail, construct: fail });",
    ...stub.exports.map((name) => `export const ${name} = unavailable;`),
  ];
  return lines.join("\n");
}

/**
 * Which imports become which stub: `filter` on the import path, `importer` on the importing file
 * (each stub is meant for one known importer, so that a new import elsewhere is bundled as usual).
 * @type {Array<{ filter: RegExp; importer: RegExp; stub: (path: string) => string }>}
 */
const rules = [
  {
    filter: /^\.\/plugin\/(usageReporting|schemaReporting)\/index\.js$/,
    importer: /[\\/]@apollo[\\/]server[\\/]dist[\\/]esm[\\/]ApolloServer\.js$/,
    stub: (path) => (path.includes("usageReporting") ? "apollo-usage-reporting" : "apollo-schema-reporting"),
  },
  { filter: /^@apollo\/usage-reporting-protobuf$/, importer: /[\\/]@apollo[\\/]server[\\/]/, stub: () => "apollo-protobuf" },
  { filter: /^\.\/drivers\/(pg|pglite)\.js$/, importer: /[\\/]db[\\/]connect\.ts$/, stub: (path) => (path.includes("pglite") ? "driver-pglite" : "driver-pg") },
  // db/migrate.ts holds the migrator of every driver, and its command-line use opens the database
  // through db/client.ts (all drivers); the migration Lambda only ever runs Neon's migrator.
  {
    filter: /^drizzle-orm\/(pglite|node-postgres)\/migrator$/,
    importer: /[\\/]db[\\/]migrate\.ts$/,
    stub: (path) => (path.includes("pglite") ? "migrator-pglite" : "migrator-pg"),
  },
  { filter: /^\.\/client\.js$/, importer: /[\\/]db[\\/]migrate\.ts$/, stub: () => "all-drivers" },
];

/** @returns {import("esbuild").Plugin} */
export function lambdaStubs() {
  return {
    name: "lambda-stubs",
    setup(build) {
      for (const rule of rules) {
        build.onResolve({ filter: rule.filter }, (args) => {
          if (!rule.importer.test(args.importer)) return undefined;
          return { path: `lambda-stub:${rule.stub(args.path)}`, namespace: "lambda-stub" };
        });
      }
      build.onResolve({ filter: /^@apollo\/server$/ }, (args) => {
        if (args.kind !== "require-call") return undefined;
        // Apollo's package.json exports neither itself nor dist/: from its CommonJS entry
        // (dist/cjs/index.js), the ESM one is the same file under dist/esm.
        const commonjs = createRequire(args.importer).resolve("@apollo/server");
        return { path: join(dirname(dirname(commonjs)), "esm", basename(commonjs)) };
      });
      build.onLoad({ filter: /^lambda-stub:/ }, (args) => ({ contents: stubSource(args.path.slice("lambda-stub:".length)), loader: "js" }));
    },
  };
}

// SST reads the default export: the list of plugins.
export default [lambdaStubs()];
