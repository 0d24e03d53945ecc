// The justification report for the funder: the agreement's commitments with their measured
// values and evidence, its invoices, and its settlement, as one CSV table.
import { asc, desc, eq } from "drizzle-orm";
import { invoices as invoicesTable } from "../../db/schema/funding.js";
import { actorVisibleTo } from "../audit/audit.policy.js";
import { organisationLoader } from "../organisations/organisations.service.js";
import type { Context } from "../shared/context.js";
import { localize } from "../shared/i18n.js";
import { metricDefinition } from "../shared/metrics.js";
import { centsToDecimal } from "../shared/money.js";
import { assertCan } from "../shared/policy.js";
import { type Agreement, actionLoader, commitmentsOfAgreement, measuresOfCommitment } from "./agreements.service.js";
import { commitmentMet, currentValue } from "./commitments.service.js";
import { fundingReadFinancials } from "./funding.policy.js";
import { boardsServed, type Invoice, invoiceHistory } from "./invoices.service.js";
import { settlementOf } from "./settlement.service.js";

export const REPORT_COLUMNS = ["section", "reference", "description", "amount_eur", "current_value", "target", "status", "evidence", "detail"] as const;

/** An amount as a plain decimal ("72000.00"): a number to a spreadsheet, so written bare. */
export interface Decimal {
  decimal: string;
}
export type CsvCell = string | number | Decimal | null | undefined;
type Row = Partial<Record<(typeof REPORT_COLUMNS)[number], CsvCell>>;

const decimal = (cents: number): Decimal => ({ decimal: centsToDecimal(cents) });

/**
 * Where a spreadsheet may start a cell: the start of the field, and after each character some
 * reader splits on. A Belgian (nl-BE, fr-BE) spreadsheet splits a CSV on ";" and keeps "," as
 * text; others split on ","; pasting splits on tabs; a reader that ignores quotes splits lines.
 * A cell that starts, after spaces and quotes, with = + - @ (or their full-width forms), a tab
 * or a carriage return may be run as a formula (CSV injection), so each such start gets an
 * apostrophe, which spreadsheets read as "this cell is text" and do not show. (Inside a cell
 * that is not split, the apostrophe shows: the price of defusing every possible split.)
 */
const FORMULA_START = /(^|[;,\t\r\n])(?=(?:[^\S\t\r\n]|")*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/gu;

/**
 * One CSV field (RFC 4180). Text is always quoted, so that neither "," nor ";" inside it splits
 * the cell in any locale, and every segment a spreadsheet might split off is defused (above).
 * Numbers and decimal amounts are written bare, so that they stay numbers.
 */
export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`a CSV number must be finite, got ${value}`);
    return String(value);
  }
  if (typeof value === "object") {
    if (!/^-?\d+\.\d{2}$/.test(value.decimal)) throw new RangeError(`a CSV amount must be a plain decimal such as 72000.00, got ${JSON.stringify(value.decimal)}`);
    return value.decimal;
  }
  return `"${value.replace(FORMULA_START, "$1'").replace(/"/g, '""')}"`;
}

export async function justificationReport(ctx: Context, agreement: Agreement): Promise<{ filename: string; contentType: string; content: string }> {
  await assertCan(ctx, fundingReadFinancials, agreement);
  const rows: Row[] = [];
  const locale = ctx.locale;

  rows.push({
    section: "agreement",
    description: localize(agreement.title, locale),
    amount_eur: decimal(agreement.maxAmountCents),
    detail: `period ${agreement.periodStart} to ${agreement.periodEnd}; effort ${agreement.effortShareBp / 100}%, result ${agreement.resultShareBp / 100}%`,
  });

  for (const commitment of await commitmentsOfAgreement(ctx).load(agreement.id)) {
    const reference = `${commitment.kind.toLowerCase()} ${commitment.number}`;
    const description = localize(commitment.description, locale);
    const met = await commitmentMet(ctx, commitment);
    if (commitment.qualitative) {
      // Who judged is for those who may see who did what (audit.readActors); the rest see when.
      const judge = await actorVisibleTo(ctx, commitment.judgedBy);
      rows.push({
        section: "commitment",
        reference,
        description,
        status: commitment.status,
        evidence: commitment.evidence,
        detail: commitment.judgedAt ? `judged${judge ? ` by ${judge}` : ""} at ${commitment.judgedAt.toISOString()}` : "not judged yet",
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

  const invoiceRows: Invoice[] = await ctx.db
    .select()
    .from(invoicesTable)
    .where(eq(invoicesTable.agreementId, agreement.id))
    .orderBy(asc(invoicesTable.serviceDate), desc(invoicesTable.createdAt));
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
      amount_eur: decimal(invoice.amountCents),
      status: invoice.status,
      evidence: invoice.rejectionReason,
      detail: `service ${invoice.serviceDate}; boards ${served.map((r) => r.board.name).join("; ")}; ${history.map((h) => `${h.toStatus} by ${h.actorRole}`).join(" > ")}`,
    });
  }

  const settlement = await settlementOf(ctx, agreement, null);
  for (const line of settlement.explanation) {
    rows.push({ section: "settlement", reference: line.step, description: line.text, amount_eur: line.amountCents === null ? null : decimal(line.amountCents) });
  }

  // The header is ours and plain; every row's text is quoted and defused.
  const lines = [REPORT_COLUMNS.join(","), ...rows.map((row) => REPORT_COLUMNS.map((c) => csvField(row[c])).join(","))];
  return {
    filename: `justification-${agreement.periodStart}-${agreement.periodEnd}.csv`,
    contentType: "text/csv; charset=utf-8",
    content: `${lines.join("\r\n")}\r\n`,
  };
}
