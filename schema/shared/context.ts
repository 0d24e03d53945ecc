// The per-request context every resolver and service receives, and the factory that builds it
// the same way for the local server, WebSocket connections, the Lambda handler and the tests.
import { randomUUID } from "node:crypto";
import type DataLoader from "dataloader";
import type { Database, Db } from "../../db/client.js";
import { ANONYMOUS, type Actor, type Authenticator } from "./auth.js";
import type { EventBus } from "./events.js";
import { localeFromHeader, type Locale } from "./i18n.js";

export interface RequestStats {
  /** SQL statements sent for this request; logged per operation and counted by the tests. */
  statements: number;
  /** Of those, the ones that change data (insert, update, delete). */
  writes: number;
}

export interface Context {
  requestId: string;
  actor: Actor;
  locale: Locale;
  db: Db;
  stats: RequestStats;
  events: EventBus;
  /** A per-request DataLoader, created on first use, so each module owns its own loaders. */
  loader<K, V>(name: string, create: (ctx: Context) => DataLoader<K, V>): DataLoader<K, V>;
}

export interface RequestInfo {
  authorization?: string | null;
  acceptLanguage?: string | null;
  requestId?: string | null;
}

export interface ContextDeps {
  database: Database;
  authenticate: Authenticator;
  events: EventBus;
}

export type ContextFactory = (request: RequestInfo) => Promise<Context>;

export function createContextFactory({ database, authenticate, events }: ContextDeps): ContextFactory {
  return async (request) => {
    const stats: RequestStats = { statements: 0, writes: 0 };
    const loaders = new Map<string, DataLoader<unknown, unknown>>();
    const actor = request.authorization ? await authenticate(request.authorization) : ANONYMOUS;
    const ctx: Context = {
      requestId: request.requestId || randomUUID(),
      actor,
      locale: localeFromHeader(request.acceptLanguage),
      db: database.withObserver((sql) => {
        stats.statements++;
        if (/^\s*(insert|update|delete)\b/i.test(sql)) stats.writes++;
      }),
      stats,
      events,
      loader<K, V>(name: string, create: (ctx: Context) => DataLoader<K, V>) {
        let loader = loaders.get(name) as DataLoader<K, V> | undefined;
        if (!loader) {
          loader = create(ctx);
          loaders.set(name, loader as DataLoader<unknown, unknown>);
        }
        return loader;
      },
    };
    return ctx;
  };
}
