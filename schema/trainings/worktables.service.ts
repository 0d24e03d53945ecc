// The HRM worktables "Van HR-beheer naar HR-beleid" (action 8 of the addendum): regional groups
// that meet a few days a year, guided by a partner (M&L Management) and hosted by boards in turn;
// after each meeting the material is sent to the participants. Editors (worktableManage) plan and
// record; the public reads groups, meetings and the boards that attended (never a person).
//
// The meetings held are what action 8's effort commitment and result commitment 4 measure
// ("gespreid over de 2 jaren minstens 30 bijeenkomsten"): the metric `worktables.meetingsHeld`,
// with its count per calendar year, batched over every scope measured together like the reach.
//
// Every write to a group's meetings locks the group's row first, so two editors planning, moving
// or recording meetings of one group are serialised: the 24-meeting cap, the one-meeting-a-day
// rule and the year a group's meetings must lie in are judged on what the other has committed.
import DataLoader from "dataloader";
import { and, asc, count, eq, getTableColumns, gte, inArray, lte, ne, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor, Tx } from "../../db/client.js";
import { boards, province } from "../../db/schema/boards.js";
import { meetingStatus, worktableAttendance, worktableGroups, worktableMeetings } from "../../db/schema/programme.js";
import { todayInBrussels } from "../funding/lifecycle.js";
import { change } from "../shared/changes.js";
import type { Context } from "../shared/context.js";
import { isoDate } from "../shared/dates.js";
import { badInput, conflict, notFound } from "../shared/errors.js";
import { fn, parseInput } from "../shared/fn.js";
import { localizedTextInput } from "../shared/i18n.js";
import { defineLoader, rowsById } from "../shared/loaders.js";
import type { MetricBreakdown, MetricDefinition, MetricPart, MetricScope, MetricSource, Period } from "../shared/metrics.js";
import type { NodeFetcher } from "../shared/module.js";
import { assertCan } from "../shared/policy.js";
import { type Connection, countRows, expectGlobalId, type Keyset, paginate, toGlobalId } from "../shared/relay.js";
import { multilineText, notNull } from "../shared/validation.js";
import { worktableChanged } from "./programme.events.js";
import { periodInput } from "./reach.service.js";
import { actionOf, boardOf, organisationOf } from "./references.js";
import type { WorktableGroupMapper as WorktableGroup, WorktableMeetingMapper as WorktableMeeting, WorktableTallyMapper as WorktableTally } from "./trainings.mappers.js";
import { worktableManage } from "./trainings.policy.js";

type BoardRow = typeof boards.$inferSelect;
type MeetingStatus = WorktableMeeting["status"];

/** A group meets "vier dagen op jaarbasis"; 24 leaves room for extra days and moves, and bounds Group.meetings. */
export const MAX_MEETINGS_PER_GROUP = 24;
/** The boards of the sector a meeting could gather, with room to spare; bounds one write. */
export const MAX_ATTENDING_BOARDS = 400;
/** Material is a message with links and notes, not a document. */
const MAX_MATERIAL = 10_000;

export const worktableGroupLoader = (ctx: Context) => rowsById<WorktableGroup>(ctx, worktableGroups);
export const worktableMeetingLoader = (ctx: Context) => rowsById<WorktableMeeting>(ctx, worktableMeetings);

/** Node types of this part, for node(id). */
export const worktablesNodes: Record<string, NodeFetcher> = {
  WorktableGroup: (ctx, id) => worktableGroupLoader(ctx).load(id),
  WorktableMeeting: (ctx, id) => worktableMeetingLoader(ctx).load(id),
};

const yearOf = (date: string) => Number(date.slice(0, 4));

// ---------------------------------------------------------------------------------------------
// Lists

/**
 * Groups by year, province and Dutch title, as one text key: the year always has four digits
 * (1900-2199) and the five provinces differ in their first letter, so comparing the key compares
 * year, then province, then title, in any collation; a forged cursor key pages, never fails.
 */
