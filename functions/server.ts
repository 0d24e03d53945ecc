// `npm start`: the local API. It listens at once, migrates the database and seeds it when it
// is empty, then answers: /health turns 200 and /graphql starts serving.

import { sql } from "drizzle-orm";
import { type Database, openDatabase } from "../db/client.js";
import { migrateDatabase, withMigrationLock } from "../db/migrate.js";
import { isEmpty, seedDatabase } from "../db/seed/index.js";
import { WebhookDispatcher } from "../schema/partners/dispatcher.js";
import { createApp, jsonLog } from "../schema/server.js";
import { authConfigFromEnv } from "../schema/shared/auth.js";
import { startLocalServer } from "./http.js";

const database = openOrExit();

// Two servers starting at once on one database migrate and seed one after the other.
const migrated = withMigrationLock(database, async () => {
  await migrateDatabase(database);
  if (await isEmpty(database)) {
    const added = await seedDatabase(database, "sources");
    jsonLog({ level: "info", msg: "seeded an empty database", ...added });
  }
});

const pollMs = Number(process.env.OUTBOX_POLL_MS ?? (database.driver === "pglite" ? 1000 : 5000));
const app = createApp({ database, auth: authConfigFromEnv(), relay: { ready: migrated, pollMs } });
// The API answers once its relay reads the outbox, so no change made after that is missed by
// this process's subscribers.
const ready = migrated.then(() => app.relay?.started);

const server = await startLocalServer(app, {
  port: Number(process.env.PORT ?? 4000),
  host: process.env.HOST ?? "127.0.0.1",
  ready,
  ping: async () => {
    await database.db.execute(sql`select 1`);
  },
});
try {
  await ready;
} catch {
  // Logged by the server; a process that cannot serve must not linger answering 503.
  await server.close();
  await database.close().catch(() => {});
  process.exit(1);
}
// How long since the process began, to see what a start costs (the startup benchmark times it from outside).
jsonLog({ level: "info", msg: `GraphQL API ready at ${server.url} (database: ${database.driver})`, startupMs: Math.round(performance.now()) });

// Webhooks while the server runs: woken by this process's commits (the bus) and polling for
// the rest (other processes' commits, retries coming due). On AWS a scheduled function does this.
const webhooks = new WebhookDispatcher({
  database,
  schema: app.schema,
  events: app.events,
  production: app.settings.production,
  pollMs: Number(process.env.WEBHOOK_POLL_MS ?? 1000),
  log: jsonLog,
});
webhooks.start();

// `on`, not `once`: Apollo's own handler stops Apollo and then raises the signal again, which
// would kill the process before the database is closed (and its folder's lock released).
let closing = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    if (closing) return;
    closing = true;
    await webhooks.stop();
    await server.close();
    await database.close();
    process.exit(0);
  });
}

/** The database, or a logged reason and exit 1 (such as an embedded folder another process holds). */
function openOrExit(): Database {
  try {
    return openDatabase();
  } catch (error) {
    jsonLog({ level: "error", msg: "startup failed", name: (error as Error)?.name, message: String((error as Error)?.message) });
    process.exit(1);
  }
}
