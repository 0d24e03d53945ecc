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

export function fn<S extends z.ZodType, R>(schema: S, body: (ctx: Context, input: z.output<S>) => R, options: FnOptions = {}) {
  return (ctx: Context, input: z.input<S>): R => {
    options.authorize?.(ctx);
    const parsed = schema.safeParse(input);
    if (!parsed.success) throw fromZodError(parsed.error, options.argument);
    return body(ctx, parsed.data);
  };
}
