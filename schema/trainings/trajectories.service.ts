// The trajectories of track 1 of the addendum: leadership trajectories for target levels from
// foreman to general director, innovative work organisation (IAO) in named departments of
// boards, and the GoodHabitz e-learning learning network; the boards taking part and the
// trajectories' sessions. What is offered and which boards take part is public; editors
// (trajectoryManage) write. A board that joins a trajectory with a fee is charged it in the
// co-financing ledger of the trajectory's action's agreement, in the same transaction: no
// participation without its charge. The four metrics the addendum's commitments measure on
// these records are defined at the end, each batched over the scopes measured together.
import DataLoader from "dataloader";
import { and, count, eq, getTableColumns, inArray, lte, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor, Tx } from "../../db/client.js";
import { boards } from "../../db/schema/boards.js";
import { leadershipLevel, trajectories, trajectoryKind, trajectoryParticipations, trajectorySessions } from "../../db/schema/programme.js";
import { type Board, boardLoader } from "../boards/boards.service.js";
import { chargeParticipationFee, reverseParticipationFee } from "../funding/cofinancing.service.js";
import { todayInBrussels } from "../funding/lifecycle.js";
import { change, type Recorder } from "../shared/changes.js";
import type { Context } from "../shared/context.js";
import { isoDate } from "../shared/dates.js";
import { badInput, conflict, notFound, uniqueViolation } from "../shared/errors.js";
import { fn } from "../shared/fn.js";
import { localizedMultilineTextInput, localizedTextInput } from "../shared/i18n.js";
import { defineLoaderFamily, rowsById } from "../shared/loaders.js";
import type { MetricBreakdown, MetricDefinition, MetricPart, MetricScope, MetricSource } from "../shared/metrics.js";
import type { NodeFetcher } from "../shared/module.js";
import { nonNegativeMoneyInput } from "../shared/money.js";
import { assertCan } from "../shared/policy.js";
import { afterCursor, type Connection, countRows, expectGlobalId, type Keyset, mapConnection, pageSize, paginate, toConnection, toGlobalId } from "../shared/relay.js";
import { escapeLike, notNull, optionalMultilineText, optionalText } from "../shared/validation.js";
import { trajectoryChanged, trajectoryParticipationChanged } from "./programme.events.js";
import { actionOf, organisationOf } from "./references.js";
import { newSessionPlace, patchedSessionPlace, sessionPlaceFields, sessionPlacePatch } from "./session-place.js";
import type { TrajectoryParticipationMapper as Participation, TrajectorySessionMapper as Session, TrajectoryMapper as Trajectory } from "./trainings.mappers.js";
import { trajectoryManage } from "./trainings.policy.js";
import { checkFee } from "./trainings.service.js";

export type { Participation, Session, Trajectory };

type Kind = Trajectory["kind"];
type Level = Trajectory["targetLevels"][number];

export const trajectoryLoader = (ctx: Context) => rowsById<Trajectory>(ctx, trajectories);
export const participationLoader = (ctx: Context) => rowsById<Participation>(ctx, trajectoryParticipations);
export const trajectorySessionLoader = (ctx: Context) => rowsById<Session>(ctx, trajectorySessions);

/** Node types of this part, for node(id): all public (a fee charge is guarded on its own field). */
export const trajectoriesNodes: Record<string, NodeFetcher> = {
  Trajectory: (ctx, id) => trajectoryLoader(ctx).load(id),
  TrajectoryParticipation: (ctx, id) => participationLoader(ctx).load(id),
  TrajectorySession: (ctx, id) => trajectorySessionLoader(ctx).load(id),
};

// ---------------------------------------------------------------------------------------------
// The list

/**
 * Kind (in the enum's order), then Dutch title, then id. The sort key is one text, the kind's
 * position as a digit before the title, so the order and the cursor compare the same value: the
 * digit decides first in any collation, and the title decides within a kind.
 */
const kindRank = sql`(case ${trajectories.kind} when 'LEADERSHIP' then '0' when 'WORK_ORGANISATION' then '1' else '2' end)`;
const trajectorySortKey = sql<string>`(${kindRank} || (${trajectories.title}->>'nl'))`;
const trajectoryKeyset: Keyset = { sortKey: trajectorySortKey, id: trajectories.id };
const trajectoryCursor = (t: Trajectory): [string, string] => [`${trajectoryKind.enumValues.indexOf(t.kind)}${t.title.nl}`, t.id];

const listArgs = z.object({
  first: z.number().int().nullish(),
  after: z.string().nullish(),
  filter: z
    .object({
      kind: z.enum(trajectoryKind.enumValues).nullish(),
      search: z.string().trim().max(100, "must be at most 100 characters").nullish(),
      targetLevel: z.enum(leadershipLevel.enumValues).nullish(),
      actionId: z.string().nullish(),
      partnerId: z.string().nullish(),
      boardId: z.string().nullish(),
      offeredOn: isoDate.nullish(),
    })
    .nullish(),
});

