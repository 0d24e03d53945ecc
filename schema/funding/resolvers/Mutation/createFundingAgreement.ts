import type { MutationResolvers } from "./../../../types.generated.js";
import { createAgreement } from "../../agreements.write.js";

export const createFundingAgreement: NonNullable<MutationResolvers['createFundingAgreement']> = async (_parent, { input }, ctx) => ({ agreement: await createAgreement(ctx, input) });
