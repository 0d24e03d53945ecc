import type { CampaignResultConnectionResolvers } from "./../../types.generated.js";
export const CampaignResultConnection: CampaignResultConnectionResolvers = {
  /* Implement CampaignResultConnection resolver logic here */
  totalCount: ({ totalCount }, _arg, _ctx) => {
    /* CampaignResultConnection.totalCount resolver is required because CampaignResultConnection.totalCount and CampaignResultConnectionMapper.totalCount are not compatible */
    return totalCount;
  },
};
