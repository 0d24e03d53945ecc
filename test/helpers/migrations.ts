// A migration on a database seeded before it: the migrations as they stood then (the same folder,
// its journal cut before the migration under test), applied to an in-memory PGlite, which the
// test then fills in the shape of then before applying the rest.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { sql } from "drizzle-orm";
import { type Database, openDatabase } from "../../db/client.js";
import { migrateDatabase, migrationsFolder } from "../../db/migrate.js";

export interface MigrationBefore {
  database: Database;
  /** Applies the migrations before `tag`. */
  migrateBefore(): Promise<void>;
  /** The rows a query answers. */
  rows<T>(query: ReturnType<typeof sql>): Promise<T[]>;
  close(): Promise<void>;
}

export function databaseBefore(tag: string): MigrationBefore {
  const folder = mkdtempSync(join(tmpdir(), `migrations-before-${tag}-`));
  cpSync(migrationsFolder(), folder, { recursive: true });
  const journal = JSON.parse(readFileSync(join(folder, "meta/_journal.json"), "utf8")) as { entries: { tag: string }[] };
  journal.entries = journal.entries.filter((e) => e.tag < tag);
  writeFileSync(join(folder, "meta/_journal.json"), JSON.stringify(journal));
  const database = openDatabase({ driver: "pglite", pgliteDir: "memory://" });
  return {
    database,
    async migrateBefore() {
      process.env.MIGRATIONS_DIR = folder;
      try {
        await migrateDatabase(database);
      } finally {
        delete process.env.MIGRATIONS_DIR;
      }
    },
    rows: async <T>(query: ReturnType<typeof sql>) => ((await database.db.execute(query)) as unknown as { rows: T[] }).rows,
    async close() {
      await database.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
