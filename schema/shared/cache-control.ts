// Who may cache an answer, and for how long. The policy comes from the schema's @cacheControl
// hints by Apollo's rules (the lowest maxAge and the narrowest scope of every field the operation
// selects; a root field or object type without a hint is not cacheable), computed once per parsed
// document (cache-policy.ts) rather than by Apollo's plugin, which hooks every resolved field.
// This module turns it into the Cache-Control and Vary headers, with rules of our own that no
// hint can override:
// - only a query can be public: a mutation, an error, a partial answer never are;
// - a request that carries an Authorization header (any token, valid or not) is never public,
//   since its answer may depend on who asks; the CDN keys on Authorization as well, so a token
//   never meets an anonymous entry (infra/cdn.ts);
// - an answer that is not public says `no-store` rather than `private, max-age`, so a shared
//   computer's browser keeps nothing of a signed-in session either.
// Every answer varies by Accept-Language (names are translated per locale) and by Authorization
// (a browser must not answer a signed-in request from what it kept of an anonymous one), besides
// Origin, which the CORS headers add.
import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { cachePolicyOf } from "./cache-policy.js";
import type { Context } from "./context.js";

export const NOT_CACHEABLE = "no-store";

/** The request headers an answer depends on besides the URL, for caches that honour Vary. */
export const VARY_ON = ["accept-language", "authorization"] as const;

/**
 * Ours, and Apollo's own cache-control plugin disabled: Apollo installs it unless told, and its
 * per-field hook makes Apollo wrap every resolver (10-20% of a 100-board list's time in process, measured).
 */
export function cacheControlPlugins(): ApolloServerPlugin<Context>[] {
  return [ApolloServerPluginCacheControlDisabled(), cacheHeadersPlugin()];
}

function cacheHeadersPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse(requestContext) {
          const headers = requestContext.response.http.headers;
          const { schema, document, operation } = requestContext;
          // No document or operation: the request failed before execution (it has errors, so it is not cacheable).
          if (document && operation) requestContext.overallCachePolicy.restrict(cachePolicyOf(schema, document, operation));
          else requestContext.overallCachePolicy.restrict({ maxAge: 0 });
          if (carriesCredentials(requestContext)) requestContext.overallCachePolicy.restrict({ scope: "PRIVATE" });
          const maxAge = publicMaxAge(requestContext);
          headers.set("cache-control", maxAge === null ? NOT_CACHEABLE : `public, max-age=${maxAge}`);
          headers.set("vary", mergeVary(headers.get("vary"), VARY_ON.join(", ")));
        },
      };
    },
  };
}

/** A token in the request, whatever it proves, or an actor the context resolved from one. */
function carriesCredentials(requestContext: GraphQLRequestContextWillSendResponse<Context>): boolean {
  if (requestContext.request.http?.headers.get("authorization")) return true;
  return requestContext.contextValue.actor.role !== "ANONYMOUS";
}

/** How long a shared cache may keep this answer; null when it may not keep it at all. */
function publicMaxAge(requestContext: GraphQLRequestContextWillSendResponse<Context>): number | null {
  const { response, operation, errors } = requestContext;
  if (operation?.operation !== "query") return null;
  if (errors?.length || response.body.kind !== "single" || response.body.singleResult.errors?.length) return null;
  const policy = requestContext.overallCachePolicy.policyIfCacheable();
  if (policy?.scope !== "PUBLIC") return null;
  return policy.maxAge;
}

/** The header names of several Vary values (such as "origin" and "accept-language, authorization"), each once, compared without case. */
export function mergeVary(...values: (string | null | undefined)[]): string {
  const names = new Map<string, string>();
  for (const value of values) {
    for (const name of (value ?? "").split(",")) {
      const trimmed = name.trim();
      if (trimmed && !names.has(trimmed.toLowerCase())) names.set(trimmed.toLowerCase(), trimmed);
    }
  }
  return [...names.values()].join(", ");
}
