import { toGlobalId } from "../../shared/relay.js";
import { organisationLoader } from "../../organisations/organisations.service.js";
import { actionLoader } from "../agreements.service.js";
import { boardsServed, invoiceHistory } from "../invoices.service.js";
import { money } from "../../shared/money.js";
import type { InvoiceResolvers } from "./../../types.generated.js";

export const Invoice: InvoiceResolvers = {
  id: (invoice) => toGlobalId("Invoice", invoice.id),
  payee: async (invoice, _args, ctx) => (await organisationLoader(ctx).load(invoice.payeeId))!,
  action: async (invoice, _args, ctx) => (await actionLoader(ctx).load(invoice.actionId))!,
  boardsServed: async (invoice, _args, ctx) => (await boardsServed(ctx).load(invoice.id)).map((r) => r.board),
  amount: (invoice) => money(invoice.amountCents, invoice.currency),
  history: (invoice, _args, ctx) => invoiceHistory(ctx).load(invoice.id),
};
