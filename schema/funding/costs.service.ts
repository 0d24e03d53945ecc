// What counts as what in an agreement's settlement, defined once: the settlement, the overhead
// view, the closing snapshot and the report all read their costs and income from here, so they
// can never disagree on which rows count.
//
// - Realised costs: PAID third-party invoices for services within the period (costs are
//   realised when paid).
// - Committed costs: APPROVED, not yet paid, invoices for services within the period; only a
//   forecast counts them.
// - Co-financing income: the boards' PAYMENT entries, dated within the period plus the
//   agreement's reporting window; deducted from the costs (VVSG brings in only the real cost,
//   "de financiële opbrengst van het project is enkel een compensatie voor de werkelijke meerkost").
// - Overhead recorded: the consultants' overhead costs dated within the period.
//
// A ledger or overhead entry that reverses another counts negatively, and is judged by the date
// of the entry it reverses: a pair always counts together (both, netting to zero) or not at
// all, so a reversal dated on another side of a boundary than its original never moves a total.
//
// Sums are batched loaders keyed by agreement id (one statement for a whole list of
// agreements); the listing functions give the rows behind the sums, for the closing snapshot,
// and take the executor to read through (a change's transaction).
import { and, asc, eq, inArray, sql, sum } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../../db/client.js";
import { coFinancingEntries, fundingAgreements, invoices, overheadCosts } from "../../db/schema/funding.js";
import { defineLoader } from "../shared/loaders.js";
import type { Agreement } from "./agreements.service.js";

export { countedOverhead } from "./settlement.js";

/** Which costs a settlement counts: FINAL only paid ones, FORECAST approved-but-unpaid ones too. */
export type CostBasis = "FINAL" | "FORECAST";

type InvoiceStatus = (typeof invoices.$inferSelect)["status"];

/** The invoice statuses a basis counts. */
export function countedInvoiceStatuses(basis: CostBasis): InvoiceStatus[] {
  return basis === "FINAL" ? ["PAID"] : ["APPROVED", "PAID"];
}

const invoiceWithinPeriod = sql`${invoices.serviceDate} between ${fundingAgreements.periodStart} and ${fundingAgreements.periodEnd}`;

// sum() of bigint comes back as a decimal string (or null for no rows); it is a whole number of cents.
const cents = (value: unknown): number => Number(value ?? 0);

/** Paid and approved-unpaid invoice sums per agreement, in one statement for all agreements asked. */
const invoiceSums = defineLoader<string, { paidCents: number; approvedCents: number }>(async (ctx, agreementIds) => {
  const rows = await ctx.db
    .select({
      agreementId: invoices.agreementId,
      paid: sum(sql`case when ${invoices.status} = 'PAID' then ${invoices.amountCents} else 0 end`),
      approved: sum(sql`case when ${invoices.status} = 'APPROVED' then ${invoices.amountCents} else 0 end`),
    })
    .from(invoices)
    .innerJoin(fundingAgreements, eq(fundingAgreements.id, invoices.agreementId))
    .where(and(inArray(invoices.agreementId, [...agreementIds]), inArray(invoices.status, ["APPROVED", "PAID"]), invoiceWithinPeriod))
    .groupBy(invoices.agreementId);
  const byId = new Map(rows.map((r) => [r.agreementId, { paidCents: cents(r.paid), approvedCents: cents(r.approved) }]));
  return agreementIds.map((id) => byId.get(id) ?? { paidCents: 0, approvedCents: 0 });
});

/** Realised costs per agreement: its PAID invoices for services within its period. */
export const realisedCosts = defineLoader<string, number>(async (ctx, agreementIds) => {
  const sums = await invoiceSums(ctx).loadMany(agreementIds);
  return sums.map((s) => (s instanceof Error ? s : s.paidCents));
});

/** Committed costs per agreement: its APPROVED (not yet paid) invoices for services within its period. */
export const committedCosts = defineLoader<string, number>(async (ctx, agreementIds) => {
  const sums = await invoiceSums(ctx).loadMany(agreementIds);
  return sums.map((s) => (s instanceof Error ? s : s.approvedCents));
});

// The entry a reversal reverses, joined to judge the reversal by its original's date.
const reversedEntry = alias(coFinancingEntries, "reversed_entry");
const entryDate = sql`coalesce(${reversedEntry.entryDate}, ${coFinancingEntries.entryDate})`;
const entryWithinWindow = sql`${entryDate} between ${fundingAgreements.periodStart} and ${fundingAgreements.periodEnd} + ${fundingAgreements.reportingWindowDays}`;
const entrySigned = sql<number>`case when ${coFinancingEntries.reversesId} is null then ${coFinancingEntries.amountCents} else -${coFinancingEntries.amountCents} end`;

/**
 * Co-financing income per agreement: the boards' PAYMENT entries (a payment's reversal is a
 * PAYMENT too, counted negatively) dated within [periodStart, periodEnd + reportingWindowDays].
 */
export const coFinancingIncome = defineLoader<string, number>(async (ctx, agreementIds) => {
  const rows = await ctx.db
    .select({ agreementId: coFinancingEntries.agreementId, total: sum(entrySigned) })
    .from(coFinancingEntries)
    .innerJoin(fundingAgreements, eq(fundingAgreements.id, coFinancingEntries.agreementId))
    .leftJoin(reversedEntry, eq(reversedEntry.id, coFinancingEntries.reversesId))
    .where(and(inArray(coFinancingEntries.agreementId, [...agreementIds]), eq(coFinancingEntries.entryType, "PAYMENT"), entryWithinWindow))
    .groupBy(coFinancingEntries.agreementId);
  const byId = new Map(rows.map((r) => [r.agreementId, cents(r.total)]));
  return agreementIds.map((id) => byId.get(id) ?? 0);
});

