// Closing an agreement and reopening it. After its period the funder's side closes the
// agreement: the final settlement is frozen as a snapshot (amounts, explanation in every
// language, each commitment's measured values and judgement, the invoices, co-financing and
// overhead counted, and the justification report in every language), and from then on every
// write to the agreement is refused (lifecycle.ts). An admin may reopen it with a reason; the
// closing stays in the agreement's history, and the next closing freezes the state of then.
//
// What a closed agreement shows is read from the closing in force, never recomputed: rows that
// change behind the API afterwards (a corrected record, a late registration) do not move it.
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { agreementClosings, fundingAgreements } from "../../db/schema/funding.js";
import { actorSubject } from "../shared/auth.js";
import { change } from "../shared/changes.js";
import type { Context } from "../shared/context.js";
import { conflict, notFound } from "../shared/errors.js";
import { fn } from "../shared/fn.js";
import { LOCALES, type Locale } from "../shared/i18n.js";
import { childRows, defineLoader, defineLoaderFamily } from "../shared/loaders.js";
import { assertCan } from "../shared/policy.js";
import { expectGlobalId, toGlobalId } from "../shared/relay.js";
import { multilineText } from "../shared/validation.js";
import { type Agreement, commitmentsOfAgreement, type Measure, measuresOfCommitment } from "./agreements.service.js";
import { commitmentMet, metricValues } from "./commitments.service.js";
import {
  type CountedCoFinancingEntry,
  type CountedInvoice,
  type CountedOverheadCost,
  countedOverhead,
  listCountedCoFinancing,
  listCountedInvoices,
  listCountedOverhead,
} from "./costs.service.js";
import { agreementClosed, agreementReopened } from "./funding.events.js";
import { agreementClose, agreementReopen, fundingReadFinancials } from "./funding.policy.js";
import { todayInBrussels } from "./lifecycle.js";
import { buildJustificationReport, type ReportFile } from "./report.js";
import { finalSettlementSnapshot, type SettlementSnapshot, settlementViewFromSnapshot } from "./settlement.service.js";
import type { SettlementView } from "./views.js";

export type { ReportFile };

/** A closing as the API lists it: its snapshot holds what the list shows (the settlement); reports are read per language on demand. */
export type Closing = typeof agreementClosings.$inferSelect;

/** A commitment as it stood at closing: its targets with the values measured then, and its judgement. */
export interface FrozenCommitment {
  id: string;
  kind: "EFFORT" | "RESULT";
  number: number;
  actionId: string | null;
  qualitative: boolean;
  met: boolean;
  measures: { metric: string; comparator: Measure["comparator"]; targetValue: number; value: number }[];
  judgement: { status: "OPEN" | "JUSTIFIED" | "NOT_JUSTIFIED"; evidence: string | null; judgedBy: string | null; judgedAt: string | null };
}

/**
 * What a closing freezes, as stored in agreement_closings.snapshot (jsonb). Plain data only, so
 * it reads back as it was written. `version` lets a later shape be told apart from this one.
 */
export interface ClosingSnapshot {
  version: 1;
  /** The terms the settlement was computed on. */
  terms: Pick<Agreement, "periodStart" | "periodEnd" | "maxAmountCents" | "currency" | "effortShareBp" | "resultShareBp" | "overheadCeilingCents" | "reportingWindowDays">;
  settlement: SettlementSnapshot;
  /** Each metric the commitments measure, with its value at closing: what a closed agreement's measures read. */
  metricValues: Record<string, number>;
  commitments: FrozenCommitment[];
  /** The invoices the final settlement counts (paid, for services within the period). */
  invoices: CountedInvoice[];
  /** The co-financing counted as income. */
  coFinancing: CountedCoFinancingEntry[];
  overhead: { ceilingCents: number | null; recordedCents: number; countedCents: number; entries: CountedOverheadCost[] };
  /** The justification report in every language, as it read at closing. */
  reports: Record<Locale, ReportFile>;
}

// ---------------------------------------------------------------------------------------------
// Reads

interface InForce {
  id: string;
  agreementId: string;
  createdAt: Date;
  settlement: SettlementSnapshot;
  metricValues: Record<string, number>;
}

