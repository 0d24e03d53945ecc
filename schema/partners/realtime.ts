// GraphQL subscriptions on AWS: what the API Gateway WebSocket handlers (functions/realtime.ts)
// do, apart from the Lambda glue. API Gateway holds the sockets; each frame a client sends invokes
// $default with its connection id, and messages go back through the management API (`Gateway`).
// So the state graphql-ws keeps in memory on the local server lives here in PostgreSQL:
// websocket_connections (the actor once connection_init was accepted) and websocket_subscriptions
// (each operation's document, variables and the outbox events that feed it).
//
// The protocol is graphql-transport-ws (https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md):
// connection_init (payload.authorization: a bearer JWT or an API key) -> connection_ack; a second
// init closes with 4429, a refused token with 4403; subscribe before the ack closes with 4401, a
// duplicate operation id with 4409, anything unreadable with 4400; complete ends an operation;
// ping -> pong. A close on AWS is DeleteConnection: API Gateway cannot send a close code, so the
// code is logged (and returned to the caller) but the client sees the socket end.
//
// Dispatch: a durable outbox consumer ("realtime"). Per batch, one statement finds the
// subscriptions listening to the batch's events; per connection one context (its actor, loaders
// of this batch only) asks, for each (event, subscription), the same rule as the local server
// (subscriptions.service.ts), executes the stored document with the result as its source and
// posts `next`. A connection API Gateway says is gone (410) is deleted with its subscriptions.
import { and, eq, gt, inArray, isNull, or, sql } from "drizzle-orm";
import {
  type DocumentNode,
  type ExecutionResult,
  execute,
  type FieldNode,
  type GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  getArgumentValues,
  getOperationAST,
  getVariableValues,
  type OperationDefinitionNode,
  parse,
  specifiedRules,
  subscribe,
  type ValidationRule,
  validate,
} from "graphql";
import { decodeJwt } from "jose";
import type { Database, Db } from "../../db/client.js";
import { apiKeys, websocketConnections, websocketSubscriptions } from "../../db/schema/partners.js";
import type { Actor } from "../shared/auth.js";
import { type Context, type ContextFactory, createContext } from "../shared/context.js";
import { maskError } from "../shared/errors.js";
import { type DomainEvent, EventBus } from "../shared/events.js";
import { type Limits, limitParseOptions } from "../shared/limits.js";
import { consumeBatch } from "../shared/outbox.js";
import { fromGlobalId } from "../shared/relay.js";
import { inTransaction } from "../shared/transaction.js";
import { eventNamesOf, isResultField, RESULT_SUBSCRIPTION_EVENTS, type ResultField, resultForSubscriber, withFreshLoaders } from "./subscriptions.service.js";

export const PROTOCOL = "graphql-transport-ws";
export const REALTIME_CONSUMER = "realtime";

/** graphql-transport-ws close codes. */
/** The actor as a connection keeps it: with its token's expiry, when it signed in with a token that has one. */
type StoredActor = Actor & { credentialExpiresAt?: string };

/** When a bearer JWT expires (already verified by the context factory); null for an API key or none. */
function tokenExpiry(authorization: string | null): string | null {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? "")?.[1];
  if (!token || token.startsWith("tapi_")) return null;
  try {
    const { exp } = decodeJwt(token);
    return typeof exp === "number" ? new Date(exp * 1000).toISOString() : null;
  } catch {
    return null;
  }
}

export const CLOSE = {
  BAD_REQUEST: 4400,
  UNAUTHORIZED: 4401,
  FORBIDDEN: 4403,
  DUPLICATE_SUBSCRIBER: 4409,
  TOO_MANY_INITS: 4429,
} as const;

/** How messages reach a client: API Gateway's management API on AWS, a stand-in in tests. */
export interface Gateway {
  /** Sends one message; false when the connection is gone (410). */
  post(connectionId: string, message: unknown): Promise<boolean>;
  /** Ends the connection (API Gateway's DeleteConnection: the code does not reach the client). */
  close(connectionId: string, code: number, reason: string): Promise<void>;
}

export interface RealtimeApp {
  schema: GraphQLSchema;
  createContext: ContextFactory;
  validationRules: ValidationRule[];
  settings: { limits: Limits; production?: boolean };
  log: (entry: Record<string, unknown>) => void;
}

