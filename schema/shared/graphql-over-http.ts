// What the GraphQL-over-HTTP specification asks of status codes that Apollo does not do by
// itself, for every transport that runs the app: a client that prefers `application/json`
// gets 200 for a well-formed request whose document fails to parse or validate, whose
// operation cannot be determined, or whose variables fail coercion (the spec's SHOULD for that
// legacy media type, since a 4xx could come from any proxy on the way), while a client that
// prefers `application/graphql-response+json` keeps Apollo's 400. A request without an Accept
// header keeps the 400 too: since 2025 the spec reads it as `application/graphql-response+json`.
import type { ApolloServerPlugin } from "@apollo/server";

const APPLICATION_JSON = "application/json";
const GRAPHQL_RESPONSE_JSON = "application/graphql-response+json";

/**
 * The media type of `offered` that an Accept header prefers, or null when it accepts none:
 * each offer takes the quality of the most specific range that matches it (RFC 9110, 12.5.1);
 * ties go to the range listed first, then to the first offer.
 */
export function preferredMediaType(accept: string, offered: readonly string[]): string | null {
  const ranges = accept.split(",").flatMap((part, index) => {
    const [range = "", ...params] = part.split(";").map((s) => s.trim().toLowerCase());
    const [type, subtype] = range.split("/");
    if (!type || !subtype) return [];
    const qParam = params.find((p) => p.startsWith("q="));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    return Number.isFinite(q) ? [{ type, subtype, q, index }] : [];
  });
  let best: { offer: string; q: number; specificity: number; index: number } | null = null;
  for (const offer of offered) {
    const [type, subtype] = offer.split("/");
    let match: { q: number; specificity: number; index: number } | null = null;
    for (const r of ranges) {
      const specificity = r.type === type && r.subtype === subtype ? 2 : r.type === type && r.subtype === "*" ? 1 : r.type === "*" && r.subtype === "*" ? 0 : -1;
      if (specificity >= 0 && (!match || specificity > match.specificity)) match = { q: r.q, specificity, index: r.index };
    }
    if (!match || match.q <= 0) continue;
    if (!best || match.q > best.q || (match.q === best.q && (match.specificity > best.specificity || (match.specificity === best.specificity && match.index < best.index)))) {
      best = { offer, ...match };
    }
  }
  return best?.offer ?? null;
}

/** Gives a well-formed request that fails before execution a 200 when the client prefers application/json. */
export function applicationJsonStatusPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response, source }) {
          // Apollo answers 400 for parse, validation, operation and coercion failures; `source` is
          // unset when the request had no query at all, which is not well formed and keeps its 400.
          if (response.http.status !== 400 || source === undefined) return;
          if (response.body.kind !== "single" || response.body.singleResult.data !== undefined) return;
          const accept = request.http?.headers.get("accept");
          if (!accept || preferredMediaType(accept, [APPLICATION_JSON, GRAPHQL_RESPONSE_JSON]) !== APPLICATION_JSON) return;
          response.http.status = 200;
          // Apollo negotiates the content type only when none is set: pin the one this status is for.
          response.http.headers.set("content-type", "application/json; charset=utf-8");
        },
      };
    },
  };
}