/** A participation that counts on `day`: joined by then, and not withdrawn by then (withdrawnOn is the first day it no longer counts). */
const takingPartOn = (day: string) =>
  sql`${trajectoryParticipations.joinedOn} <= ${day}::date and (${trajectoryParticipations.withdrawnOn} is null or ${trajectoryParticipations.withdrawnOn} > ${day}::date)`;

export const listTrajectories = fn(listArgs, async (ctx, { first, after, filter }): Promise<Connection<Trajectory>> => {
  const conditions: (SQL | undefined)[] = [];
  if (filter?.kind) conditions.push(eq(trajectories.kind, filter.kind));
  if (filter?.search) {
    // Any translation matches: a French-speaking reader searches in French.
    const pattern = `%${escapeLike(filter.search)}%`;
    conditions.push(sql`(${trajectories.title}->>'nl' ilike ${pattern} or ${trajectories.title}->>'fr' ilike ${pattern} or ${trajectories.title}->>'en' ilike ${pattern})`);
  }
  if (filter?.targetLevel) conditions.push(sql`${filter.targetLevel}::leadership_level = any(${trajectories.targetLevels})`);
  if (filter?.actionId) conditions.push(eq(trajectories.actionId, expectGlobalId(filter.actionId, "Action", "filter.actionId")));
  if (filter?.partnerId) conditions.push(eq(trajectories.partnerId, expectGlobalId(filter.partnerId, "Organisation", "filter.partnerId")));
  if (filter?.boardId) {
    // "Takes part in": a participation that counts today; a board that withdrew no longer does.
    const boardId = expectGlobalId(filter.boardId, "Board", "filter.boardId");
    conditions.push(
      sql`exists (select 1 from ${trajectoryParticipations} where ${trajectoryParticipations.trajectoryId} = ${trajectories.id} and ${trajectoryParticipations.boardId} = ${boardId} and ${takingPartOn(todayInBrussels())})`,
    );
  }
  if (filter?.offeredOn) {
    conditions.push(
      sql`${trajectories.offeredFrom} <= ${filter.offeredOn}::date and (${trajectories.offeredUntil} is null or ${trajectories.offeredUntil} >= ${filter.offeredOn}::date)`,
    );
  }
  const where = and(...conditions);
  return paginate(
    { first, after },
    trajectoryKeyset,
    (page) =>
      ctx.db
        .select()
        .from(trajectories)
        .where(and(where, page.after))
        .orderBy(...page.orderBy)
        .limit(page.limit),
    trajectoryCursor,
    () => countRows(ctx.db, trajectories, where),
  );
});

export async function findTrajectory(ctx: Context, id: string): Promise<Trajectory | null> {
  return trajectoryLoader(ctx).load(id);
}

// ---------------------------------------------------------------------------------------------
// A trajectory's participations and sessions: a page of each of many trajectories in one statement

interface Page {
  after: string | null;
  size: number;
}
const pageVariant = (page: Page) => JSON.stringify([page.after, page.size]);

/** The board of each participation a page listed, fetched with it. */
const boardsOfListed = new WeakMap<Participation, Board>();

/** TrajectoryParticipation.board: the one fetched with the page, else through the request's board loader. */
export async function participationBoard(ctx: Context, participation: Participation): Promise<Board> {
  const board = boardsOfListed.get(participation) ?? (await boardLoader(ctx).load(participation.boardId));
  if (!board) throw new Error(`participation ${participation.id} has no board`);
  return board;
}

/** Participations by board name, then id; withdrawn ones included. */
const participationKeyset: Keyset = { sortKey: boards.name, id: trajectoryParticipations.id };

const pagesOfParticipations = defineLoaderFamily<string, { participation: Participation; boardName: string }[], Page>(pageVariant, async (ctx, { after, size }, trajectoryIds) => {
  const ranked = ctx.db
    .select({
      ...getTableColumns(trajectoryParticipations),
      boardName: sql<string>`${boards.name}`.as("board_name"),
      rank: sql<number>`row_number() over (partition by ${trajectoryParticipations.trajectoryId} order by ${boards.name} asc, ${trajectoryParticipations.id} asc)`.as("rank"),
    })
    .from(trajectoryParticipations)
    .innerJoin(boards, eq(boards.id, trajectoryParticipations.boardId))
    .where(and(inArray(trajectoryParticipations.trajectoryId, [...trajectoryIds]), afterCursor(participationKeyset, after)))
    .as("ranked");
  // The boards come along: TrajectoryParticipation.board then costs nothing, and the board loader
  // is left to the sessions' hosts, so the statements do not depend on which loads of a request
  // happen to fall in one batch.
  const rows = await ctx.db
    .select()
    .from(ranked)
    .innerJoin(boards, eq(boards.id, ranked.boardId))
    .where(lte(ranked.rank, size + 1))
    .orderBy(ranked.trajectoryId, ranked.rank);
  return trajectoryIds.map((id) =>
    rows
      .filter((r) => r.ranked.trajectoryId === id)
      .map(({ ranked: { rank: _rank, boardName, ...row }, boards: board }) => {
        const participation = row as Participation;
        boardsOfListed.set(participation, board);
        return { participation, boardName };
      }),
  );
});

