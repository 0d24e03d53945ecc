// Embedded PGlite, the default without a DATABASE_URL: in a folder (PGLITE_DIR, default .data/)
// that one process at a time may open, or in memory with PGLITE_DIR=memory://.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import type { Database, DatabaseConfig, Db } from "../database.js";
import { drizzleOptions } from "../database.js";
import { lockFolder } from "../folder-lock.js";

export function openPglite(config: DatabaseConfig): Database {
  const dir = config.pgliteDir ?? ".data";
  const inMemory = dir.startsWith("memory://");
  if (!inMemory) mkdirSync(dir, { recursive: true });
  // One process per folder: throws FolderLockedError, naming the live holder, before PGlite
  // touches a file (db/folder-lock.ts).
  const release = inMemory ? () => {} : lockFolder(dir);
  let client: PGlite;
  try {
    client = new PGlite(dir, { loadDataDir: config.loadDataDir });
  } catch (error) {
    release();
    throw error;
  }
  const make = (onQuery?: (sql: string) => void): Db => drizzle({ client, ...drizzleOptions(config, onQuery) });
  return {
    driver: "pglite",
    db: make(),
    withObserver: make,
    listen: async (channel, onNotify) => client.listen(channel, onNotify),
    close: async () => {
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}
