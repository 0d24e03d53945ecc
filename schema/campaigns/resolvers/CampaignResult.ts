import type { CampaignResultResolvers } from "./../../types.generated.js";
export const CampaignResult: CampaignResultResolvers = {
  /* Implement CampaignResult resolver logic here */
  board: async (_parent, _arg, _ctx) => {
    /* CampaignResult.board resolver is required because CampaignResult.board exists but CampaignResultMapper.board does not */
  },
  campaign: async (_parent, _arg, _ctx) => {
    /* CampaignResult.campaign resolver is required because CampaignResult.campaign exists but CampaignResultMapper.campaign does not */
  },
  description: ({ description }, _arg, _ctx) => {
    /* CampaignResult.description resolver is required because CampaignResult.description and CampaignResultMapper.description are not compatible */
    return description;
  },
  option: async (_parent, _arg, _ctx) => {
    /* CampaignResult.option resolver is required because CampaignResult.option exists but CampaignResultMapper.option does not */
  },
  title: ({ title }, _arg, _ctx) => {
    /* CampaignResult.title resolver is required because CampaignResult.title and CampaignResultMapper.title are not compatible */
    return title;
  },
  titleTranslations: async (_parent, _arg, _ctx) => {
    /* CampaignResult.titleTranslations resolver is required because CampaignResult.titleTranslations exists but CampaignResultMapper.titleTranslations does not */
  },
  viewerCanPublish: async (_parent, _arg, _ctx) => {
    /* CampaignResult.viewerCanPublish resolver is required because CampaignResult.viewerCanPublish exists but CampaignResultMapper.viewerCanPublish does not */
  },
};