/** How many rows of a trajectory's child table each trajectory has: one statement for the trajectories asked. */
function countsPerTrajectory(column: typeof trajectoryParticipations.trajectoryId | typeof trajectorySessions.trajectoryId) {
  return defineLoaderFamily<string, number, null>(
    () => "",
    async (ctx, _none, trajectoryIds) => {
      const rows = await ctx.db
        .select({ trajectoryId: column, n: count() })
        .from(column.table)
        .where(inArray(column, [...trajectoryIds]))
        .groupBy(column);
      const counts = new Map(rows.map((r) => [r.trajectoryId, r.n]));
      return trajectoryIds.map((id) => counts.get(id) ?? 0);
    },
  );
}

const participationTotals = countsPerTrajectory(trajectoryParticipations.trajectoryId);

/** Trajectory.participations: batched over the trajectories of a list. */
export async function participationsOf(ctx: Context, trajectory: Trajectory, args: { first?: number | null; after?: string | null }): Promise<Connection<Participation>> {
  const size = pageSize(args.first);
  // Decoding the cursor here refuses a forged one before the batch runs.
  afterCursor(participationKeyset, args.after);
  const rows = await pagesOfParticipations(ctx, { after: args.after ?? null, size }).load(trajectory.id);
  const page = toConnection(
    rows,
    size,
    args,
    (r) => [r.boardName, r.participation.id],
    () => participationTotals(ctx, null).load(trajectory.id),
  );
  return mapConnection(page, (r) => r.participation);
}

