import { rejectInvoice as reject } from "../../invoices.service.js";
import type { MutationResolvers } from "./../../../types.generated.js";

export const rejectInvoice: NonNullable<MutationResolvers['rejectInvoice']> = async (_parent, { input }, ctx) => ({ invoice: await reject(ctx, input) });