const groupSortKey = sql<string>`(${worktableGroups.year}::text || ${worktableGroups.province}::text || (${worktableGroups.title}->>'nl'))`;
const groupKeyset: Keyset = { sortKey: groupSortKey, id: worktableGroups.id };
const groupCursor = (g: WorktableGroup): [string, string] => [`${g.year}${g.province}${g.title.nl}`, g.id];

const groupListArgs = z.object({
  first: z.number().int().nullish(),
  after: z.string().nullish(),
  filter: z.object({ year: z.number().int().nullish(), province: z.enum(province.enumValues).nullish() }).nullish(),
});

export const listWorktableGroups = fn(groupListArgs, async (ctx, { first, after, filter }): Promise<Connection<WorktableGroup>> => {
  const where = and(filter?.year != null ? eq(worktableGroups.year, filter.year) : undefined, filter?.province ? eq(worktableGroups.province, filter.province) : undefined);
  return paginate(
    { first, after },
    groupKeyset,
    (page) =>
      ctx.db
        .select()
        .from(worktableGroups)
        .where(and(where, page.after))
        .orderBy(...page.orderBy)
        .limit(page.limit),
    groupCursor,
    () => countRows(ctx.db, worktableGroups, where),
  );
});

/** Meetings by day then id; the day as ISO text whatever the session's DateStyle. */
const meetingSortKey = sql<string>`to_char(${worktableMeetings.meetingDate}, 'YYYY-MM-DD')`;
const meetingKeyset: Keyset = { sortKey: meetingSortKey, id: worktableMeetings.id };
const meetingCursor = (m: WorktableMeeting): [string, string] => [m.meetingDate, m.id];

const meetingListArgs = z.object({
  first: z.number().int().nullish(),
  after: z.string().nullish(),
  filter: z
    .object({
      groupId: z.string().nullish(),
      status: z.enum(meetingStatus.enumValues).nullish(),
      province: z.enum(province.enumValues).nullish(),
      hostBoardId: z.string().nullish(),
      from: isoDate.nullish(),
      until: isoDate.nullish(),
    })
    .nullish(),
});

export const listWorktableMeetings = fn(meetingListArgs, async (ctx, { first, after, filter }): Promise<Connection<WorktableMeeting>> => {
  const conditions: (SQL | undefined)[] = [];
  if (filter?.groupId) conditions.push(eq(worktableMeetings.groupId, expectGlobalId(filter.groupId, "WorktableGroup", "filter.groupId")));
  if (filter?.status) conditions.push(eq(worktableMeetings.status, filter.status));
  if (filter?.province) conditions.push(eq(worktableMeetings.province, filter.province));
  if (filter?.hostBoardId) conditions.push(eq(worktableMeetings.hostBoardId, expectGlobalId(filter.hostBoardId, "Board", "filter.hostBoardId")));
  if (filter?.from) conditions.push(gte(worktableMeetings.meetingDate, filter.from));
  if (filter?.until) conditions.push(lte(worktableMeetings.meetingDate, filter.until));
  const where = and(...conditions);
  return paginate(
    { first, after },
    meetingKeyset,
    (page) =>
      ctx.db
        .select()
        .from(worktableMeetings)
        .where(and(where, page.after))
        .orderBy(...page.orderBy)
        .limit(page.limit),
    meetingCursor,
    () => countRows(ctx.db, worktableMeetings, where),
  );
});

/**
 * WorktableGroup.meetings: every group's meetings by day, in one statement per batch of groups.
 * The cap bounds the list; the window keeps it bounded even for rows written around the rules.
 */
const meetingsOfGroups = defineLoader<string, WorktableMeeting[]>(async (ctx, groupIds) => {
  const ranked = ctx.db
    .select({
      ...getTableColumns(worktableMeetings),
      rank: sql<number>`row_number() over (partition by ${worktableMeetings.groupId} order by ${worktableMeetings.meetingDate} asc, ${worktableMeetings.id} asc)`.as("rank"),
    })
    .from(worktableMeetings)
    .where(inArray(worktableMeetings.groupId, [...groupIds]))
    .as("ranked");
  const rows = await ctx.db.select().from(ranked).where(lte(ranked.rank, MAX_MEETINGS_PER_GROUP)).orderBy(ranked.groupId, ranked.rank);
  const byGroup = new Map<string, WorktableMeeting[]>();
  for (const { rank: _rank, ...meeting } of rows) byGroup.set(meeting.groupId, [...(byGroup.get(meeting.groupId) ?? []), meeting as WorktableMeeting]);
  return groupIds.map((id) => byGroup.get(id) ?? []);
});

