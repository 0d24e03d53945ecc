import type { MutationResolvers } from "./../../../types.generated.js";
import { approveInvoice as approve } from "../../invoices.service.js";

export const approveInvoice: NonNullable<MutationResolvers['approveInvoice']> = async (_parent, { id }, ctx) => ({ invoice: await approve(ctx, { id }) });