/** Sessions by start as text (UTC, to the microsecond), like the training sessions, so a forged cursor pages nowhere. */
const sessionStartKey = sql<string>`to_char(${trajectorySessions.startsAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;
const sessionKeyset: Keyset = { sortKey: sessionStartKey, id: trajectorySessions.id };
const sessionCursor = (s: Session): [string, string] => [`${s.startsAt.toISOString().slice(0, 23)}000`, s.id];

const pagesOfSessions = defineLoaderFamily<string, Session[], Page>(pageVariant, async (ctx, { after, size }, trajectoryIds) => {
  const ranked = ctx.db
    .select({
      ...getTableColumns(trajectorySessions),
      rank: sql<number>`row_number() over (partition by ${trajectorySessions.trajectoryId} order by ${trajectorySessions.startsAt} asc, ${trajectorySessions.id} asc)`.as("rank"),
    })
    .from(trajectorySessions)
    .where(and(inArray(trajectorySessions.trajectoryId, [...trajectoryIds]), afterCursor(sessionKeyset, after)))
    .as("ranked");
  const rows = await ctx.db
    .select()
    .from(ranked)
    .where(lte(ranked.rank, size + 1))
    .orderBy(ranked.trajectoryId, ranked.rank);
  return trajectoryIds.map((id) => rows.filter((r) => r.trajectoryId === id).map(({ rank: _rank, ...session }) => session as Session));
});

const sessionTotals = countsPerTrajectory(trajectorySessions.trajectoryId);

/** Trajectory.sessions: batched over the trajectories of a list. */
export async function sessionsOf(ctx: Context, trajectory: Trajectory, args: { first?: number | null; after?: string | null }): Promise<Connection<Session>> {
  const size = pageSize(args.first);
  afterCursor(sessionKeyset, args.after);
  const rows = await pagesOfSessions(ctx, { after: args.after ?? null, size }).load(trajectory.id);
  return toConnection(rows, size, args, sessionCursor, () => sessionTotals(ctx, null).load(trajectory.id));
}

// ---------------------------------------------------------------------------------------------
// Trajectories: create and update

const levels = z.array(z.enum(leadershipLevel.enumValues)).max(50, "must name at most 50 levels");

/** Distinct levels in the enum's order (foreman first), however the editor listed them. */
const inLevelOrder = (given: readonly Level[]): Level[] => leadershipLevel.enumValues.filter((l) => given.includes(l));

const trajectoryFields = z.object({
  kind: z.enum(trajectoryKind.enumValues),
  title: localizedTextInput,
  description: localizedMultilineTextInput.nullish(),
  targetLevels: levels.nullish(),
  approach: optionalMultilineText(2000),
  partnerId: z.string().nullish(),
  actionId: z.string().nullish(),
  fee: nonNegativeMoneyInput.nullish(),
  offeredFrom: isoDate,
  offeredUntil: isoDate.nullish(),
});

/** Levels only for LEADERSHIP, and at least one there; the offer ends on or after it starts. */
function checkTrajectory(values: { kind: Kind; targetLevels: Level[]; offeredFrom: string; offeredUntil: string | null }, changedFrom: boolean): void {
  if (values.kind === "LEADERSHIP" && values.targetLevels.length === 0) {
    throw badInput("input.targetLevels", "must name at least one level for a LEADERSHIP trajectory (from FOREMAN to GENERAL_DIRECTOR)");
  }
  if (values.kind !== "LEADERSHIP" && values.targetLevels.length > 0) throw badInput("input.targetLevels", `must be left out: a ${values.kind} trajectory has no target levels`);
  if (values.offeredUntil !== null && values.offeredUntil < values.offeredFrom) {
    throw badInput(changedFrom ? "input.offeredFrom" : "input.offeredUntil", "must leave the offer ending on or after the day it starts (offeredUntil >= offeredFrom)");
  }
}

/** One title per kind, whatever its case (the unique index decides, also between two editors at once). */
function titleTaken(error: unknown): never {
  if (uniqueViolation(error) === "trajectories_kind_title_key")
    throw badInput("input.title.nl", "is already the title of a trajectory of this kind (titles are compared ignoring case)");
  throw error;
}

export const createTrajectory = fn(
  trajectoryFields,
  async (ctx, input): Promise<Trajectory> => {
    try {
      return await change(ctx, async (tx, recorder) => {
        await assertCan(ctx, trajectoryManage, undefined);
        const targetLevels = inLevelOrder(input.targetLevels ?? []);
        const offeredUntil = input.offeredUntil ?? null;
        checkTrajectory({ kind: input.kind, targetLevels, offeredFrom: input.offeredFrom, offeredUntil }, false);
        const partnerId = await organisationOf(tx, input.partnerId, "input.partnerId");
        const actionId = await actionOf(tx, input.actionId);
        const fee = input.fee ?? { cents: 0, currency: "EUR" };
        await checkFee(tx, fee, actionId);
        const [created] = await tx
          .insert(trajectories)
          .values({
            kind: input.kind,
            title: input.title,
            description: input.description ?? null,
            targetLevels,
            approach: input.approach ?? null,
            partnerId,
            actionId,
            feeCents: fee.cents,
            offeredFrom: input.offeredFrom,
            offeredUntil,
          })
          .returning();
        if (!created) throw new Error("insert returned no row");
        await recorder.record({ operation: "createTrajectory", entityType: "Trajectory", entityId: created.id, before: null, after: created });
        await recorder.emit(trajectoryChanged, created.id, { trajectoryId: toGlobalId("Trajectory", created.id), sessionId: null, operation: "CREATED" });
        return created;
      });
    } catch (error) {
      titleTaken(error);
    }
  },
  { argument: "input", authorize: trajectoryManage },
);

const trajectoryPatch = z.object({
  id: z.string(),
  title: notNull(localizedTextInput),
  description: localizedMultilineTextInput.nullish(),
  targetLevels: levels.nullish(),
  approach: optionalMultilineText(2000),
  partnerId: z.string().nullish(),
  actionId: z.string().nullish(),
  fee: nonNegativeMoneyInput.nullish(),
  offeredFrom: notNull(isoDate),
  offeredUntil: isoDate.nullish(),
});

export const updateTrajectory = fn(
  trajectoryPatch,
  async (ctx, { id, ...patch }): Promise<Trajectory> => {
    const rowId = expectGlobalId(id, "Trajectory", "input.id");
    try {
      return await change(ctx, async (tx, recorder) => {
        await assertCan(ctx, trajectoryManage, undefined);
        // Locked, so a board joining meanwhile sees either the old offer and fee or the new ones.
        const [before] = await tx.select().from(trajectories).where(eq(trajectories.id, rowId)).for("update");
        if (!before) throw notFound("Trajectory", "input.id");
        const values = {
          title: patch.title ?? before.title,
          description: patch.description === undefined ? before.description : patch.description,
          // An explicit null clears the levels, which only a trajectory of another kind than LEADERSHIP may.
          targetLevels: patch.targetLevels === undefined ? before.targetLevels : inLevelOrder(patch.targetLevels ?? []),
          approach: patch.approach === undefined ? before.approach : patch.approach,
          partnerId: patch.partnerId === undefined ? before.partnerId : await organisationOf(tx, patch.partnerId, "input.partnerId"),
          actionId: patch.actionId === undefined ? before.actionId : await actionOf(tx, patch.actionId),
          // An explicit null makes it free.
          feeCents: patch.fee === undefined ? before.feeCents : (patch.fee?.cents ?? 0),
          offeredFrom: patch.offeredFrom ?? before.offeredFrom,
          offeredUntil: patch.offeredUntil === undefined ? before.offeredUntil : patch.offeredUntil,
        };
        checkTrajectory({ kind: before.kind, ...values }, patch.offeredFrom !== undefined && patch.offeredUntil === undefined);
        if (patch.fee !== undefined || patch.actionId !== undefined) {
          await checkFee(tx, { cents: values.feeCents, currency: patch.fee?.currency ?? "EUR" }, values.actionId);
        }
        if (patch.offeredFrom !== undefined || patch.offeredUntil !== undefined) await checkOfferKeepsParticipations(tx, rowId, values);
        const [after] = await tx.update(trajectories).set(values).where(eq(trajectories.id, rowId)).returning();
        if (!after) throw notFound("Trajectory", "input.id");
        await recorder.record({ operation: "updateTrajectory", entityType: "Trajectory", entityId: rowId, before, after });
        await recorder.emit(trajectoryChanged, rowId, { trajectoryId: toGlobalId("Trajectory", rowId), sessionId: null, operation: "UPDATED" });
        return after;
      });
    } catch (error) {
      titleTaken(error);
    }
  },
  { argument: "input", authorize: trajectoryManage },
);

/**
 * A changed offer still holds every board's joining day: a board joins within the offer, so the
 * offer does not move from under one that joined (the row is locked, so none joins meanwhile).
 */
async function checkOfferKeepsParticipations(tx: Tx, trajectoryId: string, offer: { offeredFrom: string; offeredUntil: string | null }): Promise<void> {
  const [span] = await tx
    .select({ first: sql<string | null>`min(${trajectoryParticipations.joinedOn})::text`, last: sql<string | null>`max(${trajectoryParticipations.joinedOn})::text` })
    .from(trajectoryParticipations)
    .where(eq(trajectoryParticipations.trajectoryId, trajectoryId));
  if (span?.first && span.first < offer.offeredFrom) {
    throw badInput("input.offeredFrom", `must not be after ${span.first}, the day a board joined: the offer holds every board's joining day`);
  }
  if (span?.last && offer.offeredUntil !== null && span.last > offer.offeredUntil) {
    throw badInput("input.offeredUntil", `must not be before ${span.last}, the day a board joined: the offer holds every board's joining day`);
  }
}

