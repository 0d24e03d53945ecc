import type { QueryResolvers } from "./../../../types.generated.js";
import { listCampaignResults } from "../../results.service.js";

export const campaignResults: NonNullable<QueryResolvers['campaignResults']> = async (_parent, args, ctx) => listCampaignResults(ctx, args);
