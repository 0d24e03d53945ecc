// The consultants' overhead costs ("een beperkt gedeelte wordt ingezet voor de overheadkost van
// de consultants"): their own kind of cost, not a third party's invoice, recorded by the
// sector's consultants and admins within the agreement's period and counted as cost only up to
// the ceiling the funder's side sets (none while it is empty). A wrong entry is corrected by a
// reversing entry, never deleted. Which entries count is costs.service.ts's to say.
import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { actions, fundingAgreements, overheadCosts } from "../../db/schema/funding.js";
import { actorSubject } from "../shared/auth.js";
import { change, type Recorder } from "../shared/changes.js";
import type { Context } from "../shared/context.js";
import { isoDate } from "../shared/dates.js";
import { badInput, conflict, notFound, uniqueViolation } from "../shared/errors.js";
import { fn } from "../shared/fn.js";
import { defineLoader, rowsById } from "../shared/loaders.js";
import { formatMoney, moneyInput } from "../shared/money.js";
import { assertCan, can } from "../shared/policy.js";
import { type Connection, countRows, expectGlobalId, type Keyset, mapConnection, paginate, toGlobalId } from "../shared/relay.js";
import { multilineText, requiredText } from "../shared/validation.js";
import { type Agreement, agreementLoader } from "./agreements.service.js";
import { countedOverhead, overheadRecorded as overheadRecordedCents } from "./costs.service.js";
import { overheadRecorded } from "./funding.events.js";
import { fundingReadFinancials, overheadRecord } from "./funding.policy.js";
import { lockOpenAgreement } from "./lifecycle.js";
import type { OverheadView } from "./views.js";

export type OverheadCost = typeof overheadCosts.$inferSelect;
export const overheadCostLoader = (ctx: Context) => rowsById<OverheadCost>(ctx, overheadCosts);

/** The entry that reverses each overhead cost, or null (a cost is reversed at most once). */
export const reversalOfOverheadCost = defineLoader<string, OverheadCost | null>(async (ctx, ids) => {
  const rows = await ctx.db
    .select()
    .from(overheadCosts)
    .where(inArray(overheadCosts.reversesId, [...ids]));
  const byOriginal = new Map(rows.map((r) => [r.reversesId, r]));
  return ids.map((id) => byOriginal.get(id) ?? null);
});

const recordInput = z.object({
  agreementId: z.string(),
  actionId: z.string().nullish(),
  description: requiredText(500),
  amount: moneyInput,
  date: isoDate,
});

export const recordOverheadCost = fn(
  recordInput,
  async (ctx, input) => {
    const agreementId = expectGlobalId(input.agreementId, "FundingAgreement", "input.agreementId");
    const actionId = input.actionId ? expectGlobalId(input.actionId, "Action", "input.actionId") : null;
    return change(ctx, async (tx, recorder) => {
      const [found] = await tx.select().from(fundingAgreements).where(eq(fundingAgreements.id, agreementId));
      if (!found) throw notFound("FundingAgreement", "input.agreementId");
      await assertCan(ctx, overheadRecord, found);
      const agreement = await lockOpenAgreement(tx, agreementId, "input.agreementId");
      if (actionId) {
        const [action] = await tx.select({ agreementId: actions.agreementId }).from(actions).where(eq(actions.id, actionId));
        if (!action) throw notFound("Action", "input.actionId");
        if (action.agreementId !== agreementId) throw badInput("input.actionId", "is not an action of this agreement");
      }
      if (input.amount.currency !== agreement.currency) throw badInput("input.amount.currency", `must be ${agreement.currency}, the agreement's currency`);
      if (input.amount.cents > agreement.maxAmountCents) {
        throw badInput("input.amount.cents", `is more than the agreement's maximum of ${formatMoney(agreement.maxAmountCents, agreement.currency, "en")}`);
      }
      if (input.date < agreement.periodStart || input.date > agreement.periodEnd) {
        throw badInput("input.date", `must fall within the agreement's period, ${agreement.periodStart} to ${agreement.periodEnd}`);
      }
      const [entry] = await tx
        .insert(overheadCosts)
        .values({
          agreementId,
          actionId,
          description: input.description,
          amountCents: input.amount.cents,
          currency: input.amount.currency,
          costDate: input.date,
          recordedBy: actorSubject(ctx.actor),
        })
        .returning();
      await recorder.record({ operation: "recordOverheadCost", entityType: "OverheadCost", entityId: entry!.id, before: null, after: entry });
      await emitRecorded(recorder, entry!);
      return entry!;
    });
  },
  { argument: "input", authorize: overheadRecord },
);

