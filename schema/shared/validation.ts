// Small zod building blocks shared by every module's input schemas.
import { z } from "zod";

/** A trimmed, non-empty text of at most `max` characters. */
export const requiredText = (max: number) =>
  z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);

/** Like requiredText, but null, absent or blank means "no value". */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((v) => (v ? v : v === undefined ? undefined : null));

export const httpUrl = z
  .string()
  .trim()
  .max(500)
  .refine((v) => {
    try {
      const url = new URL(v);
      return url.protocol === "https:" || url.protocol === "http:";
    } catch {
      return false;
    }
  }, "must be an http(s) address");

/** Escapes LIKE wildcards so a search for "50%" finds that text, not everything. */
export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * For patches: a field may be left out, but not set to null when it cannot be empty.
 * GraphQL lets a client send null for any optional input field; this says why that is refused.
 */
export const notNull = <T extends z.ZodType>(schema: T) =>
  schema.nullish().transform((value, ctx) => {
    if (value === null) {
      ctx.addIssue({ code: "custom", message: "must not be null" });
      return z.NEVER;
    }
    return value as Exclude<z.output<T>, null>;
  });
