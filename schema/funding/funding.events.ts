// The funding module's events. Money events are for those who read the agreement's financials
// (checked per event by every channel that delivers them); a judgement's status is as public
// as the commitment it judges, but not who judged.
import { z } from "zod";
import type { Context } from "../shared/context.js";
import { defineEvent } from "../shared/events.js";
import { fromGlobalId } from "../shared/relay.js";
import { agreementLoader } from "./agreements.service.js";
import { coFinancingRead, fundingReadFinancials } from "./funding.policy.js";

const agreementOf = (ctx: Context, agreementId: string) => {
  const parsed = fromGlobalId(agreementId);
  return parsed ? agreementLoader(ctx).load(parsed.id) : Promise.resolve(null);
};

const invoicePayload = z.strictObject({
  invoiceId: z.string(),
  agreementId: z.string(),
  actionId: z.string(),
  status: z.enum(["SUBMITTED", "APPROVED", "PAID", "REJECTED"]),
  amountCents: z.number().int(),
  currency: z.string(),
});

const invoiceEvent = (status: string, description: string) =>
  defineEvent({
    name: `invoice.${status}`,
    version: 1,
    entityType: "Invoice",
    description,
    payload: invoicePayload,
    audience: { action: fundingReadFinancials, resource: (ctx, payload) => agreementOf(ctx, payload.agreementId) },
  });

export const invoiceSubmitted = invoiceEvent("submitted", "An invoice was submitted.");
export const invoiceApproved = invoiceEvent("approved", "An invoice was approved; its amount now counts as approved costs.");
export const invoicePaid = invoiceEvent("paid", "An invoice's payment was recorded.");
export const invoiceRejected = invoiceEvent("rejected", "An invoice was rejected.");

export const invoiceEvents = { SUBMITTED: invoiceSubmitted, APPROVED: invoiceApproved, PAID: invoicePaid, REJECTED: invoiceRejected } as const;

const judgementStatus = z.enum(["OPEN", "JUSTIFIED", "NOT_JUSTIFIED"]);

export const commitmentProposed = defineEvent({
  name: "commitment.proposed",
  version: 1,
  entityType: "Commitment",
  description: "The sector proposed a judgement of a qualitative commitment, for the funder's side to decide.",
  payload: z.strictObject({ commitmentId: z.string(), agreementId: z.string(), proposedStatus: judgementStatus }),
  audience: "public",
});

export const commitmentJudged = defineEvent({
  name: "commitment.judged",
  version: 2,
  entityType: "Commitment",
  description: "The funder's side accepted or refused a proposed judgement, or a judgement was reopened; status is the judgement in force after it.",
  payload: z.strictObject({ commitmentId: z.string(), agreementId: z.string(), decision: z.enum(["ACCEPTED", "REFUSED", "REOPENED"]), status: judgementStatus }),
  audience: "public",
});

export const coFinancingRecorded = defineEvent({
  name: "coFinancing.recorded",
  version: 2,
  entityType: "CoFinancingEntry",
  description: "A board's co-financing charge or payment was recorded, or a wrong entry reversed (reversesId).",
  payload: z.strictObject({
    entryId: z.string(),
    agreementId: z.string(),
    boardId: z.string(),
    actionId: z.string(),
    kind: z.enum(["PARTICIPATION_FEE", "OWN_CONTRIBUTION"]),
    type: z.enum(["CHARGE", "PAYMENT"]),
    amountCents: z.number().int(),
    chargeId: z.string().nullable(),
    reversesId: z.string().nullable(),
  }),
  audience: {
    action: coFinancingRead,
    resource: async (ctx, payload) => {
      const agreement = await agreementOf(ctx, payload.agreementId);
      return agreement ? { agreement, boardId: fromGlobalId(payload.boardId)?.id ?? null } : null;
    },
  },
});

const financialReaders = { action: fundingReadFinancials, resource: (ctx: Context, payload: { agreementId: string }) => agreementOf(ctx, payload.agreementId) };

export const overheadRecorded = defineEvent({
  name: "overhead.recorded",
  version: 1,
  entityType: "OverheadCost",
  description: "An overhead cost was recorded, or a wrong one reversed (reversesId).",
  payload: z.strictObject({
    entryId: z.string(),
    agreementId: z.string(),
    actionId: z.string().nullable(),
    amountCents: z.number().int(),
    currency: z.string(),
    reversesId: z.string().nullable(),
  }),
  audience: financialReaders,
});

export const agreementChanged = defineEvent({
  name: "agreement.changed",
  version: 1,
  entityType: "FundingAgreement",
  description: "An agreement, one of its tracks, actions or commitments was created, updated or removed (the structure is public).",
  payload: z.strictObject({
    agreementId: z.string(),
    entity: z.enum(["FundingAgreement", "Track", "Action", "Commitment"]),
    entityId: z.string(),
    operation: z.enum(["CREATED", "UPDATED", "REMOVED"]),
  }),
  audience: "public",
});

export const fundingTermsSet = defineEvent({
  name: "agreement.termsSet",
  version: 1,
  entityType: "FundingAgreement",
  description: "The funder's side set the overhead ceiling or the reporting window.",
  payload: z.strictObject({ agreementId: z.string(), overheadCeilingCents: z.number().int().nullable(), reportingWindowDays: z.number().int() }),
  audience: financialReaders,
});

export const agreementClosed = defineEvent({
  name: "agreement.closed",
  version: 1,
  entityType: "FundingAgreement",
  description: "The funder's side closed the agreement; its final settlement is frozen.",
  payload: z.strictObject({ agreementId: z.string(), payableCents: z.number().int(), currency: z.string() }),
  audience: financialReaders,
});

export const agreementReopened = defineEvent({
  name: "agreement.reopened",
  version: 1,
  entityType: "FundingAgreement",
  description: "An admin reopened a closed agreement (the reason is in the agreement's closings, not here).",
  payload: z.strictObject({ agreementId: z.string() }),
  audience: financialReaders,
});
