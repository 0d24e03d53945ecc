// The boards' co-financing: what each board owes (participation fees, own contributions) and
// pays towards an action, as ledger entries with totals per board and per action, and the
// budget view that sets it beside the approved and paid invoices.
import { and, eq, sql, sum } from "drizzle-orm";
import { z } from "zod";
import { boards } from "../../db/schema/boards.js";
import { actions, coFinancingEntries, coFinancingKind, fundingAgreements, invoices, ledgerEntryType } from "../../db/schema/funding.js";
import { type Board, boardLoader } from "../boards/boards.service.js";
import { actorSubject } from "../shared/auth.js";
import { change } from "../shared/changes.js";
import type { Context } from "../shared/context.js";
import { isoDate } from "../shared/dates.js";
import { badInput, notFound } from "../shared/errors.js";
import { fn } from "../shared/fn.js";
import { rowsById } from "../shared/loaders.js";
import { formatMoney, money, moneyInput } from "../shared/money.js";
import { assertCan, assertRoleMay, can } from "../shared/policy.js";
import { type Connection, countRows, expectGlobalId, type Keyset, mapConnection, paginate, toGlobalId } from "../shared/relay.js";
import { optionalMultilineText } from "../shared/validation.js";
import { type Action, type Agreement, actionLoader, actionsOfTrack, agreementLoader, tracksOfAgreement } from "./agreements.service.js";
import { coFinancingRecorded } from "./funding.events.js";
import { coFinancingRead, coFinancingRecord, fundingReadFinancials } from "./funding.policy.js";
import type { BudgetLine, BudgetView, CoFinancingTotals, CoFinancingView } from "./views.js";

type Entry = typeof coFinancingEntries.$inferSelect;

const recordInput = z.object({
  agreementId: z.string(),
  boardId: z.string(),
  actionId: z.string(),
  kind: z.enum(coFinancingKind.enumValues),
  type: z.enum(ledgerEntryType.enumValues),
  amount: moneyInput,
  date: isoDate,
  note: optionalMultilineText(1000),
});

export const recordCoFinancing = fn(
  recordInput,
  async (ctx, input) => {
    const agreementId = expectGlobalId(input.agreementId, "FundingAgreement", "input.agreementId");
    const boardId = expectGlobalId(input.boardId, "Board", "input.boardId");
    const actionId = expectGlobalId(input.actionId, "Action", "input.actionId");
    return change(ctx, async (tx, recorder) => {
      const [agreement] = await tx.select().from(fundingAgreements).where(eq(fundingAgreements.id, agreementId));
      if (!agreement) throw notFound("FundingAgreement", "input.agreementId");
      await assertCan(ctx, coFinancingRecord, agreement);
      const [action] = await tx.select().from(actions).where(eq(actions.id, actionId));
      if (!action) throw notFound("Action", "input.actionId");
      if (action.agreementId !== agreementId) throw badInput("input.actionId", "is not an action of this agreement");
      // Locking the board serialises its ledger, so two payments at once cannot both fit in
      // what it owes.
      const [board] = await tx.select().from(boards).where(eq(boards.id, boardId)).for("update");
      if (!board) throw notFound("Board", "input.boardId");
      if (input.amount.currency !== "EUR") throw badInput("input.amount.currency", "must be EUR, the agreement's currency");
      if (input.type === "PAYMENT") {
        const [owed] = await tx
          .select({
            charged: sum(sql`case when ${coFinancingEntries.entryType} = 'CHARGE' then ${coFinancingEntries.amountCents} else 0 end`),
            paid: sum(sql`case when ${coFinancingEntries.entryType} = 'PAYMENT' then ${coFinancingEntries.amountCents} else 0 end`),
          })
          .from(coFinancingEntries)
          .where(
            and(
              eq(coFinancingEntries.agreementId, agreementId),
              eq(coFinancingEntries.boardId, boardId),
              eq(coFinancingEntries.actionId, actionId),
              eq(coFinancingEntries.kind, input.kind),
            ),
          );
        const outstanding = Number(owed?.charged ?? 0) - Number(owed?.paid ?? 0);
        if (input.amount.cents > outstanding) {
          throw badInput("input.amount", `is more than the ${formatMoney(outstanding, "EUR", "en")} this board still owes as ${input.kind} for this action`);
        }
      }
      const [entry] = await tx
        .insert(coFinancingEntries)
        .values({
          agreementId,
          boardId,
          actionId,
          kind: input.kind,
          entryType: input.type,
          amountCents: input.amount.cents,
          currency: input.amount.currency,
          entryDate: input.date,
          note: input.note ?? null,
          recordedBy: actorSubject(ctx.actor),
        })
        .returning();
      await recorder.record({ operation: "recordCoFinancing", entityType: "CoFinancingEntry", entityId: entry!.id, before: null, after: entry });
      await recorder.emit(coFinancingRecorded, entry!.id, {
        entryId: toGlobalId("CoFinancingEntry", entry!.id),
        agreementId: toGlobalId("FundingAgreement", agreementId),
        boardId: toGlobalId("Board", boardId),
        actionId: toGlobalId("Action", actionId),
        kind: entry!.kind,
        type: entry!.entryType,
        amountCents: entry!.amountCents,
      });
      return entry!;
    });
  },
  { argument: "input", authorize: coFinancingRecord },
);

