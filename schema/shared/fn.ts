// Domain functions validate their input with one zod schema, whether GraphQL or another
// module calls them, and turn validation failures into BAD_USER_INPUT naming the field.
import type { z } from "zod";
import type { Context } from "./context.js";
import { fromZodError } from "./errors.js";
import { assertRoleMay, type PolicyAction } from "./policy.js";

export interface FnOptions {
  /** The GraphQL argument the input arrives in ("input" for mutations), prefixed to error fields. */
  argument?: string;
  /**
   * The policy action the function performs. Roles without any grant are refused before
   * validation, so a caller without access learns nothing from it; a conditional grant is
   * checked by the body on the resource it loads (`assertCan`).
   */
  authorize?: PolicyAction<never>;
}

/** Validates input against a schema, throwing BAD_USER_INPUT that names the failing fields. */
export function parseInput<S extends z.ZodType>(schema: S, input: z.input<S>, argument?: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error, argument);
  return parsed.data;
}

export function fn<S extends z.ZodType, R>(schema: S, body: (ctx: Context, input: z.output<S>) => Promise<R>, options: FnOptions = {}) {
  const run = async (ctx: Context, input: z.input<S>): Promise<R> => {
    if (options.authorize) assertRoleMay(ctx, options.authorize);
    return body(ctx, parseInput(schema, input, options.argument));
  };
  // The schema travels with the function, so another module can validate the same input.
  return Object.assign(run, { schema });
}