const reversedOverhead = alias(overheadCosts, "reversed_overhead");
const overheadWithinPeriod = sql`coalesce(${reversedOverhead.costDate}, ${overheadCosts.costDate}) between ${fundingAgreements.periodStart} and ${fundingAgreements.periodEnd}`;
const overheadSigned = sql<number>`case when ${overheadCosts.reversesId} is null then ${overheadCosts.amountCents} else -${overheadCosts.amountCents} end`;

/** Overhead recorded per agreement: its overhead costs dated within its period, net of reversals. */
export const overheadRecorded = defineLoader<string, number>(async (ctx, agreementIds) => {
  const rows = await ctx.db
    .select({ agreementId: overheadCosts.agreementId, total: sum(overheadSigned) })
    .from(overheadCosts)
    .innerJoin(fundingAgreements, eq(fundingAgreements.id, overheadCosts.agreementId))
    .leftJoin(reversedOverhead, eq(reversedOverhead.id, overheadCosts.reversesId))
    .where(and(inArray(overheadCosts.agreementId, [...agreementIds]), overheadWithinPeriod))
    .groupBy(overheadCosts.agreementId);
  const byId = new Map(rows.map((r) => [r.agreementId, cents(r.total)]));
  return agreementIds.map((id) => byId.get(id) ?? 0);
});

// ---------------------------------------------------------------------------------------------
// The rows behind the sums, for the closing snapshot. Their amounts add up to the loaders' sums.

export interface CountedInvoice {
  id: string;
  reference: string;
  status: InvoiceStatus;
  serviceDate: string;
  amountCents: number;
}

/** The invoices a settlement on `basis` counts, by service date then reference. */
export async function listCountedInvoices(db: Executor, agreement: Agreement, basis: CostBasis): Promise<CountedInvoice[]> {
  return db
    .select({ id: invoices.id, reference: invoices.reference, status: invoices.status, serviceDate: invoices.serviceDate, amountCents: invoices.amountCents })
    .from(invoices)
    .innerJoin(fundingAgreements, eq(fundingAgreements.id, invoices.agreementId))
    .where(and(eq(invoices.agreementId, agreement.id), inArray(invoices.status, countedInvoiceStatuses(basis)), invoiceWithinPeriod))
    .orderBy(asc(invoices.serviceDate), asc(invoices.reference), asc(invoices.id));
}

export interface CountedCoFinancingEntry {
  id: string;
  type: "CHARGE" | "PAYMENT";
  boardId: string;
  actionId: string;
  entryDate: string;
  /** As stored: always positive. */
  amountCents: number;
  /** What it counts as income: negative for a reversal. */
  countedCents: number;
  reversesId: string | null;
}

/** The co-financing entries counted as income (payments and their reversals in the window), by date. */
export async function listCountedCoFinancing(db: Executor, agreement: Agreement): Promise<CountedCoFinancingEntry[]> {
  const rows = await db
    .select({
      id: coFinancingEntries.id,
      type: coFinancingEntries.entryType,
      boardId: coFinancingEntries.boardId,
      actionId: coFinancingEntries.actionId,
      entryDate: coFinancingEntries.entryDate,
      amountCents: coFinancingEntries.amountCents,
      reversesId: coFinancingEntries.reversesId,
    })
    .from(coFinancingEntries)
    .innerJoin(fundingAgreements, eq(fundingAgreements.id, coFinancingEntries.agreementId))
    .leftJoin(reversedEntry, eq(reversedEntry.id, coFinancingEntries.reversesId))
    .where(and(eq(coFinancingEntries.agreementId, agreement.id), eq(coFinancingEntries.entryType, "PAYMENT"), entryWithinWindow))
    .orderBy(asc(coFinancingEntries.entryDate), asc(coFinancingEntries.createdAt), asc(coFinancingEntries.id));
  return rows.map((r) => ({ ...r, countedCents: r.reversesId === null ? r.amountCents : -r.amountCents }));
}

export interface CountedOverheadCost {
  id: string;
  description: string;
  actionId: string | null;
  costDate: string;
  /** As stored: always positive. */
  amountCents: number;
  /** What it adds to the overhead recorded: negative for a reversal. */
  countedCents: number;
  reversesId: string | null;
}

/**
 * The overhead costs recorded within the period (and their reversals), by date. Their counted
 * amounts add up to the overhead recorded; what counts as cost is `countedOverhead` of that sum
 * and the agreement's ceiling.
 */
export async function listCountedOverhead(db: Executor, agreement: Agreement): Promise<CountedOverheadCost[]> {
  const rows = await db
    .select({
      id: overheadCosts.id,
      description: overheadCosts.description,
      actionId: overheadCosts.actionId,
      costDate: overheadCosts.costDate,
      amountCents: overheadCosts.amountCents,
      reversesId: overheadCosts.reversesId,
    })
    .from(overheadCosts)
    .innerJoin(fundingAgreements, eq(fundingAgreements.id, overheadCosts.agreementId))
    .leftJoin(reversedOverhead, eq(reversedOverhead.id, overheadCosts.reversesId))
    .where(and(eq(overheadCosts.agreementId, agreement.id), overheadWithinPeriod))
    .orderBy(asc(overheadCosts.costDate), asc(overheadCosts.createdAt), asc(overheadCosts.id));
  return rows.map((r) => ({ ...r, countedCents: r.reversesId === null ? r.amountCents : -r.amountCents }));
}