// ---------------------------------------------------------------------------------------------
// Boards joining and withdrawing

/**
 * A board takes part once per trajectory (per department for IAO). The unique index holds
 * withdrawn participations too, so a board that withdrew does not join the same trajectory (in
 * the same department) again: its participation keeps the history and the charge, and rejoining
 * would need a second row the index refuses. The refusal says so.
 */
function joinedTwice(withdrawnOn: string | null) {
  return conflict(
    "input.boardId",
    withdrawnOn
      ? `The board withdrew from this trajectory on ${withdrawnOn}: a board that withdrew does not rejoin the same trajectory (in the same department)`
      : "The board already takes part in this trajectory (in this department)",
  );
}

const joinInput = z.object({
  trajectoryId: z.string(),
  boardId: z.string(),
  department: optionalText(200),
  joinedOn: isoDate.nullish(),
});

export const joinTrajectory = fn(
  joinInput,
  async (ctx, input): Promise<Participation> => {
    const trajectoryId = expectGlobalId(input.trajectoryId, "Trajectory", "input.trajectoryId");
    const boardId = expectGlobalId(input.boardId, "Board", "input.boardId");
    try {
      return await change(ctx, async (tx, recorder) => {
        await assertCan(ctx, trajectoryManage, undefined);
        // Shared lock: the offer and the fee hold until this participation and its charge are written.
        const [trajectory] = await tx.select().from(trajectories).where(eq(trajectories.id, trajectoryId)).for("share");
        if (!trajectory) throw notFound("Trajectory", "input.trajectoryId");
        const [board] = await tx.select({ id: boards.id }).from(boards).where(eq(boards.id, boardId));
        if (!board) throw notFound("Board", "input.boardId");
        const department = input.department ?? null;
        if (trajectory.kind === "WORK_ORGANISATION" && department === null) {
          throw badInput("input.department", "is required for a WORK_ORGANISATION trajectory: the department of the board it runs in");
        }
        if (trajectory.kind !== "WORK_ORGANISATION" && department !== null) {
          throw badInput("input.department", `must be left out: a ${trajectory.kind} trajectory does not run in a department`);
        }
        const joinedOn = input.joinedOn ?? todayInBrussels();
        if (joinedOn < trajectory.offeredFrom || (trajectory.offeredUntil !== null && joinedOn > trajectory.offeredUntil)) {
          throw badInput(
            "input.joinedOn",
            `must fall within the trajectory's offer, from ${trajectory.offeredFrom}${trajectory.offeredUntil ? ` to ${trajectory.offeredUntil}` : ""}`,
          );
        }
        const [existing] = await tx
          .select({ withdrawnOn: trajectoryParticipations.withdrawnOn })
          .from(trajectoryParticipations)
          .where(
            and(
              eq(trajectoryParticipations.trajectoryId, trajectoryId),
              eq(trajectoryParticipations.boardId, boardId),
              sql`coalesce(lower(${trajectoryParticipations.department}), '') = coalesce(lower(${department}::text), '')`,
            ),
          );
        if (existing) throw joinedTwice(existing.withdrawnOn);
        const charge =
          trajectory.feeCents > 0 && trajectory.actionId
            ? await chargeParticipationFee(ctx, tx, recorder, {
                actionId: trajectory.actionId,
                boardId,
                amountCents: trajectory.feeCents,
                date: joinedOn,
                note: `Participation fee: trajectory "${trajectory.title.nl}"`,
                field: "input.trajectoryId",
              })
            : null;
        const [participation] = await tx
          .insert(trajectoryParticipations)
          .values({ trajectoryId, boardId, department, joinedOn, feeChargeId: charge?.id ?? null })
          .returning();
        if (!participation) throw new Error("insert returned no row");
        await recorder.record({ operation: "joinTrajectory", entityType: "TrajectoryParticipation", entityId: participation.id, before: null, after: participation });
        await emitParticipation(recorder, participation, "JOINED");
        return participation;
      });
    } catch (error) {
      // Two editors at once: the second meets the unique index.
      if (uniqueViolation(error) === "trajectory_participations_key") throw joinedTwice(null);
      throw error;
    }
  },
  { argument: "input", authorize: trajectoryManage },
);