export const meetingsOfGroup = (ctx: Context, group: WorktableGroup) => meetingsOfGroups(ctx).load(group.id);

/** WorktableMeeting.attendingBoards: the boards of every meeting asked, by name, in one statement. */
const boardsAttending = defineLoader<string, BoardRow[]>(async (ctx, meetingIds) => {
  const rows = await ctx.db
    .select({ meetingId: worktableAttendance.meetingId, board: boards })
    .from(worktableAttendance)
    .innerJoin(boards, eq(boards.id, worktableAttendance.boardId))
    .where(inArray(worktableAttendance.meetingId, [...meetingIds]))
    .orderBy(asc(boards.name), asc(boards.id));
  const byMeeting = new Map<string, BoardRow[]>();
  for (const { meetingId, board } of rows) byMeeting.set(meetingId, [...(byMeeting.get(meetingId) ?? []), board]);
  return meetingIds.map((id) => byMeeting.get(id) ?? []);
});

export const attendingBoardsOf = (ctx: Context, meeting: WorktableMeeting) => boardsAttending(ctx).load(meeting.id);

// ---------------------------------------------------------------------------------------------
// Meetings held, per calendar year: the tally and the metric

/** Held meetings per calendar year of each scope (year -> count). */
type YearCounts = Map<number, number>;

const scopeKey = (scope: MetricScope) => `${scope.start}|${scope.end}|${scope.boardId ?? ""}`;

/**
 * HELD meetings whose day lies within each scope's period, per calendar year, in one statement
 * whatever the number of scopes. A scope's board counts the meetings it hosted or attended.
 * Meeting days are Brussels days already (a date column), so no time zone enters the comparison.
 */
async function heldPerYear(db: Executor, scopes: MetricScope[]): Promise<YearCounts[]> {
  const list = sql.join(
    scopes.map((s, i) => sql`(${i}::int, ${s.start}::date, ${s.end}::date, ${s.boardId ?? null}::uuid)`),
    sql`, `,
  );
  const scope = sql`scope`;
  const result = (await db.execute(sql`
    select ${scope}.i as i, extract(year from ${worktableMeetings.meetingDate})::int as year, count(*)::int as n
    from (values ${list}) as ${scope}(i, start_day, end_day, board_id)
    join ${worktableMeetings} on ${worktableMeetings.status} = 'HELD'
      and ${worktableMeetings.meetingDate} between ${scope}.start_day and ${scope}.end_day
      and (${scope}.board_id is null
        or ${worktableMeetings.hostBoardId} = ${scope}.board_id
        or exists (select 1 from ${worktableAttendance} where ${worktableAttendance.meetingId} = ${worktableMeetings.id} and ${worktableAttendance.boardId} = ${scope}.board_id))
    group by ${scope}.i, 2`)) as unknown as { rows: { i: number; year: number; n: number }[] };
  const counts = scopes.map((): YearCounts => new Map());
  for (const row of result.rows) counts[Number(row.i)]?.set(Number(row.year), Number(row.n));
  return counts;
}

/**
 * Calls made together (the funding module measures every agreement's commitments at once, each
 * with its breakdown; a query asks for several tallies) become one statement: a DataLoader per
 * connection or transaction, batching without caching (the next measure must see new records).
 */
const batches = new WeakMap<Executor, DataLoader<string, YearCounts>>();
function heldCounter(db: Executor): DataLoader<string, YearCounts> {
  let loader = batches.get(db);
  if (!loader) {
    loader = new DataLoader<string, YearCounts>(
      async (keys) => {
        const distinct = [...new Set(keys)];
        const scopes = distinct.map((key): MetricScope => {
          const [start = "", end = "", boardId = ""] = key.split("|");
          return boardId ? { start, end, boardId } : { start, end };
        });
        const counts = await heldPerYear(db, scopes);
        const byKey = new Map(distinct.map((key, i) => [key, counts[i]!]));
        return keys.map((key) => byKey.get(key)!);
      },
      { cache: false },
    );
    batches.set(db, loader);
  }
  return loader;
}

