import type { MutationResolvers } from "./../../../types.generated.js";
import { applyToCampaign as run } from "../../campaigns.service.js";

export const applyToCampaign: NonNullable<MutationResolvers['applyToCampaign']> = async (_parent, { input }, ctx) => ({ application: await run(ctx, input) });
