// The boards' co-financing: what each board owes (participation fees, own contributions) and
// pays towards an action, as ledger entries with totals per board and per action, and the
// budget view that sets it beside the approved and paid invoices. The ledger is bounded: an
// entry is dated within the agreement's period plus its reporting window, no amount exceeds
// the agreement's maximum, a payment names the charge it pays and never pays more than that
// charge still has outstanding, and a wrong entry is corrected by a reversing entry (its
// amount counts negatively in every total), never deleted.
import { and, eq, exists, inArray, isNull, notExists, sql, sum } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Tx } from "../../db/client.js";
import { boards } from "../../db/schema/boards.js";
import { actions, coFinancingEntries, coFinancingKind, fundingAgreements, invoices, ledgerEntryType } from "../../db/schema/funding.js";
import { type Board, boardLoader } from "../boards/boards.service.js";
import { actorSubject } from "../shared/auth.js";
import { change, type Recorder } from "../shared/changes.js";
import type { Context } from "../shared/context.js";
import { isoDate } from "../shared/dates.js";
import { badInput, conflict, notFound, uniqueViolation } from "../shared/errors.js";
import { fn } from "../shared/fn.js";
import { defineLoader, rowsById } from "../shared/loaders.js";
import { formatMoney, money, moneyInput } from "../shared/money.js";
import { assertCan, assertRoleMay, can } from "../shared/policy.js";
import { type Connection, countRows, expectGlobalId, type Keyset, mapConnection, paginate, toGlobalId } from "../shared/relay.js";
import { multilineText, optionalMultilineText } from "../shared/validation.js";
import { type Action, type Agreement, actionLoader, actionsOfTrack, agreementLoader, tracksOfAgreement } from "./agreements.service.js";
import { coFinancingRecorded } from "./funding.events.js";
import { coFinancingRead, coFinancingRecord, fundingReadFinancials } from "./funding.policy.js";
import { lockOpenAgreement } from "./lifecycle.js";
import type { BudgetLine, BudgetView, CoFinancingTotals, CoFinancingView } from "./views.js";

export type Entry = typeof coFinancingEntries.$inferSelect;

export const coFinancingEntryLoader = (ctx: Context) => rowsById<Entry>(ctx, coFinancingEntries);

/** The entry that reverses each entry, or null (an entry is reversed at most once). */
export const reversalOfEntry = defineLoader<string, Entry | null>(async (ctx, ids) => {
  const rows = await ctx.db
    .select()
    .from(coFinancingEntries)
    .where(inArray(coFinancingEntries.reversesId, [...ids]));
  const byOriginal = new Map(rows.map((r) => [r.reversesId, r]));
  return ids.map((id) => byOriginal.get(id) ?? null);
});

/** An entry's amount as it counts in a total: negative for a reversing entry. */
const signedAmount = sql`case when ${coFinancingEntries.reversesId} is null then ${coFinancingEntries.amountCents} else -${coFinancingEntries.amountCents} end`;
/** The net sum of one type of entry (the type is one of the enum's literals, never input). */
const signedSumOf = (type: Entry["entryType"]) => sum(sql`case when ${coFinancingEntries.entryType} = ${sql.raw(`'${type}'`)} then ${signedAmount} else 0 end`);

/** The last day an entry may be dated: the period's end plus the agreement's reporting window. */
export function lastEntryDate(agreement: Agreement): string {
  const [year, month, day] = agreement.periodEnd.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + agreement.reportingWindowDays)).toISOString().slice(0, 10);
}

/** Whether an entry may be dated on `date`: within the agreement's period or its reporting window after it. */
function withinLedger(agreement: Agreement, date: string): boolean {
  return date >= agreement.periodStart && date <= lastEntryDate(agreement);
}

/** The days the ledger takes entries on, in words, for the refusals. */
function ledgerWindow(agreement: Agreement): string {
  const window = agreement.reportingWindowDays ? ` (the period plus its reporting window of ${agreement.reportingWindowDays} days)` : " (its period)";
  return `${agreement.periodStart} to ${lastEntryDate(agreement)}${window}`;
}

/** A second reversal of an entry, whether the check sees the first or the unique index does (a race). */
function reversedTwice(field: string) {
  return conflict(field, "The entry has already been reversed: an entry is reversed once");
}

const recordInput = z
  .object({
    agreementId: z.string(),
    boardId: z.string(),
    actionId: z.string(),
    kind: z.enum(coFinancingKind.enumValues),
    type: z.enum(ledgerEntryType.enumValues),
    amount: moneyInput,
    date: isoDate,
    note: optionalMultilineText(1000),
    chargeId: z.string().nullish(),
  })
  .superRefine((input, issues) => {
    if (input.type === "CHARGE" && input.chargeId) {
      issues.addIssue({ code: "custom", path: ["chargeId"], message: "must be left out for a CHARGE: only a payment names the charge it pays" });
    }
    if (input.type === "PAYMENT" && !input.chargeId) {
      issues.addIssue({ code: "custom", path: ["chargeId"], message: "is required for a PAYMENT: the charge it pays" });
    }
  });

