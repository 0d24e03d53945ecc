import type { MutationResolvers } from "./../../../types.generated.js";
import { submitInvoice as submit } from "../../invoices.service.js";

export const submitInvoice: NonNullable<MutationResolvers['submitInvoice']> = async (_parent, { input }, ctx) => ({ invoice: await submit(ctx, input) });
