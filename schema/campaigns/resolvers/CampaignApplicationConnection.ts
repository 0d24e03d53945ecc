import type { CampaignApplicationConnectionResolvers } from "./../../types.generated.js";

export const CampaignApplicationConnection: CampaignApplicationConnectionResolvers = {
  totalCount: ({ totalCount }) => totalCount(),
};
