// What every caller sees of the database, whichever PostgreSQL driver runs behind it: the
// `Database` interface, the configuration read from the environment, and what the drivers share.
// The drivers themselves live in db/drivers/, one file each, so that an entry point can reach one
// driver without loading the others (the Lambda bundle carries only Neon's, db/connect.ts).
import type { ExtractTablesWithRelations, Logger } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";

// The query builders are made without the schema: nothing uses Drizzle's relational queries
// (`db.query`), and extracting their configuration from 78 tables cost about 0.5 ms of CPU per
// builder, that is per request (each request's builder counts its own statements).
export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = PgTransaction<PgQueryResultHKT, Record<string, never>, ExtractTablesWithRelations<Record<string, never>>>;
/** Either the database or an open transaction: what a query needs to run. */
export type Executor = Db | Tx;

export type DriverName = "pglite" | "pg" | "neon";

export interface DatabaseConfig {
  driver: DriverName;
  url?: string;
  pgliteDir?: string;
  /** A PGlite dumpDataDir() tarball to start from instead of an empty database (the tests' pre-migrated one). */
  loadDataDir?: Blob;
  neonWsProxy?: string;
  logSql?: boolean;
}

export interface Database {
  readonly driver: DriverName;
  /** A query builder sharing the connection(s); `onQuery` sees every statement it sends. */
  withObserver(onQuery: (sql: string) => void): Db;
  readonly db: Db;
  /**
   * Calls `onNotify` on each NOTIFY on `channel`, from any process on the same database;
   * absent where the driver cannot hold a listening connection (Neon over WebSockets on Lambda).
   */
  listen?(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
  /**
   * Runs `work` while holding a lock that every process on the same database respects (a
   * PostgreSQL advisory lock on a connection of its own), so that two servers starting at once
   * migrate and seed one after the other. Not re-entrant.
   */
  exclusive?<T>(name: string, work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const explicit = env.DATABASE_DRIVER as DriverName | undefined;
  if (explicit && !["pglite", "pg", "neon"].includes(explicit)) {
    throw new Error(`DATABASE_DRIVER must be pglite, pg or neon, not ${explicit}`);
  }
  const onLambda = Boolean(env.AWS_LAMBDA_FUNCTION_NAME);
  const driver: DriverName = explicit ?? (onLambda ? "neon" : env.DATABASE_URL ? "pg" : "pglite");
  if (driver !== "pglite" && !env.DATABASE_URL) throw new Error(`DATABASE_URL is required for the ${driver} driver`);
  return {
    driver,
    url: env.DATABASE_URL,
    pgliteDir: env.PGLITE_DIR ?? ".data",
    neonWsProxy: env.NEON_WS_PROXY,
    logSql: env.LOG_SQL === "1" || env.LOG_SQL === "true",
  };
}

function makeLogger(logSql: boolean | undefined, onQuery?: (sql: string) => void): Logger | undefined {
  if (!logSql && !onQuery) return undefined;
  return {
    logQuery(query, params) {
      onQuery?.(query);
      if (logSql) console.error(JSON.stringify({ level: "debug", sql: query, params: params.length }));
    },
  };
}

/** The options every driver's `drizzle()` gets: snake_case columns, and statement logging when asked or observed. */
export function drizzleOptions(config: DatabaseConfig, onQuery?: (sql: string) => void) {
  return { casing: "snake_case" as const, logger: makeLogger(config.logSql, onQuery) };
}

interface LockClient {
  query(text: string, values?: unknown[]): Promise<unknown>;
  release(): void;
}

/** Holds a session-level advisory lock on one pooled connection while `work` runs on the others. */
export async function advisoryLock<T>(pool: { connect(): Promise<LockClient> }, name: string, work: () => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock(hashtext($1))", [name]);
    try {
      return await work();
    } finally {
      await client.query("select pg_advisory_unlock(hashtext($1))", [name]);
    }
  } finally {
    client.release();
  }
}