export interface RealtimeOptions {
  app: RealtimeApp;
  database: Database;
  gateway: Gateway;
}

/** What a message did to its connection: nothing more, or closed it with a code. */
export type MessageOutcome = { closed: false } | { closed: true; code: number; reason: string };

type Message = { type?: unknown; id?: unknown; payload?: unknown };
type SubscriptionRow = typeof websocketSubscriptions.$inferSelect;

/** The one root field of a stored subscription document, with its arguments as the subscriber sent them. */
interface Operation {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  field: ResultField;
  fieldNode: FieldNode;
}

function rootField(document: DocumentNode, operationName: string | null | undefined): Operation | string {
  const operation = getOperationAST(document, operationName);
  if (!operation) return "The document must hold one operation, or name the one to run";
  if (operation.operation !== "subscription") return "Only subscriptions are served over this connection (queries and mutations go over HTTP)";
  const fields = operation.selectionSet.selections;
  const [fieldNode] = fields;
  if (fields.length !== 1 || fieldNode?.kind !== "Field" || !isResultField(fieldNode.name.value)) {
    return `A subscription selects exactly one of ${Object.keys(RESULT_SUBSCRIPTION_EVENTS).join(", ")}`;
  }
  return { document, operation, field: fieldNode.name.value, fieldNode };
}

const errorPayload = (message: string, code: string): GraphQLFormattedError[] => [{ message, extensions: { code } }];

export class Realtime {
  private readonly schema: GraphQLSchema;
  /** Stored documents parsed once per process. */
  private readonly parsed = new Map<string, DocumentNode>();
  /** Statements the dispatcher sent (all its batches). */
  readonly stats = { statements: 0 };

  constructor(private readonly options: RealtimeOptions) {
    this.schema = options.app.schema;
  }

  private get db(): Db {
    return this.options.database.db;
  }

  // ---- $connect / $disconnect ----

  /** $connect: accepted only for the graphql-transport-ws subprotocol, which the answer names. */
  async connect(connectionId: string, headers: Record<string, string | undefined> | null | undefined): Promise<{ statusCode: number; headers?: Record<string, string> }> {
    const offered = Object.entries(headers ?? {})
      .filter(([name]) => name.toLowerCase() === "sec-websocket-protocol")
      .flatMap(([, value]) => (value ?? "").split(",").map((p) => p.trim()));
    if (!offered.includes(PROTOCOL)) return { statusCode: 400 };
    await this.db.insert(websocketConnections).values({ connectionId }).onConflictDoNothing();
    return { statusCode: 200, headers: { "Sec-WebSocket-Protocol": PROTOCOL } };
  }

  /** $disconnect: the connection goes, and its subscriptions with it (cascade). */
  async disconnect(connectionId: string): Promise<void> {
    await this.db.delete(websocketConnections).where(eq(websocketConnections.connectionId, connectionId));
  }

  private async close(connectionId: string, code: number, reason: string): Promise<MessageOutcome> {
    this.options.app.log({ level: "info", msg: "websocket closed", code, reason });
    await this.disconnect(connectionId);
    await this.options.gateway.close(connectionId, code, reason);
    return { closed: true, code, reason };
  }

  private async post(connectionId: string, message: unknown): Promise<void> {
    if (!(await this.options.gateway.post(connectionId, message))) await this.disconnect(connectionId);
  }

  // ---- $default ----

