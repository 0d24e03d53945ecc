// What differs between stages, from the environment, in one place: request limits, whether the
// schema can be explored (introspection, "did you mean" suggestions, the explorer page), and
// which browser origins may call the API. `STAGE=production` alone closes everything a
// stranger could use to map the schema; every other stage stays open for developers.
import { type Limits, limitsFromEnv } from "./limits.js";

export interface Settings {
  stage: string;
  production: boolean;
  limits: Limits;
  /** Introspection over HTTP and WebSocket. */
  introspection: boolean;
  /** "Did you mean ...?" in validation errors. */
  suggestions: boolean;
  /** The explorer page at GET /graphql on the local server. */
  explorer: boolean;
  /** Origins a browser may call from; "*" for any. */
  corsOrigins: string[] | "*";
}

export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): Settings {
  const stage = env.STAGE ?? "local";
  const production = stage === "production";
  return {
    stage,
    production,
    limits: limitsFromEnv(env, stage),
    introspection: !production,
    suggestions: !production,
    explorer: !production,
    corsOrigins: corsOriginsFromEnv(env.CORS_ORIGINS, production),
  };
}

/**
 * `CORS_ORIGINS`: comma-separated origins (`https://app.example,http://localhost:5173`). Without
 * it, any origin outside production and none in production, where `*` is refused: a public API
 * whose every origin is allowed lets any site script it with its visitors' tokens.
 */
export function corsOriginsFromEnv(value: string | undefined, production: boolean): string[] | "*" {
  const listed = (value ?? "")
    .split(",")
    .map((origin) => origin.trim())
    .filter(Boolean);
  if (listed.includes("*")) {
    if (production) throw new Error("refusing to start: CORS_ORIGINS must list origins in production, not *");
    return "*";
  }
  if (!listed.length) return production ? [] : "*";
  for (const origin of listed) {
    // A browser sends the origin exactly so (scheme, host, port; no path, no trailing slash):
    // anything else would never match, and silently lock the front end out.
    let parsed: URL | null = null;
    try {
      parsed = new URL(origin);
    } catch {}
    if (!parsed || parsed.origin !== origin) throw new Error(`CORS_ORIGINS: ${JSON.stringify(origin)} is not an origin such as https://app.example`);
  }
  return listed;
}

/** Whether a browser page served from `origin` may call the API. */
export function corsAllows(origins: Settings["corsOrigins"], origin: string | null | undefined): boolean {
  return Boolean(origin) && (origins === "*" || origins.includes(origin!));
}

const ALLOWED_METHODS = "GET, POST, OPTIONS";
// Listed by name because a `*` in Access-Control-Allow-Headers never covers Authorization.
const ALLOWED_HEADERS = "authorization, content-type, accept-language, apollo-require-preflight, x-request-id";

/**
 * The CORS headers of an answer to a request from `origin` (the request's Origin header). The
 * answer depends on the Origin header, so caches must key on it (`vary: origin`).
 */
export function corsHeaders(origins: Settings["corsOrigins"], origin: string | null | undefined): Record<string, string> {
  if (!corsAllows(origins, origin)) return { vary: "origin" };
  return { vary: "origin", "access-control-allow-origin": origins === "*" ? "*" : origin! };
}

/**
 * The answer to an OPTIONS request: a preflight from an allowed origin gets what it may send,
 * one from any other origin a 403 without CORS headers (so the browser stops there), and an
 * OPTIONS without Origin, which no browser sends as a preflight, the methods the API takes.
 */
export function preflight(origins: Settings["corsOrigins"], origin: string | null | undefined): { status: number; headers: Record<string, string> } {
  if (!origin) return { status: 204, headers: { allow: ALLOWED_METHODS } };
  if (!corsAllows(origins, origin)) return { status: 403, headers: { vary: "origin" } };
  return {
    status: 204,
    headers: {
      ...corsHeaders(origins, origin),
      "access-control-allow-methods": ALLOWED_METHODS,
      "access-control-allow-headers": ALLOWED_HEADERS,
      "access-control-max-age": "600",
    },
  };
}
