// The one place that knows which PostgreSQL driver runs. Everything else sees `Database`.
//
// - no DATABASE_URL: embedded PGlite in a folder (PGLITE_DIR, default .data/) that one process
//   at a time may open, or in memory with PGLITE_DIR=memory://;
// - a DATABASE_URL: node-postgres pool;
// - on Lambda, or DATABASE_DRIVER=neon: the Neon serverless driver over WebSockets, whose
//   Pool gives real interactive transactions. NEON_WS_PROXY points it at a local
//   WebSocket-to-TCP proxy instead of Neon (used by the tests).
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { Pool as NeonPool, neonConfig } from "@neondatabase/serverless";
import type { ExtractTablesWithRelations, Logger } from "drizzle-orm";
import { drizzle as drizzleNeon } from "drizzle-orm/neon-serverless";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import ws from "ws";
import { lockFolder } from "./folder-lock.js";

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

export function openDatabase(config: DatabaseConfig = databaseConfigFromEnv()): Database {
  const opts = (onQuery?: (sql: string) => void) => ({ casing: "snake_case" as const, logger: makeLogger(config.logSql, onQuery) });

  switch (config.driver) {
    case "pglite": {
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
      const make = (onQuery?: (sql: string) => void): Db => drizzlePglite({ client, ...opts(onQuery) });
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
    case "pg": {
      const pool = new pg.Pool({ connectionString: config.url, max: 10 });
      // An idle client that loses its server must not crash the process.
      pool.on("error", (err) => console.error(JSON.stringify({ level: "error", msg: "pg pool error", code: (err as { code?: string }).code })));
      const make = (onQuery?: (sql: string) => void): Db => drizzlePg({ client: pool, ...opts(onQuery) });
      return {
        driver: "pg",
        db: make(),
        withObserver: make,
        listen: (channel, onNotify) => listenPg(config.url!, channel, onNotify),
        exclusive: (name, work) => advisoryLock(pool, name, work),
        close: () => pool.end(),
      };
    }
    case "neon": {
      configureNeon(config.neonWsProxy);
      const pool = new NeonPool({ connectionString: config.url });
      pool.on("error", (err: Error) => console.error(JSON.stringify({ level: "error", msg: "neon pool error", name: err.name })));
      const make = (onQuery?: (sql: string) => void): Db => drizzleNeon({ client: pool, ...opts(onQuery) });
      return { driver: "neon", db: make(), withObserver: make, exclusive: (name, work) => advisoryLock(pool, name, work), close: () => pool.end() };
    }
  }
}

interface LockClient {
  query(text: string, values?: unknown[]): Promise<unknown>;
  release(): void;
}

/** Holds a session-level advisory lock on one pooled connection while `work` runs on the others. */
async function advisoryLock<T>(pool: { connect(): Promise<LockClient> }, name: string, work: () => Promise<T>): Promise<T> {
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

/** A dedicated connection that LISTENs: a pooled one would be handed to other queries. */
async function listenPg(url: string, channel: string, onNotify: () => void): Promise<() => Promise<void>> {
  if (!/^[a-z_]+$/.test(channel)) throw new Error(`invalid channel ${channel}`);
  const client = new pg.Client({ connectionString: url });
  client.on("error", (err) => console.error(JSON.stringify({ level: "error", msg: "pg listener error", code: (err as { code?: string }).code })));
  client.on("notification", (message) => {
    if (message.channel === channel) onNotify();
  });
  await client.connect();
  await client.query(`listen ${channel}`);
  return () => client.end();
}

function configureNeon(proxy: string | undefined): void {
  // Node 20 has no global WebSocket; Node 22 (Lambda) does, but `ws` works on both.
  neonConfig.webSocketConstructor = ws;
  if (proxy) {
    neonConfig.wsProxy = (host, port) => `${proxy}?address=${host}:${port}`;
    neonConfig.useSecureWebSocket = false;
    neonConfig.pipelineTLS = false;
    neonConfig.pipelineConnect = false;
  }
}