  /** $default: one protocol message. */
  async message(connectionId: string, body: string | null | undefined): Promise<MessageOutcome> {
    let message: Message;
    try {
      message = JSON.parse(body ?? "") as Message;
    } catch {
      return this.close(connectionId, CLOSE.BAD_REQUEST, "Invalid message received");
    }
    if (typeof message !== "object" || message === null || typeof message.type !== "string") return this.close(connectionId, CLOSE.BAD_REQUEST, "Invalid message received");
    const [connection] = await this.db.select().from(websocketConnections).where(eq(websocketConnections.connectionId, connectionId));
    if (!connection) return this.close(connectionId, CLOSE.BAD_REQUEST, "Unknown connection");
    switch (message.type) {
      case "connection_init":
        return this.init(connectionId, message);
      case "ping":
        await this.post(connectionId, { type: "pong" });
        return { closed: false };
      case "pong":
        return { closed: false };
      case "subscribe":
        if (!connection.initialisedAt) return this.close(connectionId, CLOSE.UNAUTHORIZED, "Unauthorized");
        return this.subscribe(connectionId, connection.id, connection.actor as Actor, message);
      case "complete":
        if (typeof message.id !== "string") return this.close(connectionId, CLOSE.BAD_REQUEST, "Invalid message received");
        await this.db.delete(websocketSubscriptions).where(and(eq(websocketSubscriptions.connectionId, connection.id), eq(websocketSubscriptions.operationId, message.id)));
        return { closed: false };
      default:
        return this.close(connectionId, CLOSE.BAD_REQUEST, `Unexpected message of type ${message.type.slice(0, 40)} received`);
    }
  }

  private async init(connectionId: string, message: Message): Promise<MessageOutcome> {
    const payload = (message.payload ?? {}) as { authorization?: unknown };
    if (typeof payload !== "object" || payload === null) return this.close(connectionId, CLOSE.BAD_REQUEST, "Invalid message received");
    let actor: Actor;
    const authorization = typeof payload.authorization === "string" ? payload.authorization : null;
    try {
      ({ actor } = await this.options.app.createContext({ authorization }));
    } catch {
      return this.close(connectionId, CLOSE.FORBIDDEN, "Forbidden");
    }
    // Kept with the actor so that dispatch stops serving it once the token has expired.
    const credentialExpiresAt = tokenExpiry(authorization);
    // Only the first init sets the actor: of two at once, the second finds it set.
    const [accepted] = await this.db
      .update(websocketConnections)
      .set({ actor: { ...actor, ...(credentialExpiresAt ? { credentialExpiresAt } : {}) }, initialisedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(websocketConnections.connectionId, connectionId), isNull(websocketConnections.initialisedAt)))
      .returning({ id: websocketConnections.id });
    if (!accepted) return this.close(connectionId, CLOSE.TOO_MANY_INITS, "Too many initialisation requests");
    await this.post(connectionId, { type: "connection_ack" });
    return { closed: false };
  }

  private async subscribe(connectionId: string, connectionRowId: string, actor: Actor, message: Message): Promise<MessageOutcome> {
    const payload = message.payload as { query?: unknown; variables?: unknown; operationName?: unknown } | undefined;
    const id = message.id;
    if (typeof id !== "string" || !id || typeof payload !== "object" || payload === null || typeof payload.query !== "string") {
      return this.close(connectionId, CLOSE.BAD_REQUEST, "Invalid message received");
    }
    const variables = payload.variables && typeof payload.variables === "object" ? (payload.variables as Record<string, unknown>) : {};
    const operationName = typeof payload.operationName === "string" ? payload.operationName : null;
    const refuse = async (errors: readonly GraphQLFormattedError[]): Promise<MessageOutcome> => {
      await this.post(connectionId, { id, type: "error", payload: errors });
      return { closed: false };
    };
    const { app } = this.options;
    let document: DocumentNode;
    try {
      document = parse(payload.query, limitParseOptions(app.settings.limits));
    } catch (error) {
      return refuse(errorPayload((error as Error).message, "GRAPHQL_PARSE_FAILED"));
    }
    const invalid = validate(this.schema, document, [...specifiedRules, ...app.validationRules]);
    if (invalid.length) return refuse(invalid.map((e) => ({ ...e.toJSON(), extensions: { ...e.extensions, code: "GRAPHQL_VALIDATION_FAILED" } })));
    const operation = rootField(document, operationName);
    if (typeof operation === "string") return refuse(errorPayload(operation, "BAD_REQUEST"));
    const coerced = getVariableValues(this.schema, operation.operation.variableDefinitions ?? [], variables, { maxErrors: 20 });
    if (coerced.errors) return refuse(coerced.errors.map((e) => ({ ...e.toJSON(), extensions: { ...e.extensions, code: "BAD_USER_INPUT" } })));
    // The field's own checks (who may subscribe, its arguments), run as the subscriber now:
    // graphql's subscribe calls the resolver, whose bus iterator is closed at once.
    const ctx = createContext({ database: this.options.database, events: new EventBus(), actor });
    const started = await subscribe({ schema: this.schema, document, variableValues: variables, operationName, contextValue: ctx });
    if (Symbol.asyncIterator in started) {
      await started.return?.();
    } else {
      return refuse(this.format(started.errors ?? []));
    }
    const [count] = await this.db.select({ n: sql<number>`count(*)::int` }).from(websocketSubscriptions).where(eq(websocketSubscriptions.connectionId, connectionRowId));
    const limit = app.settings.limits.wsMaxSubscriptionsPerConnection;
    if ((count?.n ?? 0) >= limit) {
      return refuse([{ message: `This connection has ${limit} operations open already, the most it may have.`, extensions: { code: "LIMIT_EXCEEDED", limit } }]);
    }
    const [stored] = await this.db
      .insert(websocketSubscriptions)
      .values({ connectionId: connectionRowId, operationId: id, query: payload.query, variables, operationName, eventNames: eventNamesOf(operation.field) })
      .onConflictDoNothing()
      .returning({ id: websocketSubscriptions.id });
    if (!stored) return this.close(connectionId, CLOSE.DUPLICATE_SUBSCRIBER, `Subscriber for ${id.slice(0, 100)} already exists`);
    return { closed: false };
  }