/** Every calendar year the period touches, with its count (zero included), in order. */
function perYear(period: Period, counts: YearCounts): { year: number; count: number }[] {
  const years: { year: number; count: number }[] = [];
  for (let year = yearOf(period.start); year <= yearOf(period.end); year++) years.push({ year, count: counts.get(year) ?? 0 });
  return years;
}

const total = (counts: YearCounts) => [...counts.values()].reduce((sum, n) => sum + n, 0);

/** `worktables.meetingsHeld`: HELD meetings whose day lies within the scope's period (and that its board hosted or attended). */
export const meetingsHeld: MetricSource = async (db, scope) => total(await heldCounter(db).load(scopeKey(scope)));

/** The same per calendar year: every year the period touches, labelled "2023". */
export const meetingsHeldPerYear: MetricBreakdown = async (db, scope): Promise<MetricPart[]> =>
  perYear(scope, await heldCounter(db).load(scopeKey(scope))).map(({ year, count: n }) => ({ label: String(year), value: n }));

/** The metrics this part counts, with their queries. */
export const worktablesMetrics: (MetricDefinition & { source?: MetricSource; breakdown?: MetricBreakdown })[] = [
  {
    key: "worktables.meetingsHeld",
    description:
      "HRM worktable meetings held (status HELD) on a day within the period; for a board, those it hosted or attended. Broken down per calendar year the period touches (action 8: in 2023 and in 2024).",
    module: "trainings",
    source: meetingsHeld,
    breakdown: meetingsHeldPerYear,
  },
];

/** Query.worktableMeetingsHeld: the period, validated like the reach's. */
export function worktableTally(args: { period: z.input<typeof periodInput> }): WorktableTally {
  const { period } = parseInput(z.object({ period: periodInput }), args);
  return period;
}

const tallyCounts = (ctx: Context, tally: WorktableTally) => heldCounter(ctx.db).load(scopeKey(tally));
export const tallyHeld = async (ctx: Context, tally: WorktableTally) => total(await tallyCounts(ctx, tally));
export const tallyByYear = async (ctx: Context, tally: WorktableTally) => perYear(tally, await tallyCounts(ctx, tally));

// ---------------------------------------------------------------------------------------------
// Writes: groups

const year = z.number().int("must be a whole number").min(1900, "must be from 1900 to 2199").max(2199, "must be from 1900 to 2199");

const groupFields = z.object({
  title: localizedTextInput,
  province: z.enum(province.enumValues),
  year,
  partnerId: z.string().nullish(),
  actionId: z.string().nullish(),
});

const groupEvent = (groupId: string, operation: "CREATED" | "UPDATED") => ({
  groupId: toGlobalId("WorktableGroup", groupId),
  meetingId: null,
  status: null,
  attendingBoards: null,
  operation,
});

export const createWorktableGroup = fn(
  groupFields,
  async (ctx, input): Promise<WorktableGroup> =>
    change(ctx, async (tx, recorder) => {
      await assertCan(ctx, worktableManage, undefined);
      const [created] = await tx
        .insert(worktableGroups)
        .values({
          title: input.title,
          province: input.province,
          year: input.year,
          partnerId: await organisationOf(tx, input.partnerId, "input.partnerId"),
          actionId: await actionOf(tx, input.actionId),
        })
        .returning();
      if (!created) throw new Error("insert returned no row");
      await recorder.record({ operation: "createWorktableGroup", entityType: "WorktableGroup", entityId: created.id, before: null, after: created });
      await recorder.emit(worktableChanged, created.id, groupEvent(created.id, "CREATED"));
      return created;
    }),
  { argument: "input", authorize: worktableManage },
);

const groupPatch = z.object({
  id: z.string(),
  title: notNull(localizedTextInput),
  province: notNull(z.enum(province.enumValues)),
  year: notNull(year),
  partnerId: z.string().nullish(),
  actionId: z.string().nullish(),
});

