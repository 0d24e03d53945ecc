// Domain functions validate their input with one zod schema, whether GraphQL or another
// module calls them, and turn validation failures into BAD_USER_INPUT naming the field.
import type { z } from "zod";
import type { Context } from "./context.js";
import { fromZodError } from "./errors.js";

export function fn<S extends z.ZodType, R>(schema: S, body: (ctx: Context, input: z.output<S>) => R) {
  return (ctx: Context, input: z.input<S>): R => {
    const parsed = schema.safeParse(input);
    if (!parsed.success) throw fromZodError(parsed.error, "input");
    return body(ctx, parsed.data);
  };
}
