import type { MutationResolvers } from "./../../../types.generated.js";
import { updateCampaignApplication as run } from "../../campaigns.service.js";

export const updateCampaignApplication: NonNullable<MutationResolvers['updateCampaignApplication']> = async (_parent, { input }, ctx) => ({ application: await run(ctx, input) });