export const recordCoFinancing = fn(
  recordInput,
  async (ctx, input) => {
    const agreementId = expectGlobalId(input.agreementId, "FundingAgreement", "input.agreementId");
    const boardId = expectGlobalId(input.boardId, "Board", "input.boardId");
    const actionId = expectGlobalId(input.actionId, "Action", "input.actionId");
    const chargeId = input.chargeId ? expectGlobalId(input.chargeId, "CoFinancingEntry", "input.chargeId") : null;
    return change(ctx, async (tx, recorder) => {
      const [found] = await tx.select().from(fundingAgreements).where(eq(fundingAgreements.id, agreementId));
      if (!found) throw notFound("FundingAgreement", "input.agreementId");
      await assertCan(ctx, coFinancingRecord, found);
      const agreement = await lockOpenAgreement(tx, agreementId, "input.agreementId");
      const [action] = await tx.select().from(actions).where(eq(actions.id, actionId));
      if (!action) throw notFound("Action", "input.actionId");
      if (action.agreementId !== agreementId) throw badInput("input.actionId", "is not an action of this agreement");
      const [board] = await tx.select({ id: boards.id }).from(boards).where(eq(boards.id, boardId));
      if (!board) throw notFound("Board", "input.boardId");
      if (input.amount.currency !== agreement.currency) throw badInput("input.amount.currency", `must be ${agreement.currency}, the agreement's currency`);
      if (input.amount.cents > agreement.maxAmountCents) {
        throw badInput("input.amount.cents", `is more than the agreement's maximum of ${formatMoney(agreement.maxAmountCents, agreement.currency, "en")}`);
      }
      if (!withinLedger(agreement, input.date)) throw badInput("input.date", `must fall within ${ledgerWindow(agreement)}`);
      if (chargeId) {
        // Locking the charge serialises its payments (and its reversal), so two payments at
        // once cannot both fit in what it still has outstanding.
        const [charge] = await tx.select().from(coFinancingEntries).where(eq(coFinancingEntries.id, chargeId)).for("update");
        if (!charge) throw notFound("CoFinancingEntry", "input.chargeId");
        const why = (reason: string) => badInput("input.chargeId", reason);
        if (charge.agreementId !== agreementId) throw why("is not an entry of this agreement");
        if (charge.entryType !== "CHARGE") throw why("is a payment, not a charge: a payment pays a charge");
        if (charge.reversesId) throw why("is the reversal of a charge, not a charge");
        if (charge.boardId !== boardId) throw why("is a charge of another board: a payment pays a charge of its own board");
        if (charge.actionId !== actionId) throw why("is a charge for another action: a payment pays a charge of its own action");
        if (charge.kind !== input.kind) throw why(`is a ${charge.kind} charge, not a ${input.kind} one`);
        const [state] = await tx
          .select({ reversed: exists(reversalOf(tx, chargeId)), paid: sum(signedAmount) })
          .from(coFinancingEntries)
          .where(and(eq(coFinancingEntries.chargeId, chargeId), eq(coFinancingEntries.entryType, "PAYMENT")));
        if (state?.reversed) throw why("has been reversed: it is no longer owed");
        // sum() of bigint comes back as a decimal string; it is a whole number of cents.
        const outstanding = charge.amountCents - Number(state?.paid ?? 0);
        if (input.amount.cents > outstanding) {
          throw badInput(
            "input.amount.cents",
            `is more than the ${formatMoney(Math.max(0, outstanding), agreement.currency, "en")} this board still owes on this charge (${charge.kind} for action ${action.number})`,
          );
        }
      }
      return writeEntry(ctx, tx, recorder, "recordCoFinancing", {
        agreementId,
        boardId,
        actionId,
        kind: input.kind,
        entryType: input.type,
        amountCents: input.amount.cents,
        currency: input.amount.currency,
        entryDate: input.date,
        note: input.note ?? null,
        chargeId,
      });
    });
  },
  { argument: "input", authorize: coFinancingRecord },
);

/** Inserts an entry recorded by the actor, with its audit row and its coFinancing.recorded event: every entry of the ledger is written here. */
async function writeEntry(ctx: Context, tx: Tx, recorder: Recorder, operation: string, values: Omit<typeof coFinancingEntries.$inferInsert, "recordedBy">): Promise<Entry> {
  const [entry] = await tx
    .insert(coFinancingEntries)
    .values({ ...values, recordedBy: actorSubject(ctx.actor) })
    .returning();
  await recorder.record({ operation, entityType: "CoFinancingEntry", entityId: entry!.id, before: null, after: entry });
  await emitRecorded(recorder, entry!);
  return entry!;
}

