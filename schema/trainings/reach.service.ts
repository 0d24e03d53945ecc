// The reach of the training offer: the distinct employees of the boards who attended at least
// one session that started within a period (Brussels days). An employee counts once however
// many sessions they attended, and still counts once their board has forgotten them (the row
// stays, nameless). Only counts leave this module: never a person.
//
// Every figure is one grouped aggregate per request, batched over every reach the request asks
// for (the overall one, a board's, each board's of a list), so a page of 50 boards costs what a
// page of 5 costs. The same count is the metric `training.distinctEmployeesReached` that the
// funding module's result commitment 3 ("at least 1500 employees") measures.
import DataLoader from "dataloader";
import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/client.js";
import { boards } from "../../db/schema/boards.js";
import { employees, enrolments, trainingSessions, trainings } from "../../db/schema/trainings.js";
import { cachedFigures, versionOf } from "../shared/aggregates.js";
import type { Context } from "../shared/context.js";
import { isoDate } from "../shared/dates.js";
import { badInput } from "../shared/errors.js";
import { parseInput } from "../shared/fn.js";
import { defineLoaderFamily, rowsById } from "../shared/loaders.js";
import { type MetricScope, type MetricSource, type Period, withinPeriod } from "../shared/metrics.js";
import { expectGlobalId } from "../shared/relay.js";

type BoardRow = typeof boards.$inferSelect;
type TrainingRow = typeof trainings.$inferSelect;
type TrainingFormat = TrainingRow["format"];

/** Distinct employees reached within a period (Brussels days), overall or for one board. */
export interface ReachView {
  start: string;
  end: string;
  /** The board's row id, or null for every board. */
  boardId: string | null;
}

/** The longest period a reach may span: a programme runs for a few years, not decades. */
export const MAX_PERIOD_YEARS = 10;

/** The day `years` calendar years after an ISO date (29 February moves to 1 March). */
function addYears(date: string, years: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const shifted = new Date(Date.UTC(2000, m - 1, d));
  shifted.setUTCFullYear(y + years);
  return shifted.toISOString().slice(0, 10);
}

export const periodInput = z.object({ start: isoDate, end: isoDate }).superRefine((period, issues) => {
  if (period.end < period.start) issues.addIssue({ code: "custom", path: ["end"], message: "must not be before the start" });
  else if (period.end >= addYears(period.start, MAX_PERIOD_YEARS)) {
    issues.addIssue({ code: "custom", path: ["end"], message: `must be less than ${MAX_PERIOD_YEARS} years after the start` });
  }
});

const reachInput = z.object({ period: periodInput, boardId: z.string().nullish() });

/** Query.reach: the reach within a period, overall or for one board. */
export async function reachOf(ctx: Context, args: z.input<typeof reachInput>): Promise<ReachView> {
  const { period, boardId: boardGlobalId } = parseInput(reachInput, args);
  if (boardGlobalId == null) return { ...period, boardId: null };
  const boardId = expectGlobalId(boardGlobalId, "Board", "boardId");
  if (!(await rowsById<BoardRow>(ctx, boards).load(boardId))) throw badInput("boardId", "is not a board");
  return { ...period, boardId };
}

/** Board.reach: the board's own reach within a period. */
export function boardReach(board: BoardRow, args: { period: z.input<typeof periodInput> }): ReachView {
  const { period } = parseInput(z.object({ period: periodInput }), args);
  return { ...period, boardId: board.id };
}

// --- The counts -------------------------------------------------------------------------------

/** The key of the reach over every board in a batch. */
const EVERY_BOARD = "";
const keyOf = (view: ReachView) => view.boardId ?? EVERY_BOARD;
const variant = (period: Period) => `${period.start}|${period.end}`;

/** A part of a breakdown as it is cached: the id of what it counts (a board, a training, a format) and its count. */
interface Part {
  id: string;
  n: number;
}

type Breakdown = "board" | "training" | "format";

const scope = sql`scope`;
const pairs = sql`pairs`;
/** A board's scope keeps its own employees; the overall scope needs no employee at all. */
const ofScopeBoard = sql`(${scope}.board_id is null or exists (select 1 from ${employees} where ${employees.id} = ${enrolments.employeeId} and ${employees.boardId} = ${scope}.board_id))`;

/**
 * What each breakdown groups by (`id`, with what the distinct pairs need to reach it), and how its
 * parts are ordered (`sort`, with what the ordering needs): a board's name, a training's Dutch
 * title, the format enum's order.
 */
const GROUPING: Record<Breakdown, { id: SQL; from: SQL; sort: SQL; sortFrom: SQL }> = {
  board: {
    id: sql`${employees.boardId}`,
    from: sql`join ${employees} on ${employees.id} = ${enrolments.employeeId} and (${scope}.board_id is null or ${employees.boardId} = ${scope}.board_id)`,
    sort: sql`${boards.name}`,
    sortFrom: sql`join ${boards} on ${boards.id} = ${pairs}.id`,
  },
  training: {
    id: sql`${trainingSessions.trainingId}`,
    from: sql`where ${ofScopeBoard}`,
    sort: sql`${trainings.title}->>'nl'`,
    sortFrom: sql`join ${trainings} on ${trainings.id} = ${pairs}.id`,
  },
  format: {
    id: sql`${trainings.format}`,
    from: sql`join ${trainings} on ${trainings.id} = ${trainingSessions.trainingId} where ${ofScopeBoard}`,
    sort: sql`array_position(enum_range(null::training_format), ${pairs}.id)`,
    sortFrom: sql``,
  },
};

