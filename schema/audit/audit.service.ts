// Reading the audit log. Writing it is not this module's job: every change writes its own row
// through schema/shared/changes.ts, in the change's transaction.
import type DataLoader from "dataloader";
import { and, eq, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { auditLog } from "../../db/schema/audit.js";
import type { Context } from "../shared/context.js";
import { badInput } from "../shared/errors.js";
import { fn } from "../shared/fn.js";
import { rowsById } from "../shared/loaders.js";
import { can } from "../shared/policy.js";
import { countRows, fromGlobalId, type Keyset, mapConnection, paginate } from "../shared/relay.js";
import { auditRead } from "./audit.policy.js";

export type AuditEntry = typeof auditLog.$inferSelect;

// Microsecond text keeps the cursor exact; a JavaScript Date would round to milliseconds.
const createdAtText = sql<string>`to_char(${auditLog.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;
const keyset: Keyset = { sortKey: createdAtText, id: auditLog.id, descending: true };

const listArgs = z.object({
  first: z.number().int().nullish(),
  after: z.string().nullish(),
  filter: z.object({ entityId: z.string().nullish(), operation: z.string().trim().max(100).nullish() }).nullish(),
});

export const listAuditEntries = fn(
  listArgs,
  async (ctx, { first, after, filter }) => {
    const conditions: (SQL | undefined)[] = [];
    if (filter?.entityId) {
      const parsed = fromGlobalId(filter.entityId);
      if (!parsed) throw badInput("filter.entityId", "is not a global id");
      conditions.push(and(eq(auditLog.entityType, parsed.type), eq(auditLog.entityId, parsed.id)));
    }
    if (filter?.operation) conditions.push(eq(auditLog.operation, filter.operation));
    const where = and(...conditions);
    const page = await paginate(
      { first, after },
      keyset,
      (q) =>
        ctx.db
          .select({ entry: auditLog, key: createdAtText })
          .from(auditLog)
          .where(and(where, q.after))
          .orderBy(...q.orderBy)
          .limit(q.limit),
      (r) => [r.key, r.entry.id],
      () => countRows(ctx.db, auditLog, where),
    );
    return mapConnection(page, (r) => r.entry);
  },
  { authorize: auditRead },
);

export function auditEntryLoader(ctx: Context): DataLoader<string, AuditEntry | null> {
  return rowsById<AuditEntry>(ctx, auditLog);
}

/** An audit entry by row id, for `node(id)`: visible to admins only, null for everyone else. */
export async function findAuditEntry(ctx: Context, id: string): Promise<AuditEntry | null> {
  if (!(await can(ctx, auditRead, undefined))) return null;
  return auditEntryLoader(ctx).load(id);
}
