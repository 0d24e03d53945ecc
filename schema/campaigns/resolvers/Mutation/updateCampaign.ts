import type { MutationResolvers } from "./../../../types.generated.js";
import { updateCampaign as run } from "../../campaigns.service.js";

export const updateCampaign: NonNullable<MutationResolvers['updateCampaign']> = async (_parent, { input }, ctx) => ({ campaign: await run(ctx, input) });