  private format(errors: readonly GraphQLError[]): GraphQLFormattedError[] {
    return errors.map((e) => maskError(e.toJSON(), e, (original) => this.options.app.log({ level: "error", msg: "unexpected error", name: (original as Error)?.name })));
  }

  // ---- dispatch ----

  /** One batch of the outbox for the "realtime" consumer; the number of events read (0: none new). */
  async dispatchOnce(batchSize = 100): Promise<number> {
    const counted = this.options.database.withObserver(() => this.stats.statements++);
    // The batch's reads and deletes go through its transaction (PGlite has one connection), and
    // every context made on this database joins it (ctx.db is the open transaction).
    return consumeBatch(
      counted,
      REALTIME_CONSUMER,
      async (events, tx) => {
        await inTransaction(
          this.options.database,
          tx,
          () => this.dispatch(events),
          () => {},
        );
      },
      batchSize,
    );
  }

  /** Posts the batch's events to the subscriptions they match, as each connection's actor; returns the messages posted. */
  async dispatch(events: DomainEvent[]): Promise<number> {
    const names = [...new Set(events.map((e) => e.name))];
    const db = createContext({ database: this.options.database, events: new EventBus(), actor: { role: "ANONYMOUS" } }).db;
    const listening = await db
      .select({ subscription: websocketSubscriptions, connectionId: websocketConnections.connectionId, actor: websocketConnections.actor })
      .from(websocketSubscriptions)
      .innerJoin(websocketConnections, eq(websocketConnections.id, websocketSubscriptions.connectionId))
      .where(
        sql`${websocketConnections.initialisedAt} is not null and ${websocketSubscriptions.eventNames} && array[${sql.join(
          names.map((n) => sql`${n}`),
          sql`, `,
        )}]::text[]`,
      );
    if (listening.length === 0) return 0;
    const byConnection = new Map<string, { actor: StoredActor; subscriptions: SubscriptionRow[] }>();
    for (const row of listening) {
      const entry = byConnection.get(row.connectionId) ?? { actor: row.actor as StoredActor, subscriptions: [] };
      entry.subscriptions.push(row.subscription);
      byConnection.set(row.connectionId, entry);
    }
    // A connection outlives its credentials: one whose token expired or whose API key was revoked
    // or expired since connection_init is ended instead of served (one statement per batch).
    const lapsed = await this.lapsedConnections(db, byConnection);
    for (const connectionId of lapsed) {
      byConnection.delete(connectionId);
      // Through the batch's transaction (on PGlite a write beside it would wait for it for ever).
      await db.delete(websocketConnections).where(eq(websocketConnections.connectionId, connectionId));
      await this.options.gateway.close(connectionId, CLOSE.FORBIDDEN, "Forbidden");
      this.options.app.log({ level: "info", msg: "websocket closed", code: CLOSE.FORBIDDEN, reason: "credentials lapsed" });
    }
    const posted = await Promise.all([...byConnection].map(([connectionId, { actor, subscriptions }]) => this.dispatchToConnection(connectionId, actor, subscriptions, events)));
    return posted.reduce((a, b) => a + b, 0);
  }

