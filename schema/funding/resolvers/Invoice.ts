import { organisationLoader } from "../../organisations/organisations.service.js";
import { money } from "../../shared/money.js";
import { toGlobalId } from "../../shared/relay.js";
import type { InvoiceResolvers } from "./../../types.generated.js";
import { actionLoader } from "../agreements.service.js";
import { invoiceApprove, invoicePay, invoiceReject } from "../funding.policy.js";
import { boardsServed, invoiceHistory, viewerCanMove } from "../invoices.service.js";

export const Invoice: InvoiceResolvers = {
  id: (invoice) => toGlobalId("Invoice", invoice.id),
  payee: async (invoice, _args, ctx) => (await organisationLoader(ctx).load(invoice.payeeId))!,
  action: async (invoice, _args, ctx) => (await actionLoader(ctx).load(invoice.actionId))!,
  boardsServed: async (invoice, _args, ctx) => (await boardsServed(ctx).load(invoice.id)).map((r) => r.board),
  amount: (invoice) => money(invoice.amountCents, invoice.currency),
  history: (invoice, _args, ctx) => invoiceHistory(ctx).load(invoice.id),
  viewerCanApprove: (invoice, _args, ctx) => viewerCanMove(ctx, invoice, invoiceApprove, "SUBMITTED"),
  viewerCanPay: (invoice, _args, ctx) => viewerCanMove(ctx, invoice, invoicePay, "APPROVED"),
  viewerCanReject: (invoice, _args, ctx) => viewerCanMove(ctx, invoice, invoiceReject, "SUBMITTED"),
};
