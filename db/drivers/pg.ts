// node-postgres: the driver for a plain DATABASE_URL (the local server on PostgreSQL, the tests
// and the benchmark), with LISTEN on a connection of its own.
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { advisoryLock, type Database, type DatabaseConfig, type Db, drizzleOptions } from "../database.js";

export function openPg(config: DatabaseConfig): Database {
  const pool = new pg.Pool({ connectionString: config.url, max: 10 });
  // An idle client that loses its server must not crash the process.
  pool.on("error", (err) => console.error(JSON.stringify({ level: "error", msg: "pg pool error", code: (err as { code?: string }).code })));
  const make = (onQuery?: (sql: string) => void): Db => drizzle({ client: pool, ...drizzleOptions(config, onQuery) });
  return {
    driver: "pg",
    db: make(),
    withObserver: make,
    listen: (channel, onNotify) => listenPg(config.url!, channel, onNotify),
    exclusive: (name, work) => advisoryLock(pool, name, work),
    close: () => pool.end(),
  };
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
