// Opens the configured database for the Lambda entry points, loading only the driver asked for.
// On Lambda the driver is always Neon (databaseConfigFromEnv), imported here directly; the other
// two are imported on demand, and infra/lambda-build.ts replaces those imports with modules that
// throw, so the Lambda bundle carries neither PGlite nor node-postgres (the bundle test checks
// it). Run unbundled (the tests), the same handlers still open PGlite or node-postgres when
// DATABASE_DRIVER says so.
import type { Database, DatabaseConfig } from "./database.js";
import { openNeon } from "./drivers/neon.js";

export async function connectDatabase(config: DatabaseConfig): Promise<Database> {
  switch (config.driver) {
    case "neon":
      return openNeon(config);
    case "pg":
      return (await import("./drivers/pg.js")).openPg(config);
    case "pglite":
      return (await import("./drivers/pglite.js")).openPglite(config);
  }
}
