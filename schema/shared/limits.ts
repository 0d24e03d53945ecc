// Limits on what one request may ask: checked before execution, the same on HTTP, WebSocket
// and Lambda. (Filled in by the guard-rails work; see issue "Guard rails".)
import type { ApolloServerPlugin } from "@apollo/server";
import type { ValidationRule } from "graphql";
import type { Context } from "./context.js";

export interface Limits {
  /** Largest WebSocket message, in bytes. */
  wsMaxPayloadBytes: number;
}

export function limitsFromEnv(_env: NodeJS.ProcessEnv, _stage: string): Limits {
  return { wsMaxPayloadBytes: 1_000_000 };
}

/** Validation rules that refuse an operation over the limits before it runs. */
export function limitRules(_limits: Limits): ValidationRule[] {
  return [];
}

export function limitPlugins(_limits: Limits): ApolloServerPlugin<Context>[] {
  return [];
}