function totals(charged: number, paid: number): CoFinancingTotals {
  return { charged: money(charged), paid: money(paid), outstanding: money(charged - paid) };
}

/**
 * The ledger of an agreement. Consultants, admins and the agreement's partners see every board
 * (or the one they ask for); a board member sees their own board only. Totals are summed by
 * the database, per board and per action, in one statement; entries page as a connection.
 */
export async function coFinancingOf(ctx: Context, agreement: Agreement, boardGlobalId: string | null | undefined): Promise<CoFinancingView> {
  // Access before input: a caller without access learns nothing from validation.
  assertRoleMay(ctx, coFinancingRead);
  let boardId = boardGlobalId ? expectGlobalId(boardGlobalId, "Board", "boardId") : null;
  await assertCan(ctx, coFinancingRead, { agreement, boardId });
  // A board member who names no board reads their own.
  if (ctx.actor.role === "BOARD_MEMBER") boardId = ctx.actor.boardId;
  const sums = await ctx.db
    .select({
      boardId: coFinancingEntries.boardId,
      actionId: coFinancingEntries.actionId,
      charged: sum(sql`case when ${coFinancingEntries.entryType} = 'CHARGE' then ${coFinancingEntries.amountCents} else 0 end`),
      paid: sum(sql`case when ${coFinancingEntries.entryType} = 'PAYMENT' then ${coFinancingEntries.amountCents} else 0 end`),
    })
    .from(coFinancingEntries)
    .where(ledgerOf({ agreementId: agreement.id, boardId }))
    .groupBy(coFinancingEntries.boardId, coFinancingEntries.actionId);
  // sum() of integers comes back as a decimal string; it is a whole number of cents.
  const rows = sums.map((r) => ({ boardId: r.boardId, actionId: r.actionId, charged: Number(r.charged ?? 0), paid: Number(r.paid ?? 0) }));
  const rollUp = (key: (r: (typeof rows)[number]) => string) => {
    const grouped = new Map<string, { charged: number; paid: number }>();
    for (const r of rows) {
      const t = grouped.get(key(r)) ?? { charged: 0, paid: 0 };
      grouped.set(key(r), { charged: t.charged + r.charged, paid: t.paid + r.paid });
    }
    return grouped;
  };
  const perBoard = rollUp((r) => r.boardId);
  const perAction = rollUp((r) => r.actionId);
  const boardRows = await boardLoader(ctx).loadMany([...perBoard.keys()]);
  const actionRows = await actionLoader(ctx).loadMany([...perAction.keys()]);
  const byBoard = [...perBoard.values()].map((t, i) => ({ board: boardRows[i] as Board, totals: totals(t.charged, t.paid) }));
  const byAction = [...perAction.values()].map((t, i) => ({ action: actionRows[i] as Action, totals: totals(t.charged, t.paid) }));
  byBoard.sort((a, b) => a.board.name.localeCompare(b.board.name));
  byAction.sort((a, b) => a.action.number - b.action.number);
  const all = rows.reduce((t, r) => ({ charged: t.charged + r.charged, paid: t.paid + r.paid }), { charged: 0, paid: 0 });
  return { scope: { agreementId: agreement.id, boardId }, byBoard, byAction, totals: totals(all.charged, all.paid) };
}

