// A real, migrated database for one test file: PGlite in memory, or, when TEST_DATABASE_URL
// is set, a fresh database on that PostgreSQL server (dropped when the file is done).
//
// Migrating is done once per test run, not once per file (test/helpers/global-setup.ts):
// - PGlite: a migrated in-memory instance is dumped (dumpDataDir) to a file in the system's
//   temporary folder, named after a hash of db/migrations and the PGlite version; each file
//   starts its PGlite from that dump (loadDataDir) instead of running initdb and the migrations.
// - PostgreSQL: a migrated template database talent_template_<hash>; each file's database is
//   `create database ... template` of it.
// Outside vitest (npm run bench) the same dump or template is prepared on first use.
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import pg from "pg";
import { inject } from "vitest";
import { type Database, type DatabaseConfig, openDatabase } from "../../db/client.js";
import { migrateDatabase, migrationsFolder } from "../../db/migrate.js";
import { seedDatabase } from "../../db/seed/index.js";

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
export const onPostgres = Boolean(TEST_DATABASE_URL);

declare module "vitest" {
  export interface ProvidedContext {
    /** The file holding a migrated PGlite data directory (dumpDataDir), when on PGlite. */
    pgliteDump?: string;
    /** The migrated template database, when on PostgreSQL. */
    postgresTemplate?: string;
  }
}

export interface TestDatabase {
  database: Database;
  /** The connection string of this file's own database (PostgreSQL only). */
  url?: string;
  /** Empties every table, keeping the schema. */
  reset(): Promise<void>;
  /**
   * Puts the database back to `seedDatabase(database, "sources")`'s result: the first call seeds
   * and keeps a copy of every seeded row; later calls restore that copy in one statement batch,
   * so rows keep their ids from one test to the next within the file.
   */
  reseed(): Promise<void>;
  close(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (!TEST_DATABASE_URL) {
    const dump = provided("pgliteDump") ?? (await preparePgliteDump());
    const database = openDatabase({ driver: "pglite", pgliteDir: "memory://", loadDataDir: new Blob([readFileSync(dump)]) });
    return { database, reset: () => truncateAll(database), reseed: seedKeeper(database), close: () => database.close() };
  }
  const template = provided("postgresTemplate") ?? (await preparePostgresTemplate(TEST_DATABASE_URL));
  const { url, drop } = await createPostgresDatabase(TEST_DATABASE_URL, { template });
  const config: DatabaseConfig = { driver: "pg", url };
  const database = openDatabase(config);
  return {
    database,
    url,
    reset: () => truncateAll(database),
    reseed: seedKeeper(database),
    close: async () => {
      await database.close();
      await drop();
    },
  };
}

/**
 * Creates a database next to the one in `adminUrl`: empty, or a copy of `template`; `drop`
 * removes it.
 */
export async function createPostgresDatabase(adminUrl: string, options: { template?: string } = {}): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `talent_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  await withAdmin(adminUrl, (admin) => admin.query(`create database ${name}${options.template ? ` template ${options.template}` : ""}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await withAdmin(adminUrl, (admin) => admin.query(`drop database if exists ${name} with (force)`));
    },
  };
}

/**
 * Empties every table of the application, keeping the schema. Rows are deleted with the foreign-key
 * triggers off (session_replication_role = replica, inside one transaction): on these small tables
 * that is about thirty times faster than TRUNCATE, which rewrites each table's files. Sequences
 * are not restarted; no test may depend on a generated number's value.
 */
export async function truncateAll(database: Database): Promise<void> {
  const tables = await applicationTables(database);
  if (tables.length) await runScript(database, withoutTriggers(tables.map((t) => `delete from public."${t}"`)));
}

/** Seeds "sources" once, keeps a copy of the seeded rows in schema test_seed, and restores it on later calls. */
function seedKeeper(database: Database): () => Promise<void> {
  let restore: string | undefined;
  return async () => {
    if (restore) return runScript(database, restore);
    const tables = await applicationTables(database);
    await truncateAll(database);
    await seedDatabase(database, "sources");
    await runScript(
      database,
      [`drop schema if exists test_seed cascade`, `create schema test_seed`, ...tables.map((t) => `create table test_seed."${t}" as select * from public."${t}"`)].join(";\n"),
    );
    const seeded: string[] = [];
    for (const t of tables) {
      const found = (await database.db.execute(sql.raw(`select exists (select 1 from test_seed."${t}") as some`))) as unknown as { rows: { some: boolean }[] };
      if (found.rows[0]?.some) seeded.push(t);
    }
    restore = withoutTriggers([...tables.map((t) => `delete from public."${t}"`), ...seeded.map((t) => `insert into public."${t}" select * from test_seed."${t}"`)]);
  };
}

