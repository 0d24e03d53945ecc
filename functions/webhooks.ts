// The scheduled Lambda that delivers webhooks on AWS (infra/webhooks.ts runs it every minute):
// it fans out what is new in the outbox and sends what is due, batch after batch, until about
// 50 s have passed or nothing is left, then closes its pool (a frozen Lambda must not hold
// sockets). Several invocations at once are safe: fan-out batches and claimed deliveries are
// locked with SKIP LOCKED. Kept out of the GraphQL function's bundle: only this entry imports
// the dispatcher.
import type { Context as LambdaContext } from "aws-lambda";
import { connectDatabase } from "../db/connect.js";
import { databaseConfigFromEnv } from "../db/database.js";
import { WebhookDispatcher } from "../schema/partners/dispatcher.js";
import { secretBoxFromEnv } from "../schema/partners/secret-box.js";
import { buildSchema, jsonLog } from "../schema/server.js";
import { settingsFromEnv } from "../schema/shared/settings.js";

// Built once per container: a missing WEBHOOK_SECRET_KEY in production fails the cold start.
const schema = buildSchema();
const settings = settingsFromEnv();
const secretBox = secretBoxFromEnv();

/** How long one invocation works before it stops taking new batches (the function's timeout is 60 s). */
export const WORK_MS = 50_000;

export async function handler(_event?: unknown, context?: Pick<LambdaContext, "getRemainingTimeInMillis">): Promise<{ events: number; deliveries: number }> {
  const started = Date.now();
  // Never past ~50 s, and never closer than 10 s (two send timeouts) to the function's own end.
  const until = Math.min(started + WORK_MS, context ? started + context.getRemainingTimeInMillis() - 10_000 : Number.POSITIVE_INFINITY);
  const database = await connectDatabase(databaseConfigFromEnv());
  const dispatcher = new WebhookDispatcher({ database, schema, production: settings.production, secretBox, log: jsonLog });
  const total = { events: 0, deliveries: 0 };
  try {
    for (;;) {
      const done = await dispatcher.runOnce(until);
      total.events += done.events;
      total.deliveries += done.deliveries;
      if ((done.events === 0 && done.deliveries === 0) || Date.now() >= until) break;
    }
    jsonLog({ level: "info", msg: "webhooks dispatched", ...total, statements: dispatcher.stats.statements, ms: Date.now() - started });
    return total;
  } finally {
    await database.close();
  }
}
