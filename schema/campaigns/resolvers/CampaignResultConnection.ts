import type { CampaignResultConnectionResolvers } from "./../../types.generated.js";

export const CampaignResultConnection: CampaignResultConnectionResolvers = {
  totalCount: ({ totalCount }) => totalCount(),
};