/** The group's row, locked: every write to its meetings takes this lock first. */
async function lockGroup(tx: Tx, groupId: string, field: string, missing: "notFound" | "badInput"): Promise<WorktableGroup> {
  const [group] = await tx.select().from(worktableGroups).where(eq(worktableGroups.id, groupId)).for("update");
  if (!group) throw missing === "notFound" ? notFound("WorktableGroup", field) : badInput(field, "is not a worktable group");
  return group;
}

export const updateWorktableGroup = fn(
  groupPatch,
  async (ctx, { id, ...patch }): Promise<WorktableGroup> => {
    const rowId = expectGlobalId(id, "WorktableGroup", "input.id");
    return change(ctx, async (tx, recorder) => {
      await assertCan(ctx, worktableManage, undefined);
      // Locked, so no meeting is planned in the old year while the year changes.
      const before = await lockGroup(tx, rowId, "input.id", "notFound");
      const values = {
        title: patch.title ?? before.title,
        province: patch.province ?? before.province,
        year: patch.year ?? before.year,
        partnerId: patch.partnerId === undefined ? before.partnerId : await organisationOf(tx, patch.partnerId, "input.partnerId"),
        actionId: patch.actionId === undefined ? before.actionId : await actionOf(tx, patch.actionId),
      };
      if (values.year !== before.year) {
        // A group's meetings lie in its year, cancelled ones too (they are still its meetings).
        const [outside] = await tx
          .select({ n: count() })
          .from(worktableMeetings)
          .where(and(eq(worktableMeetings.groupId, rowId), sql`extract(year from ${worktableMeetings.meetingDate}) <> ${values.year}`));
        const n = outside?.n ?? 0;
        if (n > 0) throw conflict("input.year", `The group has ${n} meeting(s) outside ${values.year}: move or leave them before changing its year`);
      }
      const [after] = await tx.update(worktableGroups).set(values).where(eq(worktableGroups.id, rowId)).returning();
      if (!after) throw notFound("WorktableGroup", "input.id");
      await recorder.record({ operation: "updateWorktableGroup", entityType: "WorktableGroup", entityId: rowId, before, after });
      await recorder.emit(worktableChanged, rowId, groupEvent(rowId, "UPDATED"));
      return after;
    });
  },
  { argument: "input", authorize: worktableManage },
);

// ---------------------------------------------------------------------------------------------
// Writes: meetings

const meetingEvent = (meeting: WorktableMeeting, operation: "CREATED" | "UPDATED", attendingBoards: number | null = null) => ({
  groupId: toGlobalId("WorktableGroup", meeting.groupId),
  meetingId: toGlobalId("WorktableMeeting", meeting.id),
  status: meeting.status,
  attendingBoards,
  operation,
});

/** The day rules of a meeting, planned or moved: in its group's year, and no other live meeting of the group that day. */
async function checkDay(tx: Tx, group: WorktableGroup, date: string, except: string | null): Promise<void> {
  if (yearOf(date) !== group.year) throw badInput("input.date", `must be in the group's year ${group.year}`);
  const [taken] = await tx
    .select({ id: worktableMeetings.id })
    .from(worktableMeetings)
    .where(
      and(
        eq(worktableMeetings.groupId, group.id),
        eq(worktableMeetings.meetingDate, date),
        // A cancelled meeting frees its day.
        ne(worktableMeetings.status, "CANCELLED"),
        except ? ne(worktableMeetings.id, except) : undefined,
      ),
    )
    .limit(1);
  if (taken) throw conflict("input.date", `The group already meets on ${date}: one meeting a day`);
}

const planInput = z.object({
  groupId: z.string(),
  date: isoDate,
  province: z.enum(province.enumValues).nullish(),
  hostBoardId: z.string().nullish(),
});

