// Who may do what with a funding agreement. Its structure (tracks, actions, commitments and
// their progress) is public; its money (settlement, invoices, budget, co-financing, overhead,
// the report) is for the sector's consultants, admins, the people of the agreement's parties
// and of its steering group (the social partners manage the means jointly). The sector
// justifies (consultants propose judgements, submit and pay invoices, enter agreements); the
// funder judges (accepts or refuses proposals, sets the overhead ceiling, closes).

import { auditReadActors } from "../audit/audit.policy.js";
import type { Context } from "../shared/context.js";
import { type ActorOf, can, definePolicy, editors } from "../shared/policy.js";
import { type Agreement, steeringGroupOf } from "./agreements.service.js";

type Partner = ActorOf<"PARTNER">;

/** A partner of the funder's, the beneficiary's or a steering-group organisation. */
const partyOrSteering = {
  describe: "they act for the agreement's funder, its beneficiary or an organisation of its steering group (joint management)",
  when: (actor: Partner, agreement: Agreement, ctx: Context) => isPartyOrSteering(ctx, actor, agreement),
};

async function isPartyOrSteering(ctx: Context, actor: Partner, agreement: Agreement): Promise<boolean> {
  if (actor.organisationId === agreement.funderId || actor.organisationId === agreement.beneficiaryId) return true;
  const steering = await steeringGroupOf(ctx).load(agreement.id);
  return steering.some((member) => member.organisationId === actor.organisationId);
}

/** A partner of the funder's organisation: the funder's side. */
const funderSide = { describe: "they act for the agreement's funder", when: (actor: Partner, agreement: Agreement) => actor.organisationId === agreement.funderId };

export const fundingReadFinancials = definePolicy<Agreement>(
  "funding.readFinancials",
  "Read an agreement's settlement, invoices, budget, overhead and report",
  { ...editors, PARTNER: partyOrSteering },
  "Only consultants, admins and the partners of the agreement's parties and steering group read this part of the agreement",
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
    PARTNER: { describe: partyOrSteering.describe, when: (actor, { agreement }, ctx) => isPartyOrSteering(ctx, actor, agreement) },
    BOARD_MEMBER: { describe: "the board is their own (without a board, they get their own)", when: (actor, { boardId }) => boardId === null || boardId === actor.boardId },
  },
  "Only consultants, admins, the agreement's partners and a board's own members read co-financing",
);

export const coFinancingRecord = definePolicy<Agreement>("coFinancing.record", "Record or reverse a co-financing entry", editors);
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

export const commitmentPropose = definePolicy<Agreement>(
  "commitment.propose",
  "Propose a judgement of a qualitative commitment, with evidence",
  editors,
  "Only the sector's consultants and admins propose judgements; the funder's side decides on them",
);
export const commitmentJudge = definePolicy<Agreement>(
  "commitment.judge",
  "Accept or refuse a proposed judgement",
  { PARTNER: funderSide },
  "Only the funder's side (a partner of the agreement's funder) judges the sector's commitments",
);
export const commitmentReopen = definePolicy<Agreement>(
  "commitment.reopen",
  "Reopen a judged commitment",
  { ADMIN: true, PARTNER: funderSide },
  "Only the funder's side or an admin reopens a judgement",
);
export const overheadRecord = definePolicy<Agreement>("overhead.record", "Record or reverse an overhead cost", editors);
export const agreementEdit = definePolicy<Agreement | null>(
  "agreement.edit",
  "Enter or edit an agreement's terms, tracks, actions and commitments",
  editors,
  "Only the sector's consultants and admins enter agreements (Article 5: the sector prepares the next addendum)",
);
export const agreementSetTerms = definePolicy<Agreement>(
  "agreement.setTerms",
  "Set an agreement's overhead ceiling and reporting window",
  { PARTNER: funderSide },
  "Only the funder's side sets the overhead ceiling and the reporting window",
);
export const agreementClose = definePolicy<Agreement>(
  "agreement.close",
  "Close an agreement, freezing its final settlement",
  { PARTNER: funderSide },
  "Only the funder's side closes an agreement",
);
export const agreementReopen = definePolicy<Agreement>("agreement.reopen", "Reopen a closed agreement, with a reason", { ADMIN: true }, "Only an admin reopens a closed agreement");

/**
 * The person behind a step (a judgement, an invoice's approval or payment, a closing), for a
 * viewer who may see who did what (consultants, admins) or who reads this agreement's
 * financials (the auditor's report names them, so the API shows them to the same people).
 */
export async function actorVisibleFor(ctx: Context, agreement: Agreement | null, subject: string | null): Promise<string | null> {
  if (subject === null) return null;
  if (await can(ctx, auditReadActors, undefined)) return subject;
  return agreement && (await can(ctx, fundingReadFinancials, agreement)) ? subject : null;
}
