import type { MutationResolvers } from "./../../../types.generated.js";
import { createCampaign as run } from "../../campaigns.service.js";

export const createCampaign: NonNullable<MutationResolvers['createCampaign']> = async (_parent, { input }, ctx) => ({ campaign: await run(ctx, input) });
