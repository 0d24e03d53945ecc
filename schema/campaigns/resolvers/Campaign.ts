import type { CampaignResolvers } from "./../../types.generated.js";
export const Campaign: CampaignResolvers = {
  /* Implement Campaign resolver logic here */
  applications: async (_parent, _arg, _ctx) => {
    /* Campaign.applications resolver is required because Campaign.applications exists but CampaignMapper.applications does not */
  },
  focus: ({ focus }, _arg, _ctx) => {
    /* Campaign.focus resolver is required because Campaign.focus and CampaignMapper.focus are not compatible */
    return focus;
  },
  meetings: async (_parent, _arg, _ctx) => {
    /* Campaign.meetings resolver is required because Campaign.meetings exists but CampaignMapper.meetings does not */
  },
  partner: async (_parent, _arg, _ctx) => {
    /* Campaign.partner resolver is required because Campaign.partner exists but CampaignMapper.partner does not */
  },
  pitches: async (_parent, _arg, _ctx) => {
    /* Campaign.pitches resolver is required because Campaign.pitches exists but CampaignMapper.pitches does not */
  },
  results: async (_parent, _arg, _ctx) => {
    /* Campaign.results resolver is required because Campaign.results exists but CampaignMapper.results does not */
  },
  selectedBoards: async (_parent, _arg, _ctx) => {
    /* Campaign.selectedBoards resolver is required because Campaign.selectedBoards exists but CampaignMapper.selectedBoards does not */
  },
  soundingBoard: async (_parent, _arg, _ctx) => {
    /* Campaign.soundingBoard resolver is required because Campaign.soundingBoard exists but CampaignMapper.soundingBoard does not */
  },
  status: async (_parent, _arg, _ctx) => {
    /* Campaign.status resolver is required because Campaign.status exists but CampaignMapper.status does not */
  },
  steeringGroup: async (_parent, _arg, _ctx) => {
    /* Campaign.steeringGroup resolver is required because Campaign.steeringGroup exists but CampaignMapper.steeringGroup does not */
  },
  title: ({ title }, _arg, _ctx) => {
    /* Campaign.title resolver is required because Campaign.title and CampaignMapper.title are not compatible */
    return title;
  },
  titleTranslations: async (_parent, _arg, _ctx) => {
    /* Campaign.titleTranslations resolver is required because Campaign.titleTranslations exists but CampaignMapper.titleTranslations does not */
  },
  viewerCanApply: async (_parent, _arg, _ctx) => {
    /* Campaign.viewerCanApply resolver is required because Campaign.viewerCanApply exists but CampaignMapper.viewerCanApply does not */
  },
  viewerCanManage: async (_parent, _arg, _ctx) => {
    /* Campaign.viewerCanManage resolver is required because Campaign.viewerCanManage exists but CampaignMapper.viewerCanManage does not */
  },
  viewerCanVote: async (_parent, _arg, _ctx) => {
    /* Campaign.viewerCanVote resolver is required because Campaign.viewerCanVote exists but CampaignMapper.viewerCanVote does not */
  },
};
