// Per-request batching: every `load(id)` in one tick becomes one `where id in (...)` query.
import DataLoader from "dataloader";
import { inArray } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Context } from "./context.js";

/** The request's loader of `table` rows by primary key; unknown ids load as null. */
export function rowsById<T extends { id: string }>(ctx: Context, table: PgTable & { id: PgColumn }): DataLoader<string, T | null> {
  return ctx.loader(`${tableName(table)}ById`, ({ db }) =>
    new DataLoader<string, T | null>(async (ids) => {
      const rows = (await db.select().from(table).where(inArray(table.id, [...ids]))) as unknown as T[];
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  );
}

/** The request's loader of child rows grouped by their parent's id, one query per batch of parents. */
export function rowsByParent<T>(ctx: Context, name: string, fetch: (parentIds: string[]) => Promise<T[]>, parentOf: (row: T) => string | null): DataLoader<string, T[]> {
  return ctx.loader(name, () =>
    new DataLoader<string, T[]>(async (ids) => {
      const rows = await fetch([...ids]);
      const grouped = new Map<string, T[]>();
      for (const row of rows) {
        const parent = parentOf(row);
        if (parent) grouped.set(parent, [...(grouped.get(parent) ?? []), row]);
      }
      return ids.map((id) => grouped.get(id) ?? []);
    }),
  );
}

function tableName(table: PgTable): string {
  return (table as unknown as Record<symbol, string>)[Symbol.for("drizzle:Name")] ?? String(table);
}
