// Builds the one GraphQL server every entry point runs: the executable schema from the
// generated type definitions and resolver map, Apollo with error masking and one structured
// log line per operation, and the context factory. functions/ only adapts it to a transport.
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { makeExecutableSchema } from "@graphql-tools/schema";
import { buildASTSchema, type GraphQLSchema, NoSchemaIntrospectionCustomRule, type ValidationRule } from "graphql";
import type { Database } from "../db/client.js";
import { resolvers } from "./resolvers.generated.js";
import { type AuthConfig, createAuthenticator } from "./shared/auth.js";
import { cacheControlPlugins } from "./shared/cache-control.js";
import { type AppServices, type Context, type ContextFactory, createContextFactory } from "./shared/context.js";
import { maskError } from "./shared/errors.js";
import { EventBus } from "./shared/events.js";
import { applicationJsonStatusPlugin } from "./shared/graphql-over-http.js";
import { hostileInputPlugin } from "./shared/hostile-input.js";
import { limitParseOptions, limitPlugins, limitRules } from "./shared/limits.js";
import { jsonLog, type Log } from "./shared/log.js";
import { OutboxRelay, type RelayOptions } from "./shared/outbox.js";
import { hideSuggestionsPlugin } from "./shared/production.js";
import { type Settings, settingsFromEnv } from "./shared/settings.js";
import { typeDefs } from "./typeDefs.generated.js";

export { jsonLog, type Log, type LogEntry } from "./shared/log.js";

/**
 * The executable schema. The generated SDL is built as it is (`assumeValid`): it was validated
 * when codegen wrote it, and test/kit/schema.test.ts validates it again, so a cold start does not
 * pay for validating and copying 500 KB of type definitions (about a fifth of a Lambda's cold
 * start). The resolvers are attached in place.
 */
export function buildSchema(): GraphQLSchema {
  return makeExecutableSchema({ typeDefs: buildASTSchema(typeDefs, { assumeValid: true, assumeValidSDL: true }), resolvers, updateResolversInPlace: true });
}

export interface AppOptions {
  database: Database;
  auth: AuthConfig;
  events?: EventBus;
  log?: Log;
  /** What differs between stages (limits, introspection, explorer, CORS); from the environment by default. */
  settings?: Settings;
  /**
   * Feeds this process's subscriptions from the outbox while the server runs (started once
   * `ready` resolves, when the database is migrated); `false` on Lambda, which serves none.
   */
  relay?: (RelayOptions & { ready?: Promise<unknown> }) | false;
  /** The mailer and object store; from the environment by default (servicesFromEnv). */
  services?: AppServices;
}

export interface App {
  schema: GraphQLSchema;
  server: ApolloServer<Context>;
  createContext: ContextFactory;
  events: EventBus;
  relay: OutboxRelay | null;
  log: Log;
  settings: Settings;
  /** The validation rules every transport applies before executing (Apollo's own run on HTTP). */
  validationRules: ValidationRule[];
}

