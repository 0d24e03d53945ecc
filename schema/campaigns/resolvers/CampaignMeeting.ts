import type { CampaignMeetingResolvers } from "./../../types.generated.js";
export const CampaignMeeting: CampaignMeetingResolvers = {
  /* Implement CampaignMeeting resolver logic here */
  campaign: async (_parent, _arg, _ctx) => {
    /* CampaignMeeting.campaign resolver is required because CampaignMeeting.campaign exists but CampaignMeetingMapper.campaign does not */
  },
  pitches: async (_parent, _arg, _ctx) => {
    /* CampaignMeeting.pitches resolver is required because CampaignMeeting.pitches exists but CampaignMeetingMapper.pitches does not */
  },
  title: ({ title }, _arg, _ctx) => {
    /* CampaignMeeting.title resolver is required because CampaignMeeting.title and CampaignMeetingMapper.title are not compatible */
    return title;
  },
};