async function applicationTables(database: Database): Promise<string[]> {
  // Every driver answers with { rows }; the shared query-builder type does not say so.
  const result = (await database.db.execute(sql`select tablename from pg_tables where schemaname = 'public' order by tablename`)) as unknown as { rows: { tablename: string }[] };
  return result.rows.map((r) => r.tablename);
}

function withoutTriggers(statements: string[]): string {
  return ["begin", "set local session_replication_role = replica", ...statements, "commit"].join(";\n");
}

/** Runs several statements in one round trip (the simple query protocol). */
async function runScript(database: Database, script: string): Promise<void> {
  const client = (database.db as unknown as { $client: { exec?: (q: string) => Promise<unknown>; query: (q: string) => Promise<unknown> } }).$client;
  await (client.exec ? client.exec(script) : client.query(script));
}

/** A short hash of every file under db/migrations: a new or changed migration changes it. */
export function migrationsHash(): string {
  const root = migrationsFolder();
  const hash = createHash("sha256");
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true })
      .flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]))
      .sort();
  for (const file of walk(root)) {
    hash.update(relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

/**
 * The path of a dump of a freshly migrated PGlite, made once per set of migrations (and PGlite
 * version, whose on-disk format it is) and reused by later runs.
 */
export async function preparePgliteDump(): Promise<string> {
  const path = join(tmpdir(), `talent-pglite-${pgliteVersion()}-${migrationsHash()}.tar`);
  if (existsSync(path) && statSync(path).size > 0) return path;
  const database = openDatabase({ driver: "pglite", pgliteDir: "memory://" });
  try {
    await migrateDatabase(database);
    const client = (database.db as unknown as { $client: PGlite }).$client;
    const dump = await client.dumpDataDir("none");
    // Written under a name of its own, then renamed: a concurrent run never reads half a file.
    const partial = `${path}.${process.pid}.${randomBytes(4).toString("hex")}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, path);
    pruneStaleDumps(path);
  } finally {
    await database.close();
  }
  return path;
}

/**
 * The name of a migrated template database on the server of `adminUrl`, created once per set of
 * migrations. Older talent_template_* databases are dropped. Safe against concurrent runs.
 */
export async function preparePostgresTemplate(adminUrl: string): Promise<string> {
  const hash = migrationsHash();
  const name = `talent_template_${hash}`;
  await withAdmin(adminUrl, async (admin) => {
    // One run at a time builds templates; the others wait and then find it built.
    await admin.query("select pg_advisory_lock(hashtext('talent_template'))");
    try {
      const existing = await admin.query<{ datname: string }>("select datname from pg_database where datname like 'talent\\_template\\_%'");
      for (const { datname } of existing.rows) {
        if (datname === name) continue;
        // A stale template (other migrations), or one a crashed run left half-built.
        await admin.query(`alter database ${datname} is_template false`);
        await admin.query(`drop database if exists ${datname} with (force)`);
      }
      if (existing.rows.some((r) => r.datname === name)) return;
      const building = `talent_template_${hash}_building`;
      await admin.query(`create database ${building}`);
      const url = new URL(adminUrl);
      url.pathname = `/${building}`;
      const database = openDatabase({ driver: "pg", url: url.toString() });
      try {
        await migrateDatabase(database);
      } finally {
        // Copying a database needs it to have no connections left.
        await database.close();
      }
      // Only a complete template gets the final name; no one may connect to it any more.
      await admin.query(`alter database ${building} rename to ${name}`);
      await admin.query(`alter database ${name} with is_template true allow_connections false`);
    } finally {
      await admin.query("select pg_advisory_unlock(hashtext('talent_template'))");
    }
  });
  return name;
}

/** Removes dumps of other migrations (40 MB each) once no run is likely to still read them. */
function pruneStaleDumps(current: string): void {
  const hourAgo = Date.now() - 60 * 60 * 1000;
  for (const name of readdirSync(tmpdir())) {
    const path = join(tmpdir(), name);
    if (!/^talent-pglite-.*\.tar$/.test(name) || path === current) continue;
    try {
      if (statSync(path).mtimeMs < hourAgo) rmSync(path, { force: true });
    } catch {
      // Another run removed it first.
    }
  }
}

function pgliteVersion(): string {
  // The package does not export its package.json; find it above its entry point.
  for (let dir = dirname(createRequire(import.meta.url).resolve("@electric-sql/pglite")); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
  }
  return "unknown";
}

/** Runs `run` on a connection of its own to `adminUrl`, closed afterwards (also by the benchmark). */
export async function withAdmin<T>(adminUrl: string, run: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    return await run(admin);
  } finally {
    await admin.end();
  }
}

function provided<K extends "pgliteDump" | "postgresTemplate">(key: K): string | undefined {
  // inject() only works inside a vitest worker; elsewhere the caller prepares its own.
  return process.env.VITEST ? inject(key) : undefined;
}
