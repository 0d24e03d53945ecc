// The justification report for the funder: the agreement's commitments with their measured
// values and evidence, its invoices, and its settlement, as one CSV table.
import { asc, desc, eq } from "drizzle-orm";
import { invoices as invoicesTable } from "../../db/schema/funding.js";
import type { Context } from "../shared/context.js";
import { localize } from "../shared/i18n.js";
import { organisationLoader } from "../organisations/organisations.service.js";
import { assertCan } from "../shared/policy.js";
import { actionLoader, commitmentsOfAgreement, measuresOfCommitment, type Agreement } from "./agreements.service.js";
import { fundingReadFinancials } from "./funding.policy.js";
import { commitmentMet, currentValue } from "./commitments.service.js";
import { boardsServed, invoiceHistory, type Invoice } from "./invoices.service.js";
import { metricDefinition } from "../shared/metrics.js";
import { settlementOf } from "./settlement.service.js";
import { centsToDecimal } from "../shared/money.js";

export const REPORT_COLUMNS = ["section", "reference", "description", "amount_eur", "current_value", "target", "status", "evidence", "detail"] as const;
type Row = Partial<Record<(typeof REPORT_COLUMNS)[number], string | number | null>>;

/** RFC 4180 quoting, and a leading apostrophe where a spreadsheet would read a formula. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export async function justificationReport(ctx: Context, agreement: Agreement): Promise<{ filename: string; contentType: string; content: string }> {
  await assertCan(ctx, fundingReadFinancials, agreement);
  const rows: Row[] = [];
  const locale = ctx.locale;

  rows.push({
    section: "agreement",
    description: localize(agreement.title, locale),
    amount_eur: centsToDecimal(agreement.maxAmountCents),
    detail: `period ${agreement.periodStart} to ${agreement.periodEnd}; effort ${agreement.effortShareBp / 100}%, result ${agreement.resultShareBp / 100}%`,
  });

  for (const commitment of await commitmentsOfAgreement(ctx).load(agreement.id)) {
    const reference = `${commitment.kind.toLowerCase()} ${commitment.number}`;
    const description = localize(commitment.description, locale);
    const met = await commitmentMet(ctx, commitment);
    if (commitment.qualitative) {
      rows.push({
        section: "commitment",
        reference,
        description,
        status: commitment.status,
        evidence: commitment.evidence,
        detail: commitment.judgedBy ? `judged by ${commitment.judgedBy} at ${commitment.judgedAt?.toISOString()}` : "not judged yet",
      });
      continue;
    }
    for (const measure of await measuresOfCommitment(ctx).load(commitment.id)) {
      rows.push({
        section: "commitment",
        reference,
        description,
        current_value: await currentValue(ctx, measure, agreement.id),
        target: `${measure.comparator === "AT_LEAST" ? ">=" : "<="} ${measure.targetValue}`,
        status: met ? "MET" : "NOT_MET",
        evidence: `metric ${measure.metric}: ${metricDefinition(measure.metric).description}`,
      });
    }
  }

  const invoiceRows: Invoice[] = await ctx.db.select().from(invoicesTable).where(eq(invoicesTable.agreementId, agreement.id)).orderBy(asc(invoicesTable.serviceDate), desc(invoicesTable.createdAt));
  for (const invoice of invoiceRows) {
    const [payee, action, served, history] = await Promise.all([
      organisationLoader(ctx).load(invoice.payeeId),
      actionLoader(ctx).load(invoice.actionId),
      boardsServed(ctx).load(invoice.id),
      invoiceHistory(ctx).load(invoice.id),
    ]);
    rows.push({
      section: "invoice",
      reference: invoice.reference,
      description: `${payee ? localize(payee.name, locale) : "?"} for action ${action?.number ?? "?"}${invoice.description ? `: ${invoice.description}` : ""}`,
      amount_eur: centsToDecimal(invoice.amountCents),
      status: invoice.status,
      evidence: invoice.rejectionReason,
      detail: `service ${invoice.serviceDate}; boards ${served.map((r) => r.board.name).join("; ")}; ${history.map((h) => `${h.toStatus} by ${h.actorRole}`).join(" > ")}`,
    });
  }

  const settlement = await settlementOf(ctx, agreement, null);
  for (const line of settlement.explanation) {
    rows.push({ section: "settlement", reference: line.step, description: line.text, amount_eur: line.amountCents === null ? null : centsToDecimal(line.amountCents) });
  }

  const lines = [REPORT_COLUMNS.join(","), ...rows.map((row) => REPORT_COLUMNS.map((c) => csvField(row[c])).join(","))];
  return {
    filename: `justification-${agreement.periodStart}-${agreement.periodEnd}.csv`,
    contentType: "text/csv; charset=utf-8",
    content: `${lines.join("\r\n")}\r\n`,
  };
}
