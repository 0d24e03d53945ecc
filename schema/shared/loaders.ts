// Per-request batching: every `load(id)` in one tick becomes one `where id in (...)` query.
// A loader is defined once, at module level; the definition is its typed key, so two modules
// cannot collide on a name and a caller gets the loader's key and value types back.
import DataLoader from "dataloader";
import { inArray } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Context } from "./context.js";

export type Loader<K, V> = (ctx: Context) => DataLoader<K, V>;
export type LoaderFamily<K, V, P> = (ctx: Context, param: P) => DataLoader<K, V>;

/** A request-scoped DataLoader. `batch` reads through `ctx.db`, so inside a change it sees the change's writes. */
export function defineLoader<K, V>(batch: (ctx: Context, keys: readonly K[]) => Promise<readonly (V | Error)[]>, options?: DataLoader.Options<K, V, string>): Loader<K, V> {
  const key = {};
  return (ctx) => ctx.loader(key, "", () => new DataLoader<K, V, string>((keys) => batch(ctx, keys), options));
}

/** Loaders that differ by a parameter (a page size, a filter): one per distinct `variant(param)`. */
export function defineLoaderFamily<K, V, P>(
  variant: (param: P) => string,
  batch: (ctx: Context, param: P, keys: readonly K[]) => Promise<readonly (V | Error)[]>,
): LoaderFamily<K, V, P> {
  const key = {};
  return (ctx, param) => ctx.loader(key, variant(param), () => new DataLoader<K, V>((keys) => batch(ctx, param, keys)));
}

const byIdLoaders = new WeakMap<PgTable, Loader<string, unknown>>();

/** The request's loader of `table` rows by primary key; unknown ids load as null. */
export function rowsById<T extends { id: string }>(ctx: Context, table: PgTable & { id: PgColumn }): DataLoader<string, T | null> {
  let loader = byIdLoaders.get(table);
  if (!loader) {
    loader = defineLoader<string, unknown>(async ({ db }, ids) => {
      const rows = (await db
        .select()
        .from(table)
        .where(inArray(table.id, [...ids]))) as unknown as T[];
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    });
    byIdLoaders.set(table, loader);
  }
  return loader(ctx) as DataLoader<string, T | null>;
}

/** A loader of child rows grouped by their parent's id, one query per batch of parents. */
export function childRows<T>(fetch: (ctx: Context, parentIds: string[]) => Promise<T[]>, parentOf: (row: T) => string | null): Loader<string, T[]> {
  return defineLoader<string, T[]>(async (ctx, ids) => {
    const rows = await fetch(ctx, [...ids]);
    const grouped = new Map<string, T[]>();
    for (const row of rows) {
      const parent = parentOf(row);
      if (parent) grouped.set(parent, [...(grouped.get(parent) ?? []), row]);
    }
    return ids.map((id) => grouped.get(id) ?? []);
  });
}

/**
 * Puts values read ahead into `loader` (rows a statement fetched for a deeper level of the
 * query, see schema/shared/lookahead.ts), so that the resolvers reading them through it send no
 * statement of their own. A key already loaded keeps its value.
 */
export function prime<K, V>(loader: DataLoader<K, V>, entries: Iterable<readonly [K, V]>): void {
  for (const [key, value] of entries) loader.prime(key, value);
}

/** Rows grouped by a key, in the order they came; `keys` fixes which groups exist (empty ones included). */
export function groupRows<T>(rows: Iterable<T>, keyOf: (row: T) => string | null, keys: Iterable<string> = []): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const key of keys) grouped.set(key, []);
  for (const row of rows) {
    const key = keyOf(row);
    if (key === null) continue;
    const group = grouped.get(key);
    if (group) group.push(row);
    else grouped.set(key, [row]);
  }
  return grouped;
}
