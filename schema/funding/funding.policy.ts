// Who may do what with a funding agreement. Its structure (tracks, actions, commitments and
// their progress) is public; its money (settlement, invoices, budget, co-financing, the report)
// is for the sector's consultants, admins, and the people of the agreement's parties.
import type { commitments } from "../../db/schema/funding.js";
import { type ActorOf, definePolicy, editors } from "../shared/policy.js";
import type { Agreement } from "./agreements.service.js";

type Partner = ActorOf<"PARTNER">;

/** A partner of the funder's or the beneficiary's organisation. */
const partyOf = { describe: "they act for the agreement's funder or beneficiary", when: (actor: Partner, agreement: Agreement) => isParty(actor, agreement) };

function isParty(actor: Partner, agreement: Agreement): boolean {
  return actor.organisationId === agreement.funderId || actor.organisationId === agreement.beneficiaryId;
}

export const fundingReadFinancials = definePolicy<Agreement>(
  "funding.readFinancials",
  "Read an agreement's settlement, invoices, budget and report",
  { ...editors, PARTNER: partyOf },
  "Only consultants, admins and the funder's and beneficiary's partners read this part of the agreement",
);

export interface CoFinancingScope {
  agreement: Agreement;
  /** The board whose entries are asked; null for every board the actor may see. */
  boardId: string | null;
}

export const coFinancingRead = definePolicy<CoFinancingScope>(
  "coFinancing.read",
  "Read an agreement's co-financing ledger",
  {
    ...editors,
    PARTNER: { describe: partyOf.describe, when: (actor, { agreement }) => isParty(actor, agreement) },
    BOARD_MEMBER: { describe: "the board is their own (without a board, they get their own)", when: (actor, { boardId }) => boardId === null || boardId === actor.boardId },
  },
  "Only consultants, admins, the agreement's partners and a board's own members read co-financing",
);

export const coFinancingRecord = definePolicy<Agreement>("coFinancing.record", "Record a co-financing entry", editors);
export const invoiceSubmit = definePolicy<Agreement>("invoice.submit", "Submit an invoice", editors);
/** An invoice's next step, with who took the steps before it: what the four-eyes rules look at. */
export interface InvoiceStep {
  agreement: Agreement;
  /** The subject who submitted the invoice, and who approved it (null until approved). */
  submittedBy: string | null;
  approvedBy: string | null;
}

type Editor = ActorOf<"ADMIN" | "CONSULTANT">;
const notSubmitter = { describe: "they did not submit the invoice (two people per payment)", when: (actor: Editor, step: InvoiceStep) => actor.subject !== step.submittedBy };
const notApprover = { describe: "they did not approve the invoice (two people per payment)", when: (actor: Editor, step: InvoiceStep) => actor.subject !== step.approvedBy };

export const invoiceApprove = definePolicy<InvoiceStep>(
  "invoice.approve",
  "Approve an invoice",
  { ADMIN: notSubmitter, CONSULTANT: notSubmitter },
  "An invoice is approved by a consultant or admin other than the one who submitted it",
);
export const invoicePay = definePolicy<InvoiceStep>(
  "invoice.pay",
  "Record an invoice's payment",
  { ADMIN: notApprover, CONSULTANT: notApprover },
  "An invoice's payment is recorded by a consultant or admin other than the one who approved it",
);
export const invoiceReject = definePolicy<InvoiceStep>("invoice.reject", "Reject an invoice", editors);
export const commitmentJudge = definePolicy<typeof commitments.$inferSelect>("commitment.judge", "Judge a qualitative commitment", editors);
