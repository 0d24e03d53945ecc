import type { MutationResolvers } from "./../../../types.generated.js";
import { setFundingTerms as run } from "../../agreements.write.js";

export const setFundingTerms: NonNullable<MutationResolvers['setFundingTerms']> = async (_parent, { input }, ctx) => ({ agreement: await run(ctx, input) });
