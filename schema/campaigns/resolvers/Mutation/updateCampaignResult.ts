import type { MutationResolvers } from "./../../../types.generated.js";
import { updateCampaignResult as run } from "../../results.service.js";

export const updateCampaignResult: NonNullable<MutationResolvers['updateCampaignResult']> = async (_parent, { input }, ctx) => ({ result: await run(ctx, input) });