/** The entry that cancels `original`: same board, action, kind, type, amount and charge, dated on its date, with the reason as its note. */
function reversalValues(original: Entry, reason: string): Omit<typeof coFinancingEntries.$inferInsert, "recordedBy"> {
  return {
    agreementId: original.agreementId,
    boardId: original.boardId,
    actionId: original.actionId,
    kind: original.kind,
    entryType: original.entryType,
    amountCents: original.amountCents,
    currency: original.currency,
    entryDate: original.entryDate,
    note: reason,
    chargeId: original.chargeId,
    reversesId: original.id,
  };
}

function emitRecorded(recorder: Recorder, entry: Entry) {
  return recorder.emit(coFinancingRecorded, entry.id, {
    entryId: toGlobalId("CoFinancingEntry", entry.id),
    agreementId: toGlobalId("FundingAgreement", entry.agreementId),
    boardId: toGlobalId("Board", entry.boardId),
    actionId: toGlobalId("Action", entry.actionId),
    kind: entry.kind,
    type: entry.entryType,
    amountCents: entry.amountCents,
    chargeId: entry.chargeId ? toGlobalId("CoFinancingEntry", entry.chargeId) : null,
    reversesId: entry.reversesId ? toGlobalId("CoFinancingEntry", entry.reversesId) : null,
  });
}

/**
 * Cancels a wrong entry with a reversing entry of the same board, action, kind, type, amount
 * and charge, dated on the original's date, with the reason as its note. A reversal is not
 * reversed (the entry is recorded again instead), an entry is reversed once, and a charge only
 * once every payment of it is reversed, so no payment is left paying nothing.
 */
export const reverseCoFinancingEntry = fn(
  z.object({ id: z.string(), reason: multilineText(1000) }),
  async (ctx, input) => {
    const id = expectGlobalId(input.id, "CoFinancingEntry", "input.id");
    try {
      return await change(ctx, async (tx, recorder) => {
        const [found] = await tx.select().from(coFinancingEntries).where(eq(coFinancingEntries.id, id));
        if (!found) throw notFound("CoFinancingEntry", "input.id");
        const [agreement] = await tx.select().from(fundingAgreements).where(eq(fundingAgreements.id, found.agreementId));
        if (!agreement) throw notFound("CoFinancingEntry", "input.id");
        await assertCan(ctx, coFinancingRecord, agreement);
        await lockOpenAgreement(tx, agreement.id, "input.id");
        // Locking the entry serialises its reversals; for a charge, also with its payments.
        const [original] = await tx.select().from(coFinancingEntries).where(eq(coFinancingEntries.id, id)).for("update");
        if (!original) throw notFound("CoFinancingEntry", "input.id");
        if (original.reversesId) throw badInput("input.id", "is itself a reversal and is not reversed: record the entry again instead");
        const [state] = await tx
          .select({ reversed: exists(reversalOf(tx, id)), openPayments: exists(openPaymentsOf(tx, id)) })
          .from(coFinancingEntries)
          .where(eq(coFinancingEntries.id, id));
        if (state?.reversed) throw reversedTwice("input.id");
        if (original.entryType === "CHARGE" && state?.openPayments) {
          throw conflict("input.id", "The charge has payments that are not reversed: reverse its payments first");
        }
        return writeEntry(ctx, tx, recorder, "reverseCoFinancingEntry", reversalValues(original, input.reason));
      });
    } catch (error) {
      if (uniqueViolation(error) === "co_financing_reverses_key") throw reversedTwice("input.id");
      throw error;
    }
  },
  { argument: "input", authorize: coFinancingRecord },
);

const reversal = alias(coFinancingEntries, "reversal");
const payment = alias(coFinancingEntries, "payment");

/** The entry that reverses an entry, as a subquery. */
function reversalOf(tx: Tx, entryId: string) {
  return tx.select({ id: reversal.id }).from(reversal).where(eq(reversal.reversesId, entryId));
}

/** The payments of a charge that no entry reverses, as a subquery. */
function openPaymentsOf(tx: Tx, chargeId: string) {
  return tx
    .select({ id: payment.id })
    .from(payment)
    .where(
      and(
        eq(payment.chargeId, chargeId),
        eq(payment.entryType, "PAYMENT"),
        isNull(payment.reversesId),
        notExists(tx.select({ id: reversal.id }).from(reversal).where(eq(reversal.reversesId, payment.id))),
      ),
    );
}

function totals(charged: number, paid: number): CoFinancingTotals {
  return { charged: money(charged), paid: money(paid), outstanding: money(charged - paid) };
}