function emitParticipation(recorder: Recorder, participation: Participation, status: "JOINED" | "WITHDRAWN") {
  return recorder.emit(trajectoryParticipationChanged, participation.id, {
    participationId: toGlobalId("TrajectoryParticipation", participation.id),
    trajectoryId: toGlobalId("Trajectory", participation.trajectoryId),
    boardId: toGlobalId("Board", participation.boardId),
    status,
  });
}

export const withdrawFromTrajectory = fn(
  z.object({ participationId: z.string(), withdrawnOn: isoDate.nullish() }),
  async (ctx, input): Promise<Participation> => {
    const id = expectGlobalId(input.participationId, "TrajectoryParticipation", "input.participationId");
    return change(ctx, async (tx, recorder) => {
      await assertCan(ctx, trajectoryManage, undefined);
      // Locked: a board withdraws once, even when two editors withdraw it at once.
      const [before] = await tx.select().from(trajectoryParticipations).where(eq(trajectoryParticipations.id, id)).for("update");
      if (!before) throw notFound("TrajectoryParticipation", "input.participationId");
      if (before.withdrawnOn) throw conflict("input.participationId", `The board already withdrew on ${before.withdrawnOn}: a board withdraws once`);
      const withdrawnOn = input.withdrawnOn ?? todayInBrussels();
      if (withdrawnOn < before.joinedOn) throw badInput("input.withdrawnOn", `must not be before the day the board joined (${before.joinedOn})`);
      const [after] = await tx.update(trajectoryParticipations).set({ withdrawnOn }).where(eq(trajectoryParticipations.id, id)).returning();
      if (!after) throw notFound("TrajectoryParticipation", "input.participationId");
      await recorder.record({ operation: "withdrawFromTrajectory", entityType: "TrajectoryParticipation", entityId: id, before, after });
      // An unpaid fee is no longer owed; a fee the board paid stays (reverseParticipationFee leaves it).
      if (before.feeChargeId) await reverseParticipationFee(ctx, tx, recorder, before.feeChargeId, `Withdrawn from the trajectory on ${withdrawnOn}`, "input.participationId");
      await emitParticipation(recorder, after, "WITHDRAWN");
      return after;
    });
  },
  { argument: "input", authorize: trajectoryManage },
);

// ---------------------------------------------------------------------------------------------
// Sessions

const sessionFields = z.object({ trajectoryId: z.string(), ...sessionPlaceFields });

export const createTrajectorySession = fn(
  sessionFields,
  async (ctx, input): Promise<Session> => {
    const trajectoryId = expectGlobalId(input.trajectoryId, "Trajectory", "input.trajectoryId");
    return change(ctx, async (tx, recorder) => {
      await assertCan(ctx, trajectoryManage, undefined);
      const [trajectory] = await tx.select({ id: trajectories.id }).from(trajectories).where(eq(trajectories.id, trajectoryId));
      if (!trajectory) throw badInput("input.trajectoryId", "is not a trajectory");
      const [created] = await tx
        .insert(trajectorySessions)
        .values({ trajectoryId, ...(await newSessionPlace(tx, input)) })
        .returning();
      if (!created) throw new Error("insert returned no row");
      await recorder.record({ operation: "createTrajectorySession", entityType: "TrajectorySession", entityId: created.id, before: null, after: created });
      await recorder.emit(trajectoryChanged, trajectoryId, {
        trajectoryId: toGlobalId("Trajectory", trajectoryId),
        sessionId: toGlobalId("TrajectorySession", created.id),
        operation: "CREATED",
      });
      return created;
    });
  },
  { argument: "input", authorize: trajectoryManage },
);

