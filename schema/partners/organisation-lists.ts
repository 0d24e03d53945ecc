// The lists partners read of their own organisation's access (API keys, webhook subscriptions):
// whose rows a list holds, and the rows newest first. A partner gets their own organisation's; an
// admin the organisation they name, or every organisation's.
import { and, count, eq, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Context } from "../shared/context.js";
import { forbidden } from "../shared/errors.js";
import { assertCan, grantFor, type PolicyAction } from "../shared/policy.js";
import { type Connection, expectGlobalId, type Keyset, mapConnection, paginate } from "../shared/relay.js";
import type { OrganisationScope } from "./partners.policy.js";

/** The organisation (row id) a list is for, or null for every organisation (those `action` always allows). */
export async function listedOrganisation(ctx: Context, action: PolicyAction<OrganisationScope>, organisationId: string | null | undefined): Promise<string | null> {
  const scope = organisationId ? expectGlobalId(organisationId, "Organisation", "organisationId") : ctx.actor.role === "PARTNER" ? ctx.actor.organisationId : null;
  if (scope) await assertCan(ctx, action, { organisationId: scope });
  else if (grantFor(action as PolicyAction<never>, ctx.actor.role) !== "always") throw forbidden(action.refusal);
  return scope;
}

type OrganisationTable = PgTable & { id: PgColumn; organisationId: PgColumn; createdAt: PgColumn };

/** Newest first, then by id; the instant as microsecond text keeps the cursor exact. */
export function newestFirst(table: PgTable & { id: PgColumn; createdAt: PgColumn }): { sortKey: SQL<string>; keyset: Keyset } {
  const sortKey = sql<string>`to_char(${table.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;
  return { sortKey, keyset: { sortKey, id: table.id, descending: true } };
}

/** A page of `table`'s rows of one organisation (or of all, for null), newest first, then by id. */
export async function newestOfOrganisation<T>(
  ctx: Context,
  table: OrganisationTable,
  organisationId: string | null,
  page: { first?: number | null; after?: string | null },
): Promise<Connection<T>> {
  const { sortKey: createdAt, keyset } = newestFirst(table);
  const where: SQL | undefined = organisationId ? eq(table.organisationId, organisationId) : undefined;
  const connection = await paginate(
    page,
    keyset,
    (p) =>
      ctx.db
        .select({ row: table as PgTable, sortKey: createdAt })
        .from(table)
        .where(and(where, p.after))
        .orderBy(...p.orderBy)
        .limit(p.limit) as unknown as Promise<{ row: T & { id: string }; sortKey: string }[]>,
    (r) => [r.sortKey, r.row.id],
    async () => (await ctx.db.select({ n: count() }).from(table).where(where))[0]?.n ?? 0,
  );
  return mapConnection(connection, (r) => r.row);
}
