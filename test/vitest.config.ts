// One suite, two databases: embedded PGlite by default, or the PostgreSQL at TEST_DATABASE_URL
// (each test file then gets a database of its own, created and dropped by test/helpers/db.ts).
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: fileURLToPath(new URL("..", import.meta.url)),
  test: {
    include: ["test/**/*.test.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Test files start servers and databases; keep their output readable.
    silent: "passed-only",
  },
});