/**
 * One breakdown of the reach for each key (every board, or one board) of a batch, in one statement
 * with the reach family's version read in it: the parts in their order, counted per key. The
 * distinct (key, part, employee) triples first, then plain counts: a hash of the triples instead
 * of count(distinct)'s sort per group.
 */
async function countBreakdown(db: Executor, breakdown: Breakdown, period: Period, keys: string[]): Promise<{ parts: Part[][]; version: number }> {
  const list = sql.join(
    keys.map((key, i) => sql`(${i}::int, ${key === EVERY_BOARD ? null : key}::uuid)`),
    sql`, `,
  );
  const { id, from, sort, sortFrom } = GROUPING[breakdown];
  const result = (await db.execute(sql`
    select ${versionOf(REACH_FAMILY)} as version, counted.i, counted.id, counted.n from (values (0)) as one(x)
    left join (
      select ${pairs}.i as i, ${pairs}.id::text as id, count(*)::int as n, min(${sort}) as sort_key
      from (
        select distinct ${scope}.i as i, ${id} as id, ${enrolments.employeeId} as employee_id
        from (values ${list}) as ${scope}(i, board_id)
        join ${trainingSessions} on ${withinPeriod(trainingSessions.startsAt, period)}
        join ${enrolments} on ${enrolments.sessionId} = ${trainingSessions.id} and ${enrolments.status} = 'ATTENDED'
        ${from}
      ) as ${pairs}
      ${sortFrom}
      group by ${pairs}.i, ${pairs}.id
    ) as counted on true
    order by counted.i, counted.sort_key, counted.id`)) as unknown as { rows: { version: number | string; i: number | null; id: string | null; n: number | null }[] };
  const parts = keys.map((): Part[] => []);
  for (const row of result.rows) if (row.i !== null && row.id !== null) parts[Number(row.i)]!.push({ id: row.id, n: Number(row.n) });
  return { parts, version: Number(result.rows[0]?.version ?? 0) };
}

/**
 * A loader family of one breakdown per reach (overall or a board's), cached like the count
 * (schema/shared/aggregates.ts): the parts are counted once per version of the attendance data,
 * in one statement for every reach a batch asks, and read from the cache in one after that.
 */
function cachedBreakdown(breakdown: Breakdown) {
  return defineLoaderFamily<string, Part[], Period>(variant, async (ctx, period, keys) => {
    const cacheKey = (key: string) => `reach.${breakdown}|${period.start}|${period.end}|${key}`;
    const figures = await cachedFigures<Part[]>(ctx.db, REACH_FAMILY, keys.map(cacheKey), async (missing) => {
      const wanted = keys.filter((key) => missing.includes(cacheKey(key)));
      const { parts, version } = await countBreakdown(ctx.db, breakdown, period, wanted);
      return wanted.map((key, i) => ({ key: cacheKey(key), value: parts[i]!, version }));
    });
    return keys.map((key) => figures.get(cacheKey(key)) ?? []);
  });
}

const perBoard = cachedBreakdown("board");
const perTraining = cachedBreakdown("training");
const perFormat = cachedBreakdown("format");

/** Distinct employees reached, overall or per board: the cached count the metric uses too. */
const totals = defineLoaderFamily<string, number, Period>(variant, (ctx, period, keys) =>
  reachedWithin(
    ctx.db,
    keys.map((key) => (key === EVERY_BOARD ? { start: period.start, end: period.end } : { start: period.start, end: period.end, boardId: key })),
  ),
);

export interface BoardReachView {
  board: BoardRow;
  employees: number;
}

export interface TrainingReachView {
  training: TrainingRow;
  employees: number;
}

export interface FormatReachView {
  format: TrainingFormat;
  employees: number;
}

/** The rows of a breakdown's parts, in its order (a row gone since the count is left out). */
async function withRows<R, V>(ids: string[], load: (ids: string[]) => Promise<(R | Error | null | undefined)[]>, view: (row: R, i: number) => V): Promise<V[]> {
  const rows = await load(ids);
  return rows.flatMap((row, i) => (row && !(row instanceof Error) ? [view(row, i)] : []));
}