/** Per agreement, the closing in force (the one not reopened), without its reports: one statement for all agreements asked. */
const closingInForce = defineLoader<string, InForce | null>(async (ctx, agreementIds) => {
  const rows = await ctx.db
    .select({
      id: agreementClosings.id,
      agreementId: agreementClosings.agreementId,
      createdAt: agreementClosings.createdAt,
      settlement: sql<SettlementSnapshot>`${agreementClosings.snapshot}->'settlement'`,
      metricValues: sql<Record<string, number>>`${agreementClosings.snapshot}->'metricValues'`,
    })
    .from(agreementClosings)
    .where(and(inArray(agreementClosings.agreementId, [...agreementIds]), isNull(agreementClosings.reopenedAt)));
  const byAgreement = new Map(rows.map((r) => [r.agreementId, r]));
  return agreementIds.map((id) => byAgreement.get(id) ?? null);
});

/**
 * Per agreement, the metric values frozen by the closing in force, or null while none is: a
 * closed agreement's measures read these, not the records of today.
 */
export const frozenMetricValues = defineLoader<string, Record<string, number> | null>(async (ctx, agreementIds) => {
  const closings = await closingInForce(ctx).loadMany(agreementIds);
  return closings.map((c) => (c instanceof Error ? c : (c?.metricValues ?? null)));
});

/** Every closing of each agreement, newest first; the snapshot trimmed to what a list shows. */
const closingsOfAgreement = childRows<Closing>(
  (ctx, agreementIds) =>
    ctx.db
      .select({
        id: agreementClosings.id,
        agreementId: agreementClosings.agreementId,
        closedBy: agreementClosings.closedBy,
        closedRole: agreementClosings.closedRole,
        snapshot: sql<unknown>`jsonb_build_object('version', ${agreementClosings.snapshot}->'version', 'settlement', ${agreementClosings.snapshot}->'settlement')`,
        reopenedAt: agreementClosings.reopenedAt,
        reopenedBy: agreementClosings.reopenedBy,
        reopenReason: agreementClosings.reopenReason,
        createdAt: agreementClosings.createdAt,
        updatedAt: agreementClosings.updatedAt,
      })
      .from(agreementClosings)
      .where(inArray(agreementClosings.agreementId, agreementIds))
      .orderBy(desc(agreementClosings.createdAt), desc(agreementClosings.id)),
  (c) => c.agreementId,
);

/** The report a closing froze, in one language, per closing id. */
const frozenReport = defineLoaderFamily<string, ReportFile | null, Locale>(
  (locale) => locale,
  async (ctx, locale, closingIds) => {
    const rows = await ctx.db
      .select({ id: agreementClosings.id, report: sql<ReportFile | null>`${agreementClosings.snapshot}->'reports'->${locale}` })
      .from(agreementClosings)
      .where(inArray(agreementClosings.id, [...closingIds]));
    const byId = new Map(rows.map((r) => [r.id, r.report]));
    return closingIds.map((id) => byId.get(id) ?? null);
  },
);

/** An agreement's closings, newest first: for those who read its financials. */
export async function closingsOf(ctx: Context, agreement: Agreement): Promise<Closing[]> {
  await assertCan(ctx, fundingReadFinancials, agreement);
  return closingsOfAgreement(ctx).load(agreement.id);
}

/** The FINAL settlement frozen by the closing in force, in the context's locale. */
export async function frozenSettlement(ctx: Context, agreement: Agreement): Promise<SettlementView> {
  await assertCan(ctx, fundingReadFinancials, agreement);
  const closing = await closingInForce(ctx).load(agreement.id);
  if (!closing) throw new Error(`agreement ${agreement.id} is ${agreement.status} without a closing in force`);
  return settlementViewFromSnapshot(closing.settlement, ctx.locale, closing.createdAt);
}

/** The settlement one closing froze (in force or reopened since), in the context's locale. */
export function closingSettlement(ctx: Context, closing: Closing): SettlementView {
  return settlementViewFromSnapshot((closing.snapshot as Pick<ClosingSnapshot, "settlement">).settlement, ctx.locale, closing.createdAt);
}

