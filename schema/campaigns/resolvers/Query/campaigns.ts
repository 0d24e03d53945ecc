import type { QueryResolvers } from "./../../../types.generated.js";
import { listCampaigns } from "../../campaigns.service.js";

export const campaigns: NonNullable<QueryResolvers['campaigns']> = async (_parent, args, ctx) => listCampaigns(ctx, args);
