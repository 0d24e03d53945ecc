import type { MutationResolvers } from "./../../../types.generated.js";
import { createCampaignResult as run } from "../../results.service.js";

export const createCampaignResult: NonNullable<MutationResolvers['createCampaignResult']> = async (_parent, { input }, ctx) => ({ result: await run(ctx, input) });
