// The boards module's manager: reading, creating and changing boards, with the rules and the
// access checks that go with them. Resolvers only call into this file.
import type DataLoader from "dataloader";
import { and, eq, ilike, like, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import { boardKind, boards, province } from "../../db/schema/boards.js";
import { change } from "../shared/changes.js";
import type { Context } from "../shared/context.js";
import { badInput, notFound, uniqueViolation } from "../shared/errors.js";
import { changedFields, mapEvents } from "../shared/events.js";
import { fn } from "../shared/fn.js";
import { rowsById } from "../shared/loaders.js";
import { countRows, expectGlobalId, type Keyset, paginate, toGlobalId } from "../shared/relay.js";
import { escapeLike, notNull, optionalText, requiredText } from "../shared/validation.js";
import { BOARD_FIELDS, boardCreated, boardUpdated } from "./boards.events.js";
import { boardCreate, boardUpdate } from "./boards.policy.js";

export type Board = typeof boards.$inferSelect;

/** Kinds that always have a NIS code of their own. */
const KINDS_WITH_NIS_CODE = new Set<Board["kind"]>(["MUNICIPALITY", "OCMW", "PROVINCE"]);

export function boardLoader(ctx: Context): DataLoader<string, Board | null> {
  return rowsById<Board>(ctx, boards);
}

const keyset: Keyset = { sortKey: boards.name, id: boards.id };

const listArgs = z.object({
  first: z.number().int().nullish(),
  after: z.string().nullish(),
  filter: z
    .object({
      province: z.enum(province.enumValues).nullish(),
      kind: z.enum(boardKind.enumValues).nullish(),
      belfiusCluster: z.string().trim().max(100).nullish(),
      search: z.string().trim().max(100, "must be at most 100 characters").nullish(),
    })
    .nullish(),
});

export const listBoards = fn(listArgs, async (ctx, { first, after, filter }) => {
  const conditions: (SQL | undefined)[] = [];
  if (filter?.province) conditions.push(eq(boards.province, filter.province));
  if (filter?.kind) conditions.push(eq(boards.kind, filter.kind));
  if (filter?.belfiusCluster) conditions.push(eq(boards.belfiusCluster, filter.belfiusCluster));
  if (filter?.search) {
    const term = escapeLike(filter.search);
    conditions.push(or(ilike(boards.name, `%${term}%`), like(boards.nisCode, `${term}%`)));
  }
  const where = and(...conditions);
  return paginate(
    { first, after },
    keyset,
    (page) =>
      ctx.db
        .select()
        .from(boards)
        .where(and(where, page.after))
        .orderBy(...page.orderBy)
        .limit(page.limit),
    (b) => [b.name, b.id],
    () => countRows(ctx.db, boards, where),
  );
});

export async function getBoard(ctx: Context, globalId: string): Promise<Board | null> {
  return boardLoader(ctx).load(expectGlobalId(globalId, "Board"));
}

const nisCode = z
  .string()
  .trim()
  .regex(/^[0-9]{5}$/, "must be five digits");
const population = z.number().int("must be an integer").min(0, "must not be negative").max(10_000_000, "is not a plausible population");

const boardFields = z.object({
  name: requiredText(200),
  kind: z.enum(boardKind.enumValues),
  nisCode: nisCode.nullish(),
  province: z.enum(province.enumValues),
  population,
  belfiusCluster: optionalText(100),
});

/** Rules that need several fields at once, checked on the board as it will be stored. */
function checkBoard(board: z.output<typeof boardFields>): void {
  if (KINDS_WITH_NIS_CODE.has(board.kind) && !board.nisCode) {
    throw badInput("input.nisCode", `is required for a board of kind ${board.kind}`);
  }
}

async function saving<T>(kind: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (uniqueViolation(error) === "boards_nis_code_key") {
      throw badInput(
        "input.nisCode",
        kind === "OCMW" ? "is already the NIS code of another OCMW" : "is already the NIS code of another board (only a municipality and its OCMW share one)",
      );
    }
    throw error;
  }
}

export const createBoard = fn(
  boardFields,
  async (ctx, input) => {
    checkBoard(input);
    const values = { ...input, nisCode: input.nisCode ?? null, belfiusCluster: input.belfiusCluster ?? null };
    return saving(input.kind, () =>
      change(ctx, async (tx, recorder) => {
        const [created] = await tx.insert(boards).values(values).returning();
        if (!created) throw new Error("insert returned no row");
        await recorder.record({ operation: "createBoard", entityType: "Board", entityId: created.id, before: null, after: created });
        await recorder.emit(boardCreated, created.id, { boardId: toGlobalId("Board", created.id), name: created.name, kind: created.kind, province: created.province });
        return created;
      }),
    );
  },
  { argument: "input", authorize: boardCreate },
);

const boardPatch = z.object({
  id: z.string(),
  name: notNull(boardFields.shape.name),
  kind: notNull(boardFields.shape.kind),
  nisCode: nisCode.nullish(),
  province: notNull(boardFields.shape.province),
  population: notNull(population),
  belfiusCluster: optionalText(100),
});

export const updateBoard = fn(
  boardPatch,
  async (ctx, { id, ...patch }) => {
    const rowId = expectGlobalId(id, "Board", "input.id");
    return change(ctx, async (tx, recorder) => {
      // Locking the row makes concurrent updates apply one after the other, each audited against
      // the state it actually changed.
      const [before] = await tx.select().from(boards).where(eq(boards.id, rowId)).for("update");
      if (!before) throw notFound("Board", "input.id");
      const merged = {
        name: patch.name ?? before.name,
        kind: patch.kind ?? before.kind,
        nisCode: patch.nisCode === undefined ? before.nisCode : patch.nisCode,
        province: patch.province ?? before.province,
        population: patch.population ?? before.population,
        belfiusCluster: patch.belfiusCluster === undefined ? before.belfiusCluster : patch.belfiusCluster,
      };
      checkBoard(merged);
      const values = { ...merged, nisCode: merged.nisCode ?? null, belfiusCluster: merged.belfiusCluster ?? null };
      const [after] = await saving(merged.kind, () => tx.update(boards).set(values).where(eq(boards.id, rowId)).returning());
      if (!after) throw notFound("Board", "input.id");
      await recorder.record({ operation: "updateBoard", entityType: "Board", entityId: rowId, before, after });
      await recorder.emit(boardUpdated, rowId, { boardId: toGlobalId("Board", rowId), changed: changedFields(BOARD_FIELDS, before, after!) });
      return after;
    });
  },
  { argument: "input", authorize: boardUpdate },
);

/** The boards named by the bus's board events, each read fresh when its event arrives. */
export function boardChanges(ctx: Context): AsyncIterableIterator<{ boardChanged: Board }> {
  return mapEvents(ctx.events.subscribe([boardCreated, boardUpdated]), async (event) => {
    // Not the request's loader: a subscription outlives the request it started in.
    const [board] = await ctx.db.select().from(boards).where(eq(boards.id, event.entityId));
    return board ? { boardChanged: board } : null;
  });
}