export const planWorktableMeeting = fn(
  planInput,
  async (ctx, input): Promise<WorktableMeeting> => {
    const groupId = expectGlobalId(input.groupId, "WorktableGroup", "input.groupId");
    return change(ctx, async (tx, recorder) => {
      await assertCan(ctx, worktableManage, undefined);
      const group = await lockGroup(tx, groupId, "input.groupId", "badInput");
      const [held] = await tx.select({ n: count() }).from(worktableMeetings).where(eq(worktableMeetings.groupId, groupId));
      // Every meeting counts, cancelled ones too: the cap is what keeps Group.meetings bounded.
      if ((held?.n ?? 0) >= MAX_MEETINGS_PER_GROUP) throw badInput("input.groupId", `already has ${MAX_MEETINGS_PER_GROUP} meetings, the most a group holds`);
      await checkDay(tx, group, input.date, null);
      const [created] = await tx
        .insert(worktableMeetings)
        .values({ groupId, meetingDate: input.date, province: input.province ?? group.province, hostBoardId: await boardOf(tx, input.hostBoardId) })
        .returning();
      if (!created) throw new Error("insert returned no row");
      await recorder.record({ operation: "planWorktableMeeting", entityType: "WorktableMeeting", entityId: created.id, before: null, after: created });
      await recorder.emit(worktableChanged, created.id, meetingEvent(created, "CREATED"));
      return created;
    });
  },
  { argument: "input", authorize: worktableManage },
);

/**
 * The meeting's row under its group's lock, in the one status the write allows. The group is
 * locked before the meeting is read, so a concurrent write of the same group waits and then
 * sees the status the first one left.
 */
async function lockMeeting(tx: Tx, meetingId: string, field: string, allowed: MeetingStatus, doing: string): Promise<{ group: WorktableGroup; meeting: WorktableMeeting }> {
  const [found] = await tx.select({ groupId: worktableMeetings.groupId }).from(worktableMeetings).where(eq(worktableMeetings.id, meetingId));
  if (!found) throw notFound("WorktableMeeting", field);
  const group = await lockGroup(tx, found.groupId, field, "notFound");
  const [meeting] = await tx.select().from(worktableMeetings).where(eq(worktableMeetings.id, meetingId)).for("update");
  if (!meeting) throw notFound("WorktableMeeting", field);
  if (meeting.status !== allowed) throw conflict(field, `The meeting is ${meeting.status}: only a ${allowed} meeting ${doing}`);
  return { group, meeting };
}

const meetingPatch = z.object({
  id: z.string(),
  date: notNull(isoDate),
  province: notNull(z.enum(province.enumValues)),
  hostBoardId: z.string().nullish(),
});

export const updateWorktableMeeting = fn(
  meetingPatch,
  async (ctx, { id, ...patch }): Promise<WorktableMeeting> => {
    const rowId = expectGlobalId(id, "WorktableMeeting", "input.id");
    return change(ctx, async (tx, recorder) => {
      await assertCan(ctx, worktableManage, undefined);
      const { group, meeting: before } = await lockMeeting(tx, rowId, "input.id", "PLANNED", "is changed");
      if (patch.date !== undefined && patch.date !== before.meetingDate) await checkDay(tx, group, patch.date, rowId);
      const values = {
        meetingDate: patch.date ?? before.meetingDate,
        province: patch.province ?? before.province,
        hostBoardId: patch.hostBoardId === undefined ? before.hostBoardId : await boardOf(tx, patch.hostBoardId),
      };
      const [after] = await tx.update(worktableMeetings).set(values).where(eq(worktableMeetings.id, rowId)).returning();
      if (!after) throw notFound("WorktableMeeting", "input.id");
      await recorder.record({ operation: "updateWorktableMeeting", entityType: "WorktableMeeting", entityId: rowId, before, after });
      await recorder.emit(worktableChanged, rowId, meetingEvent(after, "UPDATED"));
      return after;
    });
  },
  { argument: "input", authorize: worktableManage },
);

const heldInput = z.object({
  id: z.string(),
  attendingBoardIds: z
    .array(z.string())
    .min(1, "must name at least one board")
    .max(MAX_ATTENDING_BOARDS, `must name at most ${MAX_ATTENDING_BOARDS} boards`)
    .superRefine((ids, issues) => {
      const seen = new Set<string>();
      for (const [i, id] of ids.entries()) {
        if (seen.has(id)) issues.addIssue({ code: "custom", path: [i], message: "names a board already named" });
        seen.add(id);
      }
    }),
});

