import { localized } from "../../shared/i18n.js";
import { toGlobalId } from "../../shared/relay.js";
import type { CampaignMeetingResolvers } from "./../../types.generated.js";
import { campaignOf } from "../campaigns.service.js";
import { pitchesOfMeeting } from "../votes.service.js";

export const CampaignMeeting: CampaignMeetingResolvers = {
  id: (meeting) => toGlobalId("CampaignMeeting", meeting.id),
  campaign: (meeting, _args, ctx) => campaignOf(ctx, meeting),
  title: localized((row) => row.title),
  pitches: (meeting, _args, ctx) => pitchesOfMeeting(ctx, meeting),
};
