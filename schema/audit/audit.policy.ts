// The audit log holds whole rows before and after each change, personal data included: admins only.
// Who did what (the person behind a change, a judgement, an invoice's step) is for the sector's
// consultants and admins, wherever a field carries it.
import type { Context } from "../shared/context.js";
import { can, definePolicy, editors } from "../shared/policy.js";

export const auditRead = definePolicy("audit.read", "Read the audit log", { ADMIN: true }, "Only admins read the audit log");

/**
 * Seeing the identifier (token subject) of the person who acted. Everyone else who may read the
 * object still sees that it was done, when, and by which role.
 */
export const auditReadActors = definePolicy(
  "audit.readActors",
  "See who did what: the person behind a change or a judgement",
  editors,
  "Only consultants and admins see who did what",
);

/** The person's identifier for a viewer who may see who did what; null for everyone else. */
export async function actorVisibleTo(ctx: Context, subject: string | null): Promise<string | null> {
  if (subject === null) return null;
  return (await can(ctx, auditReadActors, undefined)) ? subject : null;
}
