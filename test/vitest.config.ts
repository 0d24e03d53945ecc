// One suite, two databases: embedded PGlite by default, or the PostgreSQL at TEST_DATABASE_URL
// (each test file then gets a database of its own, created and dropped by test/helpers/db.ts).
// The global setup migrates once per run; each file starts from a copy of that database.
//
// isolate: false runs a worker's test files one after the other in the same process, so the
// application's modules (Apollo, graphql, drizzle, PGlite's WebAssembly) are loaded once per
// worker instead of once per file: about half the suite's time on PGlite. Each file still gets
// a database of its own. The price: module-level state survives from one file to the next, so
// a file must undo what it changes globally (vi.unstubAllEnvs, unregistering what it
// registered, closing servers) in afterAll/afterEach, and vi.mock is not for these files.
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: fileURLToPath(new URL("..", import.meta.url)),
  resolve: {
    // graphql 16 has no "exports": Node (and so Apollo, graphql-ws and @graphql-tools, which
    // vitest loads natively) get its CommonJS build, while vite would give our own files its
    // .mjs build: two copies whose schemas and errors do not recognise each other. One copy, as
    // in production (tsx and node resolve like Node; esbuild bundles one copy).
    alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve("graphql") }],
  },
  test: {
    include: ["test/**/*.test.ts"],
    pool: "forks",
    // PGlite runs in the test process, one core per worker: two workers use both of this machine's
    // cores, also once a PostgreSQL run beside it (CI runs both side by side) has ended. On
    // PostgreSQL the server does much of the work, so one worker leaves it the other core.
    maxWorkers: process.env.TEST_DATABASE_URL ? 1 : 2,
    isolate: false,
    globalSetup: ["test/helpers/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Test files start servers and databases; keep their output readable.
    silent: "passed-only",
  },
});
