import type { CampaignApplicationResolvers } from "./../../types.generated.js";
export const CampaignApplication: CampaignApplicationResolvers = {
  /* Implement CampaignApplication resolver logic here */
  appliedAt: async (_parent, _arg, _ctx) => {
    /* CampaignApplication.appliedAt resolver is required because CampaignApplication.appliedAt exists but CampaignApplicationMapper.appliedAt does not */
  },
  board: async (_parent, _arg, _ctx) => {
    /* CampaignApplication.board resolver is required because CampaignApplication.board exists but CampaignApplicationMapper.board does not */
  },
  campaign: async (_parent, _arg, _ctx) => {
    /* CampaignApplication.campaign resolver is required because CampaignApplication.campaign exists but CampaignApplicationMapper.campaign does not */
  },
  group: async (_parent, _arg, _ctx) => {
    /* CampaignApplication.group resolver is required because CampaignApplication.group exists but CampaignApplicationMapper.group does not */
  },
  populationClass: async (_parent, _arg, _ctx) => {
    /* CampaignApplication.populationClass resolver is required because CampaignApplication.populationClass exists but CampaignApplicationMapper.populationClass does not */
  },
};