const sessionPatch = z.object({ id: z.string(), ...sessionPlacePatch });

export const updateTrajectorySession = fn(
  sessionPatch,
  async (ctx, { id, ...patch }): Promise<Session> => {
    const rowId = expectGlobalId(id, "TrajectorySession", "input.id");
    return change(ctx, async (tx, recorder) => {
      await assertCan(ctx, trajectoryManage, undefined);
      const [before] = await tx.select().from(trajectorySessions).where(eq(trajectorySessions.id, rowId)).for("update");
      if (!before) throw notFound("TrajectorySession", "input.id");
      const values = await patchedSessionPlace(tx, before, patch);
      const [after] = await tx.update(trajectorySessions).set(values).where(eq(trajectorySessions.id, rowId)).returning();
      if (!after) throw notFound("TrajectorySession", "input.id");
      await recorder.record({ operation: "updateTrajectorySession", entityType: "TrajectorySession", entityId: rowId, before, after });
      await recorder.emit(trajectoryChanged, after.trajectoryId, {
        trajectoryId: toGlobalId("Trajectory", after.trajectoryId),
        sessionId: toGlobalId("TrajectorySession", rowId),
        operation: "UPDATED",
      });
      return after;
    });
  },
  { argument: "input", authorize: trajectoryManage },
);

// ---------------------------------------------------------------------------------------------
// The metrics the addendum's commitments measure
//
// Each source counts within a scope (a period of days, optionally one board). The calls made
// together (the funding module measures every agreement's commitments at once) become one
// statement per source: a DataLoader per connection or transaction batches the scopes into a
// VALUES list, without caching (the next measure must see new records), as reach.service.ts does.

interface ScopeRow {
  i: number;
}

/** Batches a per-scope query over the scopes asked in one tick; `query` gets the scopes as a SQL VALUES list `scope(i, start_day, end_day, board_id)`. */
function perScope<V>(query: (db: Executor, scopes: SQL) => Promise<(ScopeRow & Record<string, unknown>)[]>, reduce: (rows: Record<string, unknown>[]) => V) {
  const batches = new WeakMap<Executor, DataLoader<string, V>>();
  const keyOf = (scope: MetricScope) => `${scope.start}|${scope.end}|${scope.boardId ?? ""}`;
  return (db: Executor, scope: MetricScope): Promise<V> => {
    let loader = batches.get(db);
    if (!loader) {
      loader = new DataLoader<string, V>(
        async (keys) => {
          const list = sql.join(
            keys.map((key, i) => {
              const [start = "", end = "", boardId = ""] = key.split("|");
              return sql`(${i}::int, ${start}::date, ${end}::date, ${boardId || null}::uuid)`;
            }),
            sql`, `,
          );
          const rows = await query(db, sql`(values ${list}) as scope(i, start_day, end_day, board_id)`);
          return keys.map((_, i) => reduce(rows.filter((r) => Number(r.i) === i)));
        },
        { cache: false },
      );
      batches.set(db, loader);
    }
    return loader.load(keyOf(scope));
  };
}

const rowsOf = async (db: Executor, statement: SQL) => ((await db.execute(statement)) as unknown as { rows: (ScopeRow & Record<string, unknown>)[] }).rows;
const countIn = (rows: Record<string, unknown>[]) => Number(rows[0]?.n ?? 0);

/**
 * A participation that counts on at least one day of the scope's period (joined by its end, not
 * withdrawn by its start; withdrawnOn is the first day it no longer counts, so a board that
 * withdrew on the day it joined never counted), of the scope's board when it names one.
 */
const activeInScope = sql`${trajectoryParticipations.joinedOn} <= scope.end_day
  and (${trajectoryParticipations.withdrawnOn} is null or (${trajectoryParticipations.withdrawnOn} > scope.start_day and ${trajectoryParticipations.withdrawnOn} > ${trajectoryParticipations.joinedOn}))
  and (scope.board_id is null or ${trajectoryParticipations.boardId} = scope.board_id)`;

/**
 * LEADERSHIP trajectories offered on at least one day of the period: [offeredFrom, offeredUntil,
 * or open] overlaps [start, end]. For one board, those the board took part in within the period.
 */
const leadershipOffered = sql`${trajectories.kind} = 'LEADERSHIP'
  and ${trajectories.offeredFrom} <= scope.end_day and (${trajectories.offeredUntil} is null or ${trajectories.offeredUntil} >= scope.start_day)
  and (scope.board_id is null or exists (select 1 from ${trajectoryParticipations} where ${trajectoryParticipations.trajectoryId} = ${trajectories.id} and ${activeInScope}))`;

