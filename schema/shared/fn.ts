// Domain functions validate their input with one zod schema, whether GraphQL or another
// module calls them, and turn validation failures into BAD_USER_INPUT naming the field.
import type { z } from "zod";
import type { Context } from "./context.js";
import { fromZodError } from "./errors.js";

export interface FnOptions {
  /** The GraphQL argument the input arrives in ("input" for mutations), prefixed to error fields. */
  argument?: string;
  /** The access check, run before validation so that a caller without access learns nothing from it. */
  authorize?: (ctx: Context) => void;
}

/** Validates input against a schema, throwing BAD_USER_INPUT that names the failing fields. */
export function parseInput<S extends z.ZodType>(schema: S, input: z.input<S>, argument?: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error, argument);
  return parsed.data;
}

export function fn<S extends z.ZodType, R>(schema: S, body: (ctx: Context, input: z.output<S>) => R, options: FnOptions = {}) {
  return (ctx: Context, input: z.input<S>): R => {
    options.authorize?.(ctx);
    return body(ctx, parseInput(schema, input, options.argument));
  };
}