function ledgerOf(scope: CoFinancingView["scope"]) {
  return and(eq(coFinancingEntries.agreementId, scope.agreementId), scope.boardId ? eq(coFinancingEntries.boardId, scope.boardId) : undefined);
}

// Entry date, then the instant it was recorded (microseconds, as text so the cursor is exact).
const entryKey = sql<string>`to_char(${coFinancingEntries.entryDate}, 'YYYY-MM-DD') || ' ' || to_char(${coFinancingEntries.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;
const entryKeyset: Keyset = { sortKey: entryKey, id: coFinancingEntries.id };

/** One page of the ledger's entries, in the view's scope. */
export async function coFinancingEntriesOf(ctx: Context, view: CoFinancingView, args: { first?: number | null; after?: string | null }): Promise<Connection<Entry>> {
  const where = ledgerOf(view.scope);
  const page = await paginate(
    args,
    entryKeyset,
    (q) =>
      ctx.db
        .select({ entry: coFinancingEntries, key: entryKey })
        .from(coFinancingEntries)
        .where(and(where, q.after))
        .orderBy(...q.orderBy)
        .limit(q.limit),
    (r) => [r.key, r.entry.id],
    () => countRows(ctx.db, coFinancingEntries, where),
  );
  return mapConnection(page, (r) => r.entry);
}

/** Approved (approved or paid), paid and co-financed (paid by boards) amounts per track and action. */
export async function budgetOf(ctx: Context, agreement: Agreement): Promise<BudgetView> {
  await assertCan(ctx, fundingReadFinancials, agreement);
  const [invoiceRows, coFinancingRows, trackList] = await Promise.all([
    ctx.db
      .select({
        actionId: invoices.actionId,
        approved: sum(sql`case when ${invoices.status} in ('APPROVED', 'PAID') then ${invoices.amountCents} else 0 end`),
        paid: sum(sql`case when ${invoices.status} = 'PAID' then ${invoices.amountCents} else 0 end`),
      })
      .from(invoices)
      .where(eq(invoices.agreementId, agreement.id))
      .groupBy(invoices.actionId),
    ctx.db
      .select({ actionId: coFinancingEntries.actionId, paid: sum(coFinancingEntries.amountCents) })
      .from(coFinancingEntries)
      .where(and(eq(coFinancingEntries.agreementId, agreement.id), eq(coFinancingEntries.entryType, "PAYMENT")))
      .groupBy(coFinancingEntries.actionId),
    tracksOfAgreement(ctx).load(agreement.id),
  ]);
  const actionLists = await actionsOfTrack(ctx).loadMany(trackList.map((t) => t.id));
  const line = (approved: number, paid: number, coFinanced: number): BudgetLine => ({ approved: money(approved), paid: money(paid), coFinanced: money(coFinanced) });
  const add = (a: BudgetLine, b: BudgetLine) => line(a.approved.cents + b.approved.cents, a.paid.cents + b.paid.cents, a.coFinanced.cents + b.coFinanced.cents);
  let total = line(0, 0, 0);
  const trackViews = trackList.map((track, i) => {
    const list = actionLists[i];
    const actionViews = (Array.isArray(list) ? list : []).map((action) => {
      const inv = invoiceRows.find((r) => r.actionId === action.id);
      const co = coFinancingRows.find((r) => r.actionId === action.id);
      return { action, amounts: line(Number(inv?.approved ?? 0), Number(inv?.paid ?? 0), Number(co?.paid ?? 0)) };
    });
    const amounts = actionViews.reduce((t, a) => add(t, a.amounts), line(0, 0, 0));
    total = add(total, amounts);
    return { track, amounts, actions: actionViews };
  });
  return { tracks: trackViews, total };
}

/** A ledger entry by row id for node(id): for those who read the agreement, or its own board's member. */
export async function findCoFinancingEntry(ctx: Context, id: string): Promise<Entry | null> {
  const entry = await rowsById<Entry>(ctx, coFinancingEntries).load(id);
  if (!entry) return null;
  const agreement = await agreementLoader(ctx).load(entry.agreementId);
  return agreement && (await can(ctx, coFinancingRead, { agreement, boardId: entry.boardId })) ? entry : null;
}

// PLACEHOLDER (being written): reversing entries.
export const reverseCoFinancingEntry = async (_ctx: Context, _input: unknown): Promise<Entry> => {
  throw new Error("reverseCoFinancingEntry is not built yet");
};
