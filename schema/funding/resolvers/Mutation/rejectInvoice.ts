import type { MutationResolvers } from "./../../../types.generated.js";
import { rejectInvoice as reject } from "../../invoices.service.js";

export const rejectInvoice: NonNullable<MutationResolvers['rejectInvoice']> = async (_parent, { input }, ctx) => ({ invoice: await reject(ctx, input) });
