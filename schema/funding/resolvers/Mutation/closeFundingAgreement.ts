import type { MutationResolvers } from "./../../../types.generated.js";
import { closeAgreement } from "../../closing.service.js";

export const closeFundingAgreement: NonNullable<MutationResolvers['closeFundingAgreement']> = async (_parent, { id }, ctx) => ({ agreement: await closeAgreement(ctx, { id }) });
