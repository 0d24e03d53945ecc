// The per-request context every resolver and service receives, and the factory that builds it
// the same way for the local server, WebSocket connections, the Lambda handler and the tests.

import { randomUUID } from "node:crypto";
import type DataLoader from "dataloader";
import type { Database, Db } from "../../db/client.js";
import { type Actor, ANONYMOUS, type Authenticator } from "./auth.js";
import type { EventBus } from "./events.js";
import { type Locale, localeFromHeader } from "./i18n.js";
import { type Mailer, mailerFromEnv } from "./mailer.js";
import { type ObjectStore, objectStoreFromEnv } from "./storage.js";
import { openTransaction } from "./transaction.js";

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
  /**
   * The network address the request came from (the socket's locally, API Gateway's sourceIp on
   * AWS); null where there is no request. For limits per address, never for authorization, and
   * never logged or stored as it is (schema/shared/rate-limit.ts keys by its hash).
   */
  clientAddress: string | null;
  /** Outside services the API talks to: the mailer and the object store, per stage. */
  services: AppServices;
  /** The open change's transaction while one is open in this async context, else the request's connection. */
  readonly db: Db;
  stats: RequestStats;
  events: EventBus;
  /** What `change()` needs to open or join a transaction; services use `db`. */
  readonly transactions: { owner: object; db: Db };
  /**
   * The request's DataLoader for `key` (and `variant`), created on first use. Inside a change
   * the loaders are the transaction's own, so they see its writes; any write empties them.
   */
  loader<K, V>(key: object, variant: string, create: () => DataLoader<K, V>): DataLoader<K, V>;
  /**
   * Empties the request's loaders. A subscription's context outlives its request: it calls this
   * before each event, so the event's fields read today's rows, not the ones of the first event.
   */
  forgetLoaded(): void;
}

export interface RequestInfo {
  authorization?: string | null;
  acceptLanguage?: string | null;
  requestId?: string | null;
  clientAddress?: string | null;
}

export interface ContextDeps {
  database: Database;
  authenticate: Authenticator;
  events: EventBus;
  services?: AppServices;
}

/** The outside services a request may use; from the environment unless a caller (a test) gives its own. */
export interface AppServices {
  mailer: Mailer;
  storage: ObjectStore;
}

let fromEnv: AppServices | undefined;
/** The services configured by the environment, made once per process. */
export function servicesFromEnv(): AppServices {
  fromEnv ??= { mailer: mailerFromEnv(), storage: objectStoreFromEnv() };
  return fromEnv;
}

export type ContextFactory = (request: RequestInfo) => Promise<Context>;

type LoaderMap = Map<object, Map<string, DataLoader<unknown, unknown>>>;

export function createContextFactory({ database, authenticate, events, services }: ContextDeps): ContextFactory {
  return async (request) => {
    // One request id from the start, so an authentication failure's log line carries it too.
    const requestId = request.requestId || randomUUID();
    // An API key is looked up on the database's own connection, before the request's statements
    // are counted: authentication is not the request's work (and touches lastUsedAt once a minute at most).
    const actor = request.authorization ? await authenticate(request.authorization, { requestId, database }) : ANONYMOUS;
    return createContext({ database, events, actor, locale: localeFromHeader(request.acceptLanguage), requestId, clientAddress: request.clientAddress ?? null, services });
  };
}

/** A context for an actor, also for work that does not come from a request (relays, seeds). */
export function createContext({
  database,
  events,
  actor,
  locale = "nl",
  requestId = randomUUID(),
  clientAddress = null,
  services = servicesFromEnv(),
}: {
  database: Database;
  events: EventBus;
  actor: Actor;
  locale?: Locale;
  requestId?: string;
  clientAddress?: string | null;
  services?: AppServices;
}): Context {
  const stats: RequestStats = { statements: 0, writes: 0 };
  const requestLoaders: LoaderMap = new Map();
  const owner = database;
  const loadersHere = (): LoaderMap => openTransaction(owner)?.loaders ?? requestLoaders;
  const base = database.withObserver((sql) => {
    stats.statements++;
    // A cached aggregate stored by a read (schema/shared/aggregates.ts) changes no data a loader holds.
    if (/^\s*(insert|update|delete)\b/i.test(sql) && !/^\s*insert into "aggregate_cache"/i.test(sql)) {
      stats.writes++;
      // A write may change what any loader cached: the transaction's and, once it commits, the request's.
      loadersHere().clear();
      requestLoaders.clear();
    }
  });
  // Apollo hands each operation a shallow copy of the context (Object.assign onto an object of the
  // same prototype), which would turn an own getter into the value it had then: the request's
  // connection, even inside a change. `db` lives on the prototype, so every copy still reads
  // through the open change's transaction.
  const connection: { readonly db: Db } = Object.create(Object.prototype, {
    db: { get: () => openTransaction(owner)?.tx ?? base, enumerable: false },
  });
  const context: Omit<Context, "db"> = {
    requestId,
    actor,
    locale,
    clientAddress,
    services,
    stats,
    events,
    transactions: { owner, db: base },
    loader<K, V>(key: object, variant: string, create: () => DataLoader<K, V>): DataLoader<K, V> {
      const map = loadersHere();
      let variants = map.get(key);
      if (!variants) map.set(key, (variants = new Map()));
      let loader = variants.get(variant);
      if (!loader) variants.set(variant, (loader = create() as DataLoader<unknown, unknown>));
      return loader as DataLoader<K, V>;
    },
    forgetLoaded() {
      requestLoaders.clear();
    },
  };
  return Object.assign(Object.create(connection) as Context, context);
}
