// The Lambda that applies db/migrations to the stage's database; infra invokes it on every deploy.
import { connectDatabase } from "../db/connect.js";
import { databaseConfigFromEnv } from "../db/database.js";
import { migrateDatabase, migrationsFolder, withMigrationLock } from "../db/migrate.js";

export async function handler(): Promise<{ migrated: true; driver: string; folder: string }> {
  const database = await connectDatabase(databaseConfigFromEnv());
  try {
    await withMigrationLock(database, () => migrateDatabase(database));
    console.log(JSON.stringify({ level: "info", msg: "migrations applied", driver: database.driver }));
    return { migrated: true, driver: database.driver, folder: migrationsFolder() };
  } finally {
    await database.close();
  }
}