/**
 * The ledger of an agreement. Consultants, admins and the agreement's partners see every board
 * (or the one they ask for); a board member sees their own board only. Totals are summed by
 * the database, per board and per action, in one statement, net of reversals; entries page as
 * a connection.
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
      charged: signedSumOf("CHARGE"),
      paid: signedSumOf("PAYMENT"),
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

/** Approved (approved or paid), paid and co-financed (paid by boards, net of reversals) amounts per track and action. */
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
      .select({ actionId: coFinancingEntries.actionId, paid: sum(signedAmount) })
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
  const entry = await coFinancingEntryLoader(ctx).load(id);
  if (!entry) return null;
  const agreement = await agreementLoader(ctx).load(entry.agreementId);
  return agreement && (await can(ctx, coFinancingRead, { agreement, boardId: entry.boardId })) ? entry : null;
}

// ---------------------------------------------------------------------------------------------
// Participation fees, charged by the trainings module when a board takes a seat or joins a trajectory

export interface ParticipationFee {
  /** The action the fee is for: it is charged in that action's agreement. */
  actionId: string;
  boardId: string;
  amountCents: number;
  /** The day the seat was taken or the board joined: the entry's date. */
  date: string;
  note: string | null;
  /** The input field a refusal names; "input" when left out. */
  field?: string;
  /**
   * PARTICIPATION_FEE by default; OWN_CONTRIBUTION for a board's own contribution to a project it
   * gets support for (LaboLokaal's EUR 2,000).
   */
  kind?: "PARTICIPATION_FEE" | "OWN_CONTRIBUTION";
}

/**
 * Charges a board a participation fee (Dutch: deelnameprijs) in the co-financing ledger of the
 * action's agreement, inside the caller's change, so the seat or the participation and its charge
 * are written together or not at all. The caller has authorised the write it charges for (an
 * enrolment, a board joining); the charge follows from it, so no co-financing grant is asked of
 * the actor. The agreement must be open (CONFLICT otherwise) and the day within its period or
 * reporting window (CONFLICT: the fee cannot be charged on that day, so the write is refused).
 */
export async function chargeParticipationFee(ctx: Context, tx: Tx, recorder: Recorder, fee: ParticipationFee): Promise<Entry> {
  const field = fee.field ?? "input";
  const [action] = await tx.select().from(actions).where(eq(actions.id, fee.actionId));
  if (!action) throw notFound("Action", field);
  const agreement = await lockOpenAgreement(tx, action.agreementId, field);
  if (!withinLedger(agreement, fee.date)) {
    throw conflict(field, `The participation fee cannot be charged on ${fee.date}: the agreement's co-financing ledger takes entries from ${ledgerWindow(agreement)}`);
  }
  // The ledger's bound on any one entry, as recordCoFinancing keeps it.
  if (fee.amountCents > agreement.maxAmountCents) {
    throw conflict(field, `The participation fee is more than the agreement's maximum of ${formatMoney(agreement.maxAmountCents, agreement.currency, "en")}`);
  }
  return writeEntry(ctx, tx, recorder, "chargeParticipationFee", {
    agreementId: agreement.id,
    boardId: fee.boardId,
    actionId: action.id,
    kind: fee.kind ?? "PARTICIPATION_FEE",
    entryType: "CHARGE",
    amountCents: fee.amountCents,
    currency: agreement.currency,
    entryDate: fee.date,
    note: fee.note,
    chargeId: null,
  });
}

/**
 * Reverses a participation fee charge when the seat or participation it was for ends, inside the
 * caller's change: true when the charge is (now) reversed, false when a payment on it is not
 * reversed, so the board has paid and the charge stays. A charge already reversed (by a consultant
 * in the ledger) is left as it is and counts as reversed. The agreement must be open (CONFLICT).
 */
export async function reverseParticipationFee(ctx: Context, tx: Tx, recorder: Recorder, chargeId: string, reason: string, field = "input"): Promise<boolean> {
  const [found] = await tx.select({ agreementId: coFinancingEntries.agreementId }).from(coFinancingEntries).where(eq(coFinancingEntries.id, chargeId));
  if (!found) throw notFound("CoFinancingEntry", field);
  await lockOpenAgreement(tx, found.agreementId, field);
  // Locking the charge serialises this with its payments and with a consultant's reversal of it.
  const [charge] = await tx.select().from(coFinancingEntries).where(eq(coFinancingEntries.id, chargeId)).for("update");
  if (!charge) throw notFound("CoFinancingEntry", field);
  const [state] = await tx
    .select({ reversed: exists(reversalOf(tx, chargeId)), openPayments: exists(openPaymentsOf(tx, chargeId)) })
    .from(coFinancingEntries)
    .where(eq(coFinancingEntries.id, chargeId));
  if (state?.reversed) return true;
  if (state?.openPayments) return false;
  await writeEntry(ctx, tx, recorder, "reverseParticipationFee", reversalValues(charge, reason));
  return true;
}