const periodOf = (view: ReachView): Period => ({ start: view.start, end: view.end });
export const reachEmployees = (ctx: Context, view: ReachView) => totals(ctx, periodOf(view)).load(keyOf(view));
export async function reachByBoard(ctx: Context, view: ReachView): Promise<BoardReachView[]> {
  const parts = await perBoard(ctx, periodOf(view)).load(keyOf(view));
  return withRows(
    parts.map((p) => p.id),
    (ids) => rowsById<BoardRow>(ctx, boards).loadMany(ids),
    (board, i) => ({ board, employees: parts[i]!.n }),
  );
}
export async function reachByTraining(ctx: Context, view: ReachView): Promise<TrainingReachView[]> {
  const parts = await perTraining(ctx, periodOf(view)).load(keyOf(view));
  return withRows(
    parts.map((p) => p.id),
    (ids) => rowsById<TrainingRow>(ctx, trainings).loadMany(ids),
    (training, i) => ({ training, employees: parts[i]!.n }),
  );
}
export async function reachByFormat(ctx: Context, view: ReachView): Promise<FormatReachView[]> {
  return (await perFormat(ctx, periodOf(view)).load(keyOf(view))).map((p) => ({ format: p.id as TrainingFormat, employees: p.n }));
}

// --- The metric funding measures -----------------------------------------------------------------

const scopeKey = (scope: MetricScope) => `${scope.start}|${scope.end}|${scope.boardId ?? ""}`;

/**
 * Distinct employees reached within each scope, counted in one statement whatever the number of
 * scopes, with the reach family's version read in that statement (see schema/shared/aggregates.ts).
 */
async function countReached(db: Executor, scopes: MetricScope[]): Promise<{ counts: number[]; version: number }> {
  const list = sql.join(
    scopes.map((s, i) => sql`(${i}::int, ${s.start}::date, ${s.end}::date, ${s.boardId ?? null}::uuid)`),
    sql`, `,
  );
  // Each scope's days as withinPeriod judges them: from the start's midnight to the midnight after the end, in Brussels.
  // The distinct pairs first, then a plain count: a hash of the pairs instead of count(distinct)'s sort.
  const scope = sql`scope`;
  const result = (await db.execute(sql`
    select ${versionOf(REACH_FAMILY)} as version, counted.i, counted.n from (values (0)) as one(x)
    left join (
      select pairs.i, count(*)::int as n from (
        select distinct ${scope}.i as i, ${enrolments.employeeId} as employee_id
        from (values ${list}) as ${scope}(i, start_day, end_day, board_id)
        join ${trainingSessions} on ${trainingSessions.startsAt} >= (${scope}.start_day::timestamp at time zone 'Europe/Brussels')
          and ${trainingSessions.startsAt} < ((${scope}.end_day + 1)::timestamp at time zone 'Europe/Brussels')
        join ${enrolments} on ${enrolments.sessionId} = ${trainingSessions.id} and ${enrolments.status} = 'ATTENDED'
        -- A board's scope looks its employees up; the overall scope needs no employee at all.
        where ${scope}.board_id is null or exists (select 1 from ${employees} where ${employees.id} = ${enrolments.employeeId} and ${employees.boardId} = ${scope}.board_id)
      ) as pairs group by pairs.i
    ) as counted on true`)) as unknown as { rows: { version: number | string; i: number | null; n: number | null }[] };
  const counts = new Map(result.rows.filter((r) => r.i !== null).map((r) => [Number(r.i), Number(r.n)]));
  return { counts: scopes.map((_, i) => counts.get(i) ?? 0), version: Number(result.rows[0]?.version ?? 0) };
}

/** The family of cached reach figures; triggers bump its version when attendance can have changed (migration 0008). */
const REACH_FAMILY = "reach";

/**
 * Distinct employees reached within each scope: counted once per version of the attendance data
 * and cached (schema/shared/aggregates.ts), since at the sector's size (a quarter of a million
 * enrolments) the count takes longer than a page may. One statement when every figure is cached,
 * two more when some are not.
 */
async function reachedWithin(db: Executor, scopes: MetricScope[]): Promise<number[]> {
  const keys = scopes.map((s) => `reach|${scopeKey(s)}`);
  const figures = await cachedFigures<number>(db, REACH_FAMILY, keys, async (missing) => {
    const wanted = scopes.filter((_, i) => missing.includes(keys[i]!));
    const { counts, version } = await countReached(db, wanted);
    return wanted.map((s, i) => ({ key: `reach|${scopeKey(s)}`, value: counts[i]!, version }));
  });
  return keys.map((key) => figures.get(key) ?? 0);
}

/**
 * The metric's calls made together (the funding module measures every agreement's commitments at
 * once) become one statement: a DataLoader per connection or transaction, batching without caching
 * (the next measure must see new records).
 */
const batches = new WeakMap<Executor, DataLoader<string, number>>();
function reachCounter(db: Executor): DataLoader<string, number> {
  let loader = batches.get(db);
  if (!loader) {
    loader = new DataLoader<string, number>(
      async (keys) => {
        const distinct = [...new Set(keys)];
        const scopes = distinct.map((key) => {
          const [start = "", end = "", boardId = ""] = key.split("|");
          return boardId ? { start, end, boardId } : { start, end };
        });
        const counts = await reachedWithin(db, scopes);
        const byKey = new Map(distinct.map((key, i) => [key, counts[i]!]));
        return keys.map((key) => byKey.get(key)!);
      },
      { cache: false },
    );
    batches.set(db, loader);
  }
  return loader;
}

/** `training.distinctEmployeesReached`: distinct employees who attended a session started within the scope's period (and board). */
export const distinctEmployeesReached: MetricSource = (db, scope) => reachCounter(db).load(scopeKey(scope));
