// The Neon serverless driver over WebSockets, whose Pool gives real interactive transactions: what
// Lambda runs. NEON_WS_PROXY points it at a local WebSocket-to-TCP proxy instead of Neon (the
// tests and the benchmark).
import { neonConfig, Pool } from "@neondatabase/serverless";
import { drizzle } from "drizzle-orm/neon-serverless";
import ws from "ws";
import { advisoryLock, type Database, type DatabaseConfig, type Db, drizzleOptions } from "../database.js";

export function openNeon(config: DatabaseConfig): Database {
  configureNeon(config.neonWsProxy);
  const pool = new Pool({ connectionString: config.url });
  pool.on("error", (err: Error) => console.error(JSON.stringify({ level: "error", msg: "neon pool error", name: err.name })));
  const make = (onQuery?: (sql: string) => void): Db => drizzle({ client: pool, ...drizzleOptions(config, onQuery) });
  return { driver: "neon", db: make(), withObserver: make, exclusive: (name, work) => advisoryLock(pool, name, work), close: () => pool.end() };
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