/** The justification report one closing froze, in one language. */
export async function closingReport(ctx: Context, closing: Pick<Closing, "id">, locale: Locale): Promise<ReportFile> {
  const report = await frozenReport(ctx, locale).load(closing.id);
  if (!report) throw new Error(`closing ${closing.id} holds no ${locale} report`);
  return report;
}

/** The justification report: frozen for a closed agreement, built now for an open one. */
export async function reportFor(ctx: Context, agreement: Agreement, locale: Locale): Promise<ReportFile> {
  await assertCan(ctx, fundingReadFinancials, agreement);
  if (agreement.status === "OPEN") return buildJustificationReport(ctx, agreement, locale);
  const closing = await closingInForce(ctx).load(agreement.id);
  if (!closing) throw new Error(`agreement ${agreement.id} is ${agreement.status} without a closing in force`);
  return closingReport(ctx, closing, locale);
}

// ---------------------------------------------------------------------------------------------
// Closing and reopening

/** The commitments with their measures, the values measured now, and their judgements. */
async function freezeCommitments(ctx: Context, agreement: Agreement): Promise<{ commitments: FrozenCommitment[]; metricValues: Record<string, number> }> {
  const rows = await commitmentsOfAgreement(ctx).load(agreement.id);
  const measureLists = await measuresOfCommitment(ctx).loadMany(rows.map((c) => c.id));
  const measures = measureLists.map((list) => {
    if (list instanceof Error) throw list;
    return list;
  });
  const metrics = [...new Set(measures.flat().map((m) => m.metric))].sort();
  const values = await metricValues(ctx).loadMany(metrics.map((metric) => ({ agreementId: agreement.id, metric })));
  const frozenValues: Record<string, number> = {};
  metrics.forEach((metric, i) => {
    const value = values[i];
    if (value instanceof Error || value === undefined) throw value ?? new Error(`no value for metric ${metric}`);
    frozenValues[metric] = value;
  });
  const met = await Promise.all(rows.map((c) => commitmentMet(ctx, c)));
  const commitments = rows.map(
    (c, i): FrozenCommitment => ({
      id: c.id,
      kind: c.kind,
      number: c.number,
      actionId: c.actionId,
      qualitative: c.qualitative,
      met: Boolean(met[i]),
      measures: (measures[i] ?? []).map((m) => ({ metric: m.metric, comparator: m.comparator, targetValue: m.targetValue, value: frozenValues[m.metric] ?? 0 })),
      judgement: { status: c.status, evidence: c.evidence, judgedBy: c.judgedBy, judgedAt: c.judgedAt?.toISOString() ?? null },
    }),
  );
  return { commitments, metricValues: frozenValues };
}

/** The closing row as the audit log keeps it: without the snapshot (the closing itself keeps that). */
const auditedClosing = ({ snapshot: _snapshot, ...closing }: Closing) => closing;

