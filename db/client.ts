// The one place that knows which PostgreSQL driver runs. Everything else sees `Database`.
//
// - no DATABASE_URL: embedded PGlite (db/drivers/pglite.ts);
// - a DATABASE_URL: node-postgres pool (db/drivers/pg.ts);
// - on Lambda, or DATABASE_DRIVER=neon: the Neon serverless driver over WebSockets
//   (db/drivers/neon.ts).
//
// This module loads all three drivers, for the local server, the scripts and the tests. The
// Lambda entry points open their database through db/connect.ts instead, which loads only the
// driver asked for, so that their bundle need not carry PGlite and node-postgres.
import type { Database, DatabaseConfig } from "./database.js";
import { databaseConfigFromEnv } from "./database.js";
import { openNeon } from "./drivers/neon.js";
import { openPg } from "./drivers/pg.js";
import { openPglite } from "./drivers/pglite.js";

export {
  type Database,
  type DatabaseConfig,
  type Db,
  type DriverName,
  databaseConfigFromEnv,
  type Executor,
  type Tx,
} from "./database.js";

export function openDatabase(config: DatabaseConfig = databaseConfigFromEnv()): Database {
  switch (config.driver) {
    case "pglite":
      return openPglite(config);
    case "pg":
      return openPg(config);
    case "neon":
      return openNeon(config);
  }
}
