import type { MutationResolvers } from "./../../../types.generated.js";
import { planCampaignMeeting as run } from "../../campaigns.service.js";

export const planCampaignMeeting: NonNullable<MutationResolvers['planCampaignMeeting']> = async (_parent, { input }, ctx) => ({ meeting: await run(ctx, input) });
