import type { CampaignApplicationConnectionResolvers } from "./../../types.generated.js";
export const CampaignApplicationConnection: CampaignApplicationConnectionResolvers = {
  /* Implement CampaignApplicationConnection resolver logic here */
  totalCount: ({ totalCount }, _arg, _ctx) => {
    /* CampaignApplicationConnection.totalCount resolver is required because CampaignApplicationConnection.totalCount and CampaignApplicationConnectionMapper.totalCount are not compatible */
    return totalCount;
  },
};
