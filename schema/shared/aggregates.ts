// Cached aggregates (kit): a figure counted once per version of the data it counts, for
// aggregates too costly to count on every read at the sector's size. Triggers bump a family's
// version in the transaction of any write that can change its figures (migration 0008), so the
// cache needs no invalidation from the services and cannot miss a write from a seed or a script.
//
// A figure's version is read in the same statement that counts it (`versionOf`), so both come
// from one snapshot: a figure counted before a write commits carries the old version and is not
// used once the write has committed. A cached row is replaced only by a newer version's figure.
import { inArray, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { aggregateCache, aggregateVersions } from "../../db/schema/aggregates.js";

/** The family's current version, as an SQL expression to select beside the figure it versions. */
export function versionOf(family: string): SQL<number> {
  return sql<number>`coalesce((select ${aggregateVersions.version} from ${aggregateVersions} where ${aggregateVersions.family} = ${family}), 0)`;
}

export interface Counted<V> {
  key: string;
  value: V;
  /** The family's version read in the statement that counted the value (see versionOf). */
  version: number;
}

/**
 * The figures of `keys` in a family: those cached at the family's current version from one
 * statement, the others counted by `count` (which selects `versionOf(family)` with them) and
 * cached. Every key is answered; `count` must answer each key it is given.
 */
export async function cachedFigures<V>(db: Executor, family: string, keys: string[], count: (missing: string[]) => Promise<Counted<V>[]>): Promise<Map<string, V>> {
  const figures = new Map<string, V>();
  if (keys.length === 0) return figures;
  const hits = await db
    .select({ key: aggregateCache.key, value: aggregateCache.value })
    .from(aggregateCache)
    .where(sql`${inArray(aggregateCache.key, keys)} and ${aggregateCache.family} = ${family} and ${aggregateCache.version} = ${versionOf(family)}`);
  for (const hit of hits) figures.set(hit.key, hit.value as V);
  const missing = keys.filter((key) => !figures.has(key));
  if (missing.length === 0) return figures;
  const counted = await count(missing);
  for (const figure of counted) figures.set(figure.key, figure.value);
  if (counted.length === 0) return figures;
  await db
    .insert(aggregateCache)
    .values(counted.map((c) => ({ key: c.key, family, version: c.version, value: c.value as unknown })))
    .onConflictDoUpdate({
      target: aggregateCache.key,
      set: { version: sql`excluded.version`, value: sql`excluded.value`, computedAt: sql`now()` },
      // Never over a figure of a newer version (a reader with an older snapshot, finishing later).
      setWhere: sql`${aggregateCache.version} < excluded.version`,
    });
  return figures;
}
