import type { MutationResolvers } from "./../../../types.generated.js";
import { updateAgreement } from "../../agreements.write.js";

export const updateFundingAgreement: NonNullable<MutationResolvers['updateFundingAgreement']> = async (_parent, { input }, ctx) => ({ agreement: await updateAgreement(ctx, input) });