function emitRecorded(recorder: Recorder, entry: OverheadCost) {
  return recorder.emit(overheadRecorded, entry.id, {
    entryId: toGlobalId("OverheadCost", entry.id),
    agreementId: toGlobalId("FundingAgreement", entry.agreementId),
    actionId: entry.actionId ? toGlobalId("Action", entry.actionId) : null,
    amountCents: entry.amountCents,
    currency: entry.currency,
    reversesId: entry.reversesId ? toGlobalId("OverheadCost", entry.reversesId) : null,
  });
}

function reversedTwice(field: string) {
  return conflict(field, "The overhead cost has already been reversed: a cost is reversed once");
}

/**
 * Cancels a wrong overhead cost with a reversing entry of the same action and amount, dated on
 * the original's date, with the reason as its description. A reversal is not reversed (the
 * cost is recorded again instead), and a cost is reversed once.
 */
export const reverseOverheadCost = fn(
  z.object({ id: z.string(), reason: multilineText(500) }),
  async (ctx, input) => {
    const id = expectGlobalId(input.id, "OverheadCost", "input.id");
    try {
      return await change(ctx, async (tx, recorder) => {
        const [found] = await tx.select().from(overheadCosts).where(eq(overheadCosts.id, id));
        if (!found) throw notFound("OverheadCost", "input.id");
        const [agreement] = await tx.select().from(fundingAgreements).where(eq(fundingAgreements.id, found.agreementId));
        if (!agreement) throw notFound("OverheadCost", "input.id");
        await assertCan(ctx, overheadRecord, agreement);
        await lockOpenAgreement(tx, agreement.id, "input.id");
        // Locking the cost serialises its reversals.
        const [original] = await tx.select().from(overheadCosts).where(eq(overheadCosts.id, id)).for("update");
        if (!original) throw notFound("OverheadCost", "input.id");
        if (original.reversesId) throw badInput("input.id", "is itself a reversal and is not reversed: record the cost again instead");
        const [already] = await tx.select({ id: overheadCosts.id }).from(overheadCosts).where(eq(overheadCosts.reversesId, id));
        if (already) throw reversedTwice("input.id");
        const [entry] = await tx
          .insert(overheadCosts)
          .values({
            agreementId: original.agreementId,
            actionId: original.actionId,
            description: input.reason,
            amountCents: original.amountCents,
            currency: original.currency,
            costDate: original.costDate,
            recordedBy: actorSubject(ctx.actor),
            reversesId: original.id,
          })
          .returning();
        await recorder.record({ operation: "reverseOverheadCost", entityType: "OverheadCost", entityId: entry!.id, before: null, after: entry });
        await emitRecorded(recorder, entry!);
        return entry!;
      });
    } catch (error) {
      if (uniqueViolation(error) === "overhead_costs_reverses_key") throw reversedTwice("input.id");
      throw error;
    }
  },
  { argument: "input", authorize: overheadRecord },
);

/** An agreement's overhead: recorded within the period net of reversals, and the part its ceiling lets count. */
export async function overheadOf(ctx: Context, agreement: Agreement): Promise<OverheadView> {
  await assertCan(ctx, fundingReadFinancials, agreement);
  const recordedCents = await overheadRecordedCents(ctx).load(agreement.id);
  return {
    agreementId: agreement.id,
    currency: agreement.currency,
    recordedCents,
    countedCents: countedOverhead(recordedCents, agreement.overheadCeilingCents),
    ceilingCents: agreement.overheadCeilingCents,
  };
}

// Cost date, then the instant it was recorded (microseconds, as text so the cursor is exact).
const costKey = sql<string>`to_char(${overheadCosts.costDate}, 'YYYY-MM-DD') || ' ' || to_char(${overheadCosts.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;
const costKeyset: Keyset = { sortKey: costKey, id: overheadCosts.id };

/** One page of an agreement's overhead costs (reversals included), by date then recording order. */
export async function overheadEntriesOf(ctx: Context, view: OverheadView, args: { first?: number | null; after?: string | null }): Promise<Connection<OverheadCost>> {
  const where = eq(overheadCosts.agreementId, view.agreementId);
  const page = await paginate(
    args,
    costKeyset,
    (q) =>
      ctx.db
        .select({ entry: overheadCosts, key: costKey })
        .from(overheadCosts)
        .where(and(where, q.after))
        .orderBy(...q.orderBy)
        .limit(q.limit),
    (r) => [r.key, r.entry.id],
    () => countRows(ctx.db, overheadCosts, where),
  );
  return mapConnection(page, (r) => r.entry);
}

/** An overhead cost by row id for node(id): only for those who read its agreement's financials. */
export async function findOverheadCost(ctx: Context, id: string): Promise<OverheadCost | null> {
  const entry = await overheadCostLoader(ctx).load(id);
  if (!entry) return null;
  const agreement = await agreementLoader(ctx).load(entry.agreementId);
  return agreement && (await can(ctx, fundingReadFinancials, agreement)) ? entry : null;
}
