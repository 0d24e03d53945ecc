// What differs between stages, from the environment, in one place: request limits, whether the
// schema can be explored (introspection, "did you mean" suggestions, the explorer page), and
// which browser origins may call the API.
import { limitsFromEnv, type Limits } from "./limits.js";

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
    corsOrigins: "*",
  };
}
