import { approveInvoice as approve } from "../../invoices.service.js";
import type { MutationResolvers } from "./../../../types.generated.js";

export const approveInvoice: NonNullable<MutationResolvers['approveInvoice']> = async (_parent, { id }, ctx) => ({ invoice: await approve(ctx, { id }) });
