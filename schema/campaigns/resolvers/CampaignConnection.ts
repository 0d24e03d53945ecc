import type { CampaignConnectionResolvers } from "./../../types.generated.js";
export const CampaignConnection: CampaignConnectionResolvers = {
  /* Implement CampaignConnection resolver logic here */
  totalCount: ({ totalCount }, _arg, _ctx) => {
    /* CampaignConnection.totalCount resolver is required because CampaignConnection.totalCount and CampaignConnectionMapper.totalCount are not compatible */
    return totalCount;
  },
};
