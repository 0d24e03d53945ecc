import type { QueryResolvers } from "./../../../types.generated.js";
import { listPublishedCampaignResults } from "../../results.service.js";

export const publishedCampaignResults: NonNullable<QueryResolvers['publishedCampaignResults']> = async (_parent, args, ctx) => listPublishedCampaignResults(ctx, args);
