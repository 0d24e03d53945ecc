import type { MutationResolvers } from "./../../../types.generated.js";
import { payInvoice as pay } from "../../invoices.service.js";

export const payInvoice: NonNullable<MutationResolvers['payInvoice']> = async (_parent, { id }, ctx) => ({ invoice: await pay(ctx, { id }) });