  /** The connections whose credentials no longer hold: an expired token, a revoked or expired API key. */
  private async lapsedConnections(db: Db, connections: Map<string, { actor: StoredActor }>): Promise<string[]> {
    const now = Date.now();
    const lapsed = [...connections].filter(([, { actor }]) => actor.credentialExpiresAt !== undefined && Date.parse(actor.credentialExpiresAt) <= now).map(([id]) => id);
    const keyIds = [...new Set([...connections.values()].flatMap(({ actor }) => ("apiKeyId" in actor && actor.apiKeyId ? [actor.apiKeyId] : [])))];
    if (keyIds.length === 0) return lapsed;
    const live = new Set(
      (
        await db
          .select({ id: apiKeys.id })
          .from(apiKeys)
          .where(and(inArray(apiKeys.id, keyIds), isNull(apiKeys.revokedAt), or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, new Date(now)))))
      ).map((k) => k.id),
    );
    for (const [connectionId, { actor }] of connections) {
      if ("apiKeyId" in actor && actor.apiKeyId && !live.has(actor.apiKeyId) && !lapsed.includes(connectionId)) lapsed.push(connectionId);
    }
    return lapsed;
  }

  private async dispatchToConnection(connectionId: string, actor: Actor, subscriptions: SubscriptionRow[], events: DomainEvent[]): Promise<number> {
    // One context per connection per batch: its loaders serve every (event, subscription) of the batch.
    const ctx = withFreshLoaders(createContext({ database: this.options.database, events: new EventBus(), actor }));
    const work: Promise<{ id: string; payload: ExecutionResult } | null>[] = [];
    for (const event of events) {
      for (const subscription of subscriptions) {
        if (subscription.eventNames.includes(event.name)) work.push(this.render(ctx, subscription, event));
      }
    }
    const messages = (await Promise.all(work)).filter((m) => m !== null);
    let sent = 0;
    for (const message of messages) {
      if (!(await this.options.gateway.post(connectionId, { id: message.id, type: "next", payload: message.payload }))) {
        // Gone: the connection and its subscriptions are removed; nothing more is sent to it.
        await ctx.db.delete(websocketConnections).where(eq(websocketConnections.connectionId, connectionId));
        break;
      }
      sent++;
    }
    return sent;
  }

  /** The `next` payload of one subscription for one event, or null when the subscriber may not have it. */
  private async render(ctx: Context, subscription: SubscriptionRow, event: DomainEvent): Promise<{ id: string; payload: ExecutionResult } | null> {
    let document = this.parsed.get(subscription.query);
    if (!document) this.parsed.set(subscription.query, (document = parse(subscription.query)));
    const operation = rootField(document, subscription.operationName);
    if (typeof operation === "string") return null;
    const variables = (subscription.variables ?? {}) as Record<string, unknown>;
    const coerced = getVariableValues(this.schema, operation.operation.variableDefinitions ?? [], variables);
    if (coerced.errors) return null;
    const fieldDef = this.schema.getSubscriptionType()?.getFields()[operation.field];
    if (!fieldDef) return null;
    const args = getArgumentValues(fieldDef, operation.fieldNode, coerced.coerced) as { campaignId?: string | null };
    // Checked when subscribing; a campaign id that no longer parses matches nothing.
    let campaignRowId: string | null = null;
    if (args.campaignId != null) {
      const decoded = fromGlobalId(args.campaignId);
      if (decoded?.type !== "Campaign") return null;
      campaignRowId = decoded.id;
    }
    const result = await resultForSubscriber(ctx, operation.field, event, campaignRowId);
    if (!result) return null;
    const executed = await execute({
      schema: this.schema,
      document,
      operationName: subscription.operationName,
      variableValues: variables,
      rootValue: { [operation.field]: result },
      contextValue: ctx,
    });
    return { id: subscription.operationId, payload: executed.errors ? { ...executed, errors: this.format(executed.errors) as never } : executed };
  }
}
