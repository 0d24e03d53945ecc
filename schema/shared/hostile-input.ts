// Input no layer below may see: NUL bytes, lone surrogates and the like, refused as
// BAD_USER_INPUT naming the field before any resolver runs. (Filled in by the guard-rails work.)
import type { ApolloServerPlugin } from "@apollo/server";
import type { Context } from "./context.js";

export function hostileInputPlugin(): ApolloServerPlugin<Context> {
  return {};
}
