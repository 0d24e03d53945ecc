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

export const commitmentJudged = defineEvent({
  name: "commitment.judged",
  version: 1,
  entityType: "Commitment",
  description: "A qualitative commitment was judged (or reopened).",
  payload: z.strictObject({ commitmentId: z.string(), agreementId: z.string(), status: z.enum(["OPEN", "JUSTIFIED", "NOT_JUSTIFIED"]) }),
  audience: "public",
});

export const coFinancingRecorded = defineEvent({
  name: "coFinancing.recorded",
  version: 1,
  entityType: "CoFinancingEntry",
  description: "A board's co-financing charge or payment was recorded.",
  payload: z.strictObject({
    entryId: z.string(),
    agreementId: z.string(),
    boardId: z.string(),
    actionId: z.string(),
    kind: z.enum(["PARTICIPATION_FEE", "OWN_CONTRIBUTION"]),
    type: z.enum(["CHARGE", "PAYMENT"]),
    amountCents: z.number().int(),
  }),
  audience: {
    action: coFinancingRead,
    resource: async (ctx, payload) => {
      const agreement = await agreementOf(ctx, payload.agreementId);
      return agreement ? { agreement, boardId: fromGlobalId(payload.boardId)?.id ?? null } : null;
    },
  },
});
