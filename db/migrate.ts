// Applies the committed drizzle-kit migrations with the migrator of the running driver.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { NeonDatabase } from "drizzle-orm/neon-serverless";
import { migrate as migrateNeon } from "drizzle-orm/neon-serverless/migrator";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { Database } from "./client.js";

export function migrationsFolder(): string {
  // Next to this file when run from source; at db/migrations under the working directory
  // when bundled (the Lambda package copies the folder there).
  const candidates = [process.env.MIGRATIONS_DIR, fileURLToPath(new URL("./migrations", import.meta.url)), resolve("db/migrations")].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => existsSync(resolve(p, "meta/_journal.json")));
  if (!found) throw new Error(`no migrations folder found (looked in ${candidates.join(", ")})`);
  return found;
}

export async function migrateDatabase(database: Database): Promise<void> {
  const config = { migrationsFolder: migrationsFolder() };
  // Each driver has its own migrator; the query builders differ only in their result type.
  switch (database.driver) {
    case "pglite":
      return migratePglite(database.db as unknown as PgliteDatabase<Record<string, unknown>>, config);
    case "pg":
      return migratePg(database.db as unknown as NodePgDatabase<Record<string, unknown>>, config);
    case "neon":
      return migrateNeon(database.db as unknown as NeonDatabase<Record<string, unknown>>, config);
  }
}

/** The lock under which a process migrates (and, for the local server, seeds). */
export const MIGRATION_LOCK = "talent-api:migrate";

/** Runs `work` alone among the processes on this database, where the driver can lock. */
export function withMigrationLock<T>(database: Database, work: () => Promise<T>): Promise<T> {
  return database.exclusive ? database.exclusive(MIGRATION_LOCK, work) : work();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const { openDatabase } = await import("./client.js");
  const database = openDatabase();
  await withMigrationLock(database, () => migrateDatabase(database));
  console.log(JSON.stringify({ level: "info", msg: "migrations applied", driver: database.driver }));
  await database.close();
}