export function createApp({ database, auth, events = new EventBus(), log = jsonLog, settings = settingsFromEnv(), relay: relayOptions = {}, services }: AppOptions): App {
  const schema = buildSchema();
  // Where introspection is off, also over WebSocket, which does not go through Apollo.
  const validationRules = [...limitRules(settings.limits), ...(settings.introspection ? [] : [NoSchemaIntrospectionCustomRule])];
  const relay = relayOptions
    ? new OutboxRelay(database, events, {
        ...relayOptions,
        onError: (error) => log({ level: "error", msg: "outbox relay failed", name: (error as Error)?.name, code: (error as { code?: string })?.code }),
      })
    : null;
  const createContext = createContextFactory({ database, authenticate: createAuthenticator(auth, { log }), events, services });
  const server = new ApolloServer<Context>({
    schema,
    includeStacktraceInErrorResponses: false,
    introspection: settings.introspection,
    validationRules,
    // The token limit stops the parser itself (GRAPHQL_MAX_TOKENS).
    parseOptions: limitParseOptions(settings.limits),
    // The local server closes the database itself on SIGINT/SIGTERM; Apollo's own handler would re-raise first.
    stopOnTerminationSignals: false,
    // Masks what is not a typed error; operationLog logs each such error with its request id.
    formatError: (formatted, error) => maskError(formatted, error),
    // Automatic persisted queries (on by default, said here): a client sends a query's SHA-256
    // alone, by GET, once one request has registered the text; Apollo keeps the texts in its
    // bounded in-memory cache, so a new Lambda container asks for the text again (the client
    // resends it). Such GETs are what the CDN caches (docs/caching.md).
    persistedQueries: {},
    plugins: [
      operationLog(log),
      hostileInputPlugin(),
      ...limitPlugins(settings.limits),
      ...(relay ? [relayPlugin(relay, relayOptions ? relayOptions.ready : undefined, log)] : []),
      applicationJsonStatusPlugin(),
      // Cache-Control and Vary from the @cacheControl hints, never public with a token.
      ...cacheControlPlugins(),
      ...(settings.suggestions ? [] : [hideSuggestionsPlugin()]),
      // The explorer is the local server's own page, served from our dependencies
      // (functions/http.ts); Apollo's would load from its CDN, so Apollo shows none anywhere.
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  return { schema, server, createContext, events, relay, log, settings, validationRules };
}

/** Runs the relay while the server runs. */
function relayPlugin(relay: OutboxRelay, ready: Promise<unknown> = Promise.resolve(), log: Log): ApolloServerPlugin<Context> {
  return {
    async serverWillStart() {
      const started = ready.then(() => relay.start());
      started.catch((error: unknown) => log({ level: "error", msg: "outbox relay did not start", name: (error as Error)?.name }));
      return {
        async serverWillStop() {
          await started.catch(() => {});
          await relay.stop();
        },
      };
    },
  };
}

/**
 * One line per operation: what ran, for whom (the role only), how long, how many statements;
 * and one error line per unexpected error, with the operation's request id.
 */
export function operationLog(log: Log): ApolloServerPlugin<Context> {
  return {
    // A typed refusal (a bad token, an unreachable identity provider) is logged by the authenticator.
    async contextCreationDidFail({ error }) {
      if (typeof (error as { extensions?: { code?: unknown } }).extensions?.code === "string") return;
      log({ level: "error", msg: "unexpected error", phase: "context", ...errorLogFields(error) });
    },
    async requestDidStart() {
      const started = performance.now();
      return {
        async didEncounterErrors({ errors, contextValue: ctx }) {
          for (const error of errors) {
            // maskError reports exactly the errors it masks.
            maskError(error.toJSON(), error, (original) =>
              log({ level: "error", msg: "unexpected error", requestId: ctx.requestId, ...errorLogFields(original), path: error.path }),
            );
          }
        },
        async willSendResponse({ operationName, operation, errors, contextValue: ctx }) {
          log({
            level: errors?.length ? "warn" : "info",
            msg: "graphql operation",
            requestId: ctx.requestId,
            operationName: operationName ?? null,
            operationType: operation?.operation ?? null,
            actorRole: ctx.actor.role,
            durationMs: Math.round((performance.now() - started) * 10) / 10,
            sqlStatements: ctx.stats.statements,
            sqlWrites: ctx.stats.writes,
            errorCodes: [...new Set((errors ?? []).map((e) => String(e.extensions?.code ?? "INTERNAL_SERVER_ERROR")))],
          });
        },
      };
    },
  };
}

/**
 * What an error log line says of an error: its class and the database's (or the system's)
 * error code, such as SQLSTATE 42703. Never the message, which may hold SQL or personal data.
 */
export function errorLogFields(error: unknown): { name?: string; code?: string } {
  const name = (error as Error | undefined)?.name;
  // drizzle wraps the driver's error: the code sits on a cause.
  let e: unknown = error;
  for (let depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" || typeof code === "number") return { name, code: String(code) };
    e = (e as { cause?: unknown }).cause;
  }
  return { name };
}
