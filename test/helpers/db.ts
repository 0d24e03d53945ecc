// A real, migrated database for one test file: PGlite in memory, or, when TEST_DATABASE_URL
// is set, a fresh database on that PostgreSQL server (dropped when the file is done).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { sql } from "drizzle-orm";
import { openDatabase, type Database, type DatabaseConfig } from "../../db/client.js";
import { migrateDatabase } from "../../db/migrate.js";

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
export const onPostgres = Boolean(TEST_DATABASE_URL);

export interface TestDatabase {
  database: Database;
  /** The connection string of this file's own database (PostgreSQL only). */
  url?: string;
  /** Empties every table, keeping the schema. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (!TEST_DATABASE_URL) {
    const database = openDatabase({ driver: "pglite", pgliteDir: "memory://" });
    await migrateDatabase(database);
    return { database, reset: () => truncateAll(database), close: () => database.close() };
  }
  const { url, drop } = await createPostgresDatabase(TEST_DATABASE_URL);
  const config: DatabaseConfig = { driver: "pg", url };
  const database = openDatabase(config);
  await migrateDatabase(database);
  return {
    database,
    url,
    reset: () => truncateAll(database),
    close: async () => {
      await database.close();
      await drop();
    },
  };
}

/** Creates an empty database next to the one in `adminUrl`; `drop` removes it. */
export async function createPostgresDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `talent_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** Empties every table of the application, keeping the schema. */
export async function truncateAll(database: Database): Promise<void> {
  // Every driver answers with { rows }; the shared query-builder type does not say so.
  const result = (await database.db.execute(sql`select tablename from pg_tables where schemaname = 'public'`)) as unknown as { rows: { tablename: string }[] };
  const tables = result.rows.map((r) => `"${r.tablename}"`);
  if (tables.length) await database.db.execute(sql.raw(`truncate ${tables.join(", ")} restart identity cascade`));
}