const leadershipCount = perScope(
  (db, scopes) => rowsOf(db, sql`select scope.i, count(${trajectories.id})::int as n from ${scopes} join ${trajectories} on ${leadershipOffered} group by scope.i`),
  countIn,
);

/** Per level in the enum's order, how many of the offered leadership trajectories cover it: zeros included. */
const leadershipPerLevel = perScope(
  (db, scopes) =>
    rowsOf(
      db,
      sql`select scope.i, level::text as label, count(${trajectories.id})::int as n
        from ${scopes} cross join unnest(enum_range(null::leadership_level)) as level
        left join ${trajectories} on ${leadershipOffered} and level = any(${trajectories.targetLevels})
        group by scope.i, level`,
    ),
  (rows): MetricPart[] => leadershipLevel.enumValues.map((level) => ({ label: level, value: Number(rows.find((r) => r.label === level)?.n ?? 0) })),
);

/** Active participations of one kind of trajectory, joined to the scopes. */
const participationsOfKind = (scopes: SQL, kind: Kind) =>
  sql`${scopes} join ${trajectoryParticipations} on ${activeInScope} join ${trajectories} on ${trajectories.id} = ${trajectoryParticipations.trajectoryId} and ${trajectories.kind} = ${kind}`;

/** A department as a kind of department: "Groendienst" and " groendienst" are one. */
const departmentKey = sql`lower(trim(${trajectoryParticipations.department}))`;

const iaoDepartments = perScope(
  (db, scopes) => rowsOf(db, sql`select scope.i, count(distinct ${departmentKey})::int as n from ${participationsOfKind(scopes, "WORK_ORGANISATION")} group by scope.i`),
  countIn,
);

/** Each department, as the first board to join wrote it, with how many distinct boards run an IAO trajectory in it; by its key. */
const iaoPerDepartment = perScope(
  (db, scopes) =>
    rowsOf(
      db,
      sql`select scope.i, (array_agg(trim(${trajectoryParticipations.department}) order by ${trajectoryParticipations.joinedOn}, ${trajectoryParticipations.id}))[1] as label,
          count(distinct ${trajectoryParticipations.boardId})::int as n
        from ${participationsOfKind(scopes, "WORK_ORGANISATION")} group by scope.i, ${departmentKey} order by ${departmentKey}`,
    ),
  (rows): MetricPart[] => rows.map((r) => ({ label: String(r.label), value: Number(r.n) })),
);

const boardsOfKind = (kind: Kind) =>
  perScope(
    (db, scopes) => rowsOf(db, sql`select scope.i, count(distinct ${trajectoryParticipations.boardId})::int as n from ${participationsOfKind(scopes, kind)} group by scope.i`),
    countIn,
  );
const iaoBoards = boardsOfKind("WORK_ORGANISATION");
const networkBoards = boardsOfKind("LEARNING_NETWORK");

/** The metrics this part counts, with their queries. */
export const trajectoriesMetrics: (MetricDefinition & { source?: MetricSource; breakdown?: MetricBreakdown })[] = [
  {
    // Result commitment 1: "minstens 5 verschillende leiderschapstrajecten (...) van ploegbaas tot
    // algemeen directeur". Distinct trajectories offered within the period; the breakdown shows
    // each level with how many of them cover it, zeros included, so a judge sees a level nobody offers.
    key: "leadership.distinctTrajectories",
    description: "Distinct leadership trajectories offered, for diverse target groups",
    module: "trainings",
    source: leadershipCount,
    breakdown: leadershipPerLevel,
  },
  {
    // Action 1: "trajecten in minstens 3 verschillende afdelingen van lokale besturen met een bereik
    // van 12 lokale besturen". We read the departments as kinds of department (the green service,
    // the home-care service), counted once however many boards run a trajectory in one, not as
    // board x department pairs: "3 different departments, reaching 12 boards". A participation counts
    // when it is active on at least one day of the period (joined by its end, not withdrawn by its
    // start; withdrawnOn is the first day it no longer counts). The breakdown gives each department
    // with how many boards.
    key: "iao.departments",
    description: "Distinct departments of boards with an innovative work-organisation (IAO) trajectory",
    module: "trainings",
    source: iaoDepartments,
    breakdown: iaoPerDepartment,
  },
  {
    // Action 1's reach: distinct boards with an IAO participation active within the period.
    key: "iao.boardsReached",
    description: "Distinct boards reached by IAO trajectories",
    module: "trainings",
    source: iaoBoards,
  },
  {
    // Action 3: "een lerend netwerk van besturen met minstens 10 lokale besturen": distinct boards
    // with a LEARNING_NETWORK participation active within the period.
    key: "elearning.networkBoards",
    description: "Distinct boards in the e-learning learning network",
    module: "trainings",
    source: networkBoards,
  },
];