export const closeAgreement = fn(
  z.object({ id: z.string() }),
  async (ctx, input): Promise<Agreement> => {
    const id = expectGlobalId(input.id, "FundingAgreement", "id");
    return change(ctx, async (tx, recorder) => {
      // FOR UPDATE: every other write of the agreement holds at least FOR SHARE, so closing waits
      // for the writes under way, and the writes that come after it see it closed.
      const [agreement] = await tx.select().from(fundingAgreements).where(eq(fundingAgreements.id, id)).for("update");
      if (!agreement) throw notFound("FundingAgreement", "id");
      await assertCan(ctx, agreementClose, agreement);
      if (agreement.status === "CLOSED") throw conflict("id", "The agreement is already closed");
      const today = todayInBrussels();
      if (today <= agreement.periodEnd) {
        throw conflict("id", `Closing before the period ends is refused: the period ends on ${agreement.periodEnd} (today is ${today} in Brussels)`);
      }

      // The state frozen: read inside this transaction, while the agreement is still open.
      const settlement = await finalSettlementSnapshot(ctx, agreement);
      const { commitments, metricValues: values } = await freezeCommitments(ctx, agreement);
      const invoices = await listCountedInvoices(tx, agreement, "FINAL");
      const coFinancing = await listCountedCoFinancing(tx, agreement);
      const overheadEntries = await listCountedOverhead(tx, agreement);
      const recorded = overheadEntries.reduce((total, entry) => total + entry.countedCents, 0);
      const frozen: Omit<ClosingSnapshot, "reports"> = {
        version: 1,
        terms: {
          periodStart: agreement.periodStart,
          periodEnd: agreement.periodEnd,
          maxAmountCents: agreement.maxAmountCents,
          currency: agreement.currency,
          effortShareBp: agreement.effortShareBp,
          resultShareBp: agreement.resultShareBp,
          overheadCeilingCents: agreement.overheadCeilingCents,
          reportingWindowDays: agreement.reportingWindowDays,
        },
        settlement,
        metricValues: values,
        commitments,
        invoices,
        coFinancing,
        overhead: {
          ceilingCents: agreement.overheadCeilingCents,
          recordedCents: recorded,
          countedCents: countedOverhead(recorded, agreement.overheadCeilingCents),
          entries: overheadEntries,
        },
      };
      const [inserted] = await tx
        .insert(agreementClosings)
        .values({ agreementId: id, closedBy: actorSubject(ctx.actor), closedRole: ctx.actor.role, snapshot: frozen })
        .returning();
      const [closed] = await tx.update(fundingAgreements).set({ status: "CLOSED" }).where(eq(fundingAgreements.id, id)).returning();

      // The report is built last, from the closed agreement: it says so, and its settlement and
      // measured values are the ones just frozen, so the report and the snapshot cannot disagree.
      const reports = {} as Record<Locale, ReportFile>;
      for (const locale of LOCALES) reports[locale] = await buildJustificationReport(ctx, closed!, locale);
      const snapshot: ClosingSnapshot = { ...frozen, reports };
      const [closing] = await tx.update(agreementClosings).set({ snapshot }).where(eq(agreementClosings.id, inserted!.id)).returning();

      await recorder.record({ operation: "closeFundingAgreement", entityType: "FundingAgreement", entityId: id, before: agreement, after: closed });
      await recorder.record({
        operation: "closeFundingAgreement",
        entityType: "AgreementClosing",
        entityId: closing!.id,
        before: null,
        after: { ...auditedClosing(closing!), payableCents: settlement.result.payableCents, currency: agreement.currency },
      });
      await recorder.emit(agreementClosed, id, {
        agreementId: toGlobalId("FundingAgreement", id),
        payableCents: settlement.result.payableCents,
        currency: agreement.currency,
      });
      return closed!;
    });
  },
  { authorize: agreementClose },
);

export const reopenAgreement = fn(
  z.object({ id: z.string(), reason: multilineText(2000) }),
  async (ctx, input): Promise<Agreement> => {
    const id = expectGlobalId(input.id, "FundingAgreement", "input.id");
    return change(ctx, async (tx, recorder) => {
      const [agreement] = await tx.select().from(fundingAgreements).where(eq(fundingAgreements.id, id)).for("update");
      if (!agreement) throw notFound("FundingAgreement", "input.id");
      await assertCan(ctx, agreementReopen, agreement);
      if (agreement.status !== "CLOSED") throw conflict("input.id", "The agreement is open: only a closed agreement is reopened");
      const [before] = await tx
        .select()
        .from(agreementClosings)
        .where(and(eq(agreementClosings.agreementId, id), isNull(agreementClosings.reopenedAt)));
      if (!before) throw new Error(`agreement ${id} is CLOSED without a closing in force`);
      const [reopened] = await tx
        .update(agreementClosings)
        .set({ reopenedAt: new Date(), reopenedBy: actorSubject(ctx.actor), reopenReason: input.reason })
        .where(eq(agreementClosings.id, before.id))
        .returning();
      const [opened] = await tx.update(fundingAgreements).set({ status: "OPEN" }).where(eq(fundingAgreements.id, id)).returning();
      await recorder.record({ operation: "reopenFundingAgreement", entityType: "FundingAgreement", entityId: id, before: agreement, after: opened });
      await recorder.record({
        operation: "reopenFundingAgreement",
        entityType: "AgreementClosing",
        entityId: before.id,
        before: auditedClosing(before),
        after: auditedClosing(reopened!),
      });
      await recorder.emit(agreementReopened, id, { agreementId: toGlobalId("FundingAgreement", id) });
      return opened!;
    });
  },
  { argument: "input", authorize: agreementReopen },
);
