import { organisationLoader } from "../../organisations/organisations.service.js";
import { localized } from "../../shared/i18n.js";
import { toGlobalId } from "../../shared/relay.js";
import type { CampaignResolvers } from "./../../types.generated.js";
import { applicationsOf, campaignStatus, meetingsOf, selectedBoardsOf, soundingBoardOf, steeringGroupOf, viewerCanApply, viewerCanManage } from "../campaigns.service.js";
import { resultsOfCampaign } from "../results.service.js";
import { pitchesOfCampaign, viewerCanVote } from "../votes.service.js";

export const Campaign: CampaignResolvers = {
  id: (campaign) => toGlobalId("Campaign", campaign.id),
  title: localized((row) => row.title),
  titleTranslations: ({ title }) => title,
  focus: localized((row) => row.focus),
  partner: ({ partnerId }, _args, ctx) => (partnerId ? organisationLoader(ctx).load(partnerId) : null),
  status: (campaign) => campaignStatus(campaign),
  applications: (campaign, args, ctx) => applicationsOf(ctx, campaign, args),
  selectedBoards: (campaign, _args, ctx) => selectedBoardsOf(ctx, campaign),
  soundingBoard: (campaign, _args, ctx) => soundingBoardOf(ctx, campaign),
  steeringGroup: (campaign, _args, ctx) => steeringGroupOf(ctx, campaign),
  meetings: (campaign, _args, ctx) => meetingsOf(ctx, campaign),
  pitches: (campaign, _args, ctx) => pitchesOfCampaign(ctx, campaign),
  results: (campaign, args, ctx) => resultsOfCampaign(ctx, campaign, args),
  viewerCanApply: (campaign, _args, ctx) => viewerCanApply(ctx, campaign),
  viewerCanVote: (campaign, _args, ctx) => viewerCanVote(ctx, campaign),
  viewerCanManage: (_campaign, _args, ctx) => viewerCanManage(ctx),
};
