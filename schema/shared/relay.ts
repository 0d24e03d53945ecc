// Relay conventions shared by every module: opaque global ids, cursors, and connections
// paged with keyset pagination (first/after, at most 100 a page).
import { type AnyColumn, and, count, getTableColumns, inArray, lte, type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Executor } from "../../db/client.js";
import { badInput } from "./errors.js";
import { unstorable } from "./validation.js";

export const MAX_PAGE_SIZE = 100;
/** A page's size when `first` is null. */
export const DEFAULT_PAGE_SIZE = 20;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function toGlobalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`, "utf8").toString("base64url");
}

/** Decodes a global id; null when it is malformed (callers decide whether that is an error). */
export function fromGlobalId(globalId: string): { type: string; id: string } | null {
  const decoded = Buffer.from(globalId, "base64url").toString("utf8");
  const sep = decoded.indexOf(":");
  if (sep <= 0) return null;
  const type = decoded.slice(0, sep);
  const id = decoded.slice(sep + 1);
  return UUID.test(id) ? { type, id } : null;
}

/** The row id behind a global id of the expected type, or BAD_USER_INPUT naming the field. */
export function expectGlobalId(globalId: string, type: string, field = "id"): string {
  const parsed = fromGlobalId(globalId);
  if (!parsed || parsed.type !== type) throw badInput(field, `is not the id of a ${type}`);
  return parsed.id;
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  /** Counted only when a client asks for it. */
  totalCount: () => Promise<number>;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Keyset {
  /** The value the list is ordered by (ties broken by the id). */
  sortKey: SQL | AnyColumn;
  id: AnyColumn;
  /** Newest-first lists page downwards. */
  descending?: boolean;
}

/** The ORDER BY of a keyset, so that the order and the cursor condition never disagree. */
export function keysetOrder(keyset: Keyset): SQL[] {
  return keyset.descending ? [sql`${keyset.sortKey} desc`, sql`${keyset.id} desc`] : [sql`${keyset.sortKey} asc`, sql`${keyset.id} asc`];
}

type Cursor = [string, string];

function encodeCursor(value: Cursor): string {
  return Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
}

function decodeCursor(cursor: string): Cursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 2) {
      const [key, id] = value as unknown[];
      // A key no column can hold (a NUL, an unpaired surrogate) is no key of this list.
      if (typeof key === "string" && !unstorable(key) && typeof id === "string" && UUID.test(id)) return [key, id];
    }
  } catch {
    // fall through to the typed error
  }
  throw badInput("after", "is not a cursor from this list");
}

export function pageSize(first: number | null | undefined): number {
  const n = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(n) || n < 0) throw badInput("first", "must be a non-negative integer");
  if (n > MAX_PAGE_SIZE) throw badInput("first", `must be at most ${MAX_PAGE_SIZE}`);
  return n;
}

/** The condition that selects the rows after a cursor, in the keyset's order. */
export function afterCursor(keyset: Keyset, after: string | null | undefined): SQL | undefined {
  if (!after) return undefined;
  const [key, id] = decodeCursor(after);
  // A row comparison lets PostgreSQL type the parameters from the columns and use the index.
  return keyset.descending ? sql`(${keyset.sortKey}, ${keyset.id}) < (${key}, ${id})` : sql`(${keyset.sortKey}, ${keyset.id}) > (${key}, ${id})`;
}

/**
 * Builds a connection from rows fetched with `limit = size + 1` (the extra row tells whether
 * there is a next page).
 */
export function toConnection<T>(rows: T[], size: number, args: PageArgs, cursorOf: (row: T) => Cursor, count: () => Promise<number>): Connection<T> {
  const page = rows.slice(0, size);
  // Cursors are encoded when read (most queries ask for the nodes only): encoding every edge's
  // cursor was about 1.5% of a 50-row list's CPU.
  const edges = page.map((node) => lazyEdge(node, () => encodeCursor(cursorOf(node))));
  let counted: Promise<number> | undefined;
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: Boolean(args.after),
      get startCursor() {
        return edges[0]?.cursor ?? null;
      },
      get endCursor() {
        return edges.at(-1)?.cursor ?? null;
      },
    },
    totalCount: () => (counted ??= count()),
  };
}

/** An edge whose cursor is computed on first read (an own accessor, so a spread copy keeps the value). */
function lazyEdge<T>(node: T, cursor: () => string): { cursor: string; node: T } {
  let encoded: string | undefined;
  return {
    node,
    get cursor() {
      encoded ??= cursor();
      return encoded;
    },
  };
}

/** The same page with each node transformed (cursors stay those of the fetched rows). */
export function mapConnection<T, U>(connection: Connection<T>, map: (node: T) => U): Connection<U> {
  return { ...connection, edges: connection.edges.map((e) => lazyEdge(map(e.node), () => e.cursor)) };
}

export interface PageQuery {
  /** The rows after the cursor, to AND with the list's own filter. */
  after: SQL | undefined;
  orderBy: SQL[];
  /** One more than the page, to tell whether there is a next page. */
  limit: number;
}

/**
 * One keyset page of any list: checks `first`, decodes `after`, fetches through `fetch` (which
 * applies the page's condition, order and limit to its own query) and counts on demand.
 */
export async function paginate<T>(
  args: PageArgs,
  keyset: Keyset,
  fetch: (page: PageQuery) => Promise<T[]>,
  cursorOf: (row: T) => [string, string],
  count: () => Promise<number>,
): Promise<Connection<T>> {
  const size = pageSize(args.first);
  const rows = await fetch({ after: afterCursor(keyset, args.after), orderBy: keysetOrder(keyset), limit: size + 1 });
  return toConnection(rows, size, args, cursorOf, count);
}

/** The number of rows of `table` that match `where`: a connection's totalCount. */
export async function countRows(db: Executor, table: PgTable, where?: SQL): Promise<number> {
  const [row] = await db.select({ n: count() }).from(table).where(where);
  return row?.n ?? 0;
}

/**
 * For a batch of parents, each one's page of child rows after a cursor, in one statement
 * (row_number() per parent): a connection nested in a list costs one statement, not one per
 * parent. Each row comes with `key`, the keyset's sort value as text, for its cursor; a page holds
 * up to `size + 1` rows, as toConnection expects.
 */
export async function childPages<T>(
  db: Executor,
  table: PgTable,
  parent: AnyColumn,
  parentIds: readonly string[],
  parentOf: (row: T) => string,
  keyset: Keyset,
  page: { after: string | null; size: number },
  where?: SQL,
): Promise<(T & { key: string })[][]> {
  const ranked = db
    .select({
      ...getTableColumns(table),
      key: sql<string>`${keyset.sortKey}`.as("key"),
      rank: sql<number>`row_number() over (partition by ${parent} order by ${sql.join(keysetOrder(keyset), sql`, `)})`.as("rank"),
    })
    .from(table)
    .where(and(inArray(parent, [...parentIds]), where, afterCursor(keyset, page.after)))
    .as("ranked");
  const rows = (await db
    .select()
    .from(ranked)
    .where(lte(ranked.rank, page.size + 1))
    .orderBy(ranked.rank)) as unknown as (T & { key: string; rank: number })[];
  const byParent = new Map<string, (T & { key: string })[]>();
  for (const { rank: _rank, ...row } of rows) {
    const child = row as unknown as T & { key: string };
    const list = byParent.get(parentOf(child));
    if (list) list.push(child);
    else byParent.set(parentOf(child), [child]);
  }
  return parentIds.map((id) => byParent.get(id) ?? []);
}
