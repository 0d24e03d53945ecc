// The guards every write to an agreement passes: the agreement is open (a closed agreement's
// invoices, judgements, ledgers and terms never change until an admin reopens it), and its
// money terms are not yet locked by an approved invoice.
import { and, eq, exists, inArray } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { fundingAgreements, invoices } from "../../db/schema/funding.js";
import { conflict, notFound } from "../shared/errors.js";
import { defineLoader } from "../shared/loaders.js";
import type { Agreement } from "./agreements.service.js";

/**
 * Reads the agreement inside the write's transaction and locks its row: FOR SHARE for a write
 * that only needs it to stay open (so closing waits for it, and it for closing), FOR UPDATE
 * for one that serialises with others of the same agreement. NOT_FOUND when it does not
 * exist; CONFLICT when it is closed.
 */
export async function lockOpenAgreement(tx: Tx, agreementId: string, field: string, mode: "share" | "update" = "share"): Promise<Agreement> {
  const [agreement] = await tx.select().from(fundingAgreements).where(eq(fundingAgreements.id, agreementId)).for(mode);
  if (!agreement) throw notFound("FundingAgreement", field);
  assertOpen(agreement, field);
  return agreement;
}

/** CONFLICT when the agreement is closed. */
export function assertOpen(agreement: Agreement, field: string): void {
  if (agreement.status === "CLOSED") {
    throw conflict(field, "The agreement is closed: its final settlement is frozen and nothing of it changes until an admin reopens it");
  }
}

/** Whether an invoice of the agreement has been approved (or paid): from then on its money terms are fixed. */
export async function moneyTermsLocked(tx: Tx, agreementId: string): Promise<boolean> {
  const [row] = await tx
    .select({
      locked: exists(
        tx
          .select({ one: invoices.id })
          .from(invoices)
          .where(and(eq(invoices.agreementId, agreementId), inArray(invoices.status, ["APPROVED", "PAID"]))),
      ),
    })
    .from(fundingAgreements)
    .where(eq(fundingAgreements.id, agreementId));
  return Boolean(row?.locked);
}

/** CONFLICT when a money term (maximum, shares, period, commitments) would change after an approval. */
export async function assertMoneyTermsOpen(tx: Tx, agreementId: string, field: string, term: string): Promise<void> {
  if (await moneyTermsLocked(tx, agreementId)) {
    throw conflict(field, `An invoice of this agreement has been approved, so its ${term} no longer change`);
  }
}

/** Today's date in Brussels, as YYYY-MM-DD: the day against which periods are judged. */
export function todayInBrussels(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Brussels", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** Per agreement, whether an invoice has been approved (or paid): batched for lists of agreements. */
export const moneyTermsLockedLoader = defineLoader<string, boolean>(async (ctx, agreementIds) => {
  const rows = await ctx.db
    .selectDistinct({ agreementId: invoices.agreementId })
    .from(invoices)
    .where(and(inArray(invoices.agreementId, [...agreementIds]), inArray(invoices.status, ["APPROVED", "PAID"])));
  const locked = new Set(rows.map((r) => r.agreementId));
  return agreementIds.map((id) => locked.has(id));
});
