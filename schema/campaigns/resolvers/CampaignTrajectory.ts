import type { CampaignTrajectoryResolvers } from "./../../types.generated.js";
export const CampaignTrajectory: CampaignTrajectoryResolvers = {
  /* Implement CampaignTrajectory resolver logic here */
  board: async (_parent, _arg, _ctx) => {
    /* CampaignTrajectory.board resolver is required because CampaignTrajectory.board exists but CampaignTrajectoryMapper.board does not */
  },
  campaign: async (_parent, _arg, _ctx) => {
    /* CampaignTrajectory.campaign resolver is required because CampaignTrajectory.campaign exists but CampaignTrajectoryMapper.campaign does not */
  },
  example: async (_parent, _arg, _ctx) => {
    /* CampaignTrajectory.example resolver is required because CampaignTrajectory.example exists but CampaignTrajectoryMapper.example does not */
  },
  partner: async (_parent, _arg, _ctx) => {
    /* CampaignTrajectory.partner resolver is required because CampaignTrajectory.partner exists but CampaignTrajectoryMapper.partner does not */
  },
};