export const recordWorktableMeetingHeld = fn(
  heldInput,
  async (ctx, input): Promise<WorktableMeeting> => {
    const rowId = expectGlobalId(input.id, "WorktableMeeting", "input.id");
    const boardIds = input.attendingBoardIds.map((id, i) => expectGlobalId(id, "Board", `input.attendingBoardIds.${i}`));
    // Two global ids of one board (a padded encoding) are the same board.
    const first = boardIds.findIndex((id, i) => boardIds.indexOf(id) !== i);
    if (first >= 0) throw badInput(`input.attendingBoardIds.${first}`, "names a board already named");
    return change(ctx, async (tx, recorder) => {
      await assertCan(ctx, worktableManage, undefined);
      const { meeting: before } = await lockMeeting(tx, rowId, "input.id", "PLANNED", "is recorded as held");
      if (before.meetingDate > todayInBrussels()) throw conflict("input.id", `The meeting is on ${before.meetingDate}: it is recorded as held on or after its day`);
      const existing = new Set((await tx.select({ id: boards.id }).from(boards).where(inArray(boards.id, boardIds))).map((b) => b.id));
      const missing = boardIds.findIndex((id) => !existing.has(id));
      if (missing >= 0) throw badInput(`input.attendingBoardIds.${missing}`, "is not a board");
      await tx.insert(worktableAttendance).values(boardIds.map((boardId) => ({ meetingId: rowId, boardId })));
      const [after] = await tx.update(worktableMeetings).set({ status: "HELD" }).where(eq(worktableMeetings.id, rowId)).returning();
      if (!after) throw notFound("WorktableMeeting", "input.id");
      await recorder.record({ operation: "recordWorktableMeetingHeld", entityType: "WorktableMeeting", entityId: rowId, before, after: { ...after, attendingBoardIds: boardIds } });
      await recorder.emit(worktableChanged, rowId, meetingEvent(after, "UPDATED", boardIds.length));
      return after;
    });
  },
  { argument: "input", authorize: worktableManage },
);

export const cancelWorktableMeeting = fn(
  z.object({ id: z.string() }),
  async (ctx, { id }): Promise<WorktableMeeting> => {
    const rowId = expectGlobalId(id, "WorktableMeeting", "id");
    return change(ctx, async (tx, recorder) => {
      await assertCan(ctx, worktableManage, undefined);
      const { meeting: before } = await lockMeeting(tx, rowId, "id", "PLANNED", "is cancelled");
      const [after] = await tx.update(worktableMeetings).set({ status: "CANCELLED" }).where(eq(worktableMeetings.id, rowId)).returning();
      if (!after) throw notFound("WorktableMeeting", "id");
      await recorder.record({ operation: "cancelWorktableMeeting", entityType: "WorktableMeeting", entityId: rowId, before, after });
      await recorder.emit(worktableChanged, rowId, meetingEvent(after, "UPDATED"));
      return after;
    });
  },
  { authorize: worktableManage },
);

export const sendWorktableMaterial = fn(
  z.object({ id: z.string(), material: multilineText(MAX_MATERIAL) }),
  async (ctx, input): Promise<WorktableMeeting> => {
    const rowId = expectGlobalId(input.id, "WorktableMeeting", "input.id");
    return change(ctx, async (tx, recorder) => {
      await assertCan(ctx, worktableManage, undefined);
      // Sent again, it replaces what was sent (a correction); the audit row keeps the earlier text.
      const { meeting: before } = await lockMeeting(tx, rowId, "input.id", "HELD", "has material sent");
      const [after] = await tx.update(worktableMeetings).set({ material: input.material, materialSentAt: new Date() }).where(eq(worktableMeetings.id, rowId)).returning();
      if (!after) throw notFound("WorktableMeeting", "input.id");
      await recorder.record({ operation: "sendWorktableMaterial", entityType: "WorktableMeeting", entityId: rowId, before, after });
      await recorder.emit(worktableChanged, rowId, meetingEvent(after, "UPDATED"));
      return after;
    });
  },
  { argument: "input", authorize: worktableManage },
);
