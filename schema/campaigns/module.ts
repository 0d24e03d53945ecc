// The campaigns module: supporting campaigns such as "Duurzaam werkgeverschap" (seed 000), from
// applications through the selection, the sounding board's votes on the selected boards' pitches
// and the steering group's tie decisions, to results under embargo until they are published.
import { campaigns } from "../../db/schema/campaigns.js";
import { defineModule, seedOnce } from "../shared/module.js";
import { campaignEvents } from "./campaigns.events.js";
import { applicationRead, ballotCast, campaignApply, campaignManage, resultRead, tieDecide, voteCountsRead } from "./campaigns.policy.js";
import { findApplication, findCampaign, findCampaignTrajectory, findMeeting, findSteeringMember } from "./campaigns.service.js";
import { findCampaignResult } from "./results.service.js";
import { findPitch, findPitchOption } from "./votes.service.js";

export const campaignsModule = defineModule({
  name: "campaigns",
  nodes: {
    Campaign: findCampaign,
    CampaignApplication: findApplication,
    CampaignTrajectory: findCampaignTrajectory,
    SteeringGroupMember: findSteeringMember,
    CampaignMeeting: findMeeting,
    Pitch: findPitch,
    PitchOption: findPitchOption,
    CampaignResult: findCampaignResult,
  },
  events: campaignEvents,
  policies: [campaignManage, campaignApply, applicationRead, ballotCast, tieDecide, resultRead, voteCountsRead],
  access: [
    { field: "Query.campaigns", action: "public" },
    { field: "Query.selectionProposal", action: campaignManage },
    {
      field: "Query.campaignResults",
      action: resultRead,
      note: "published results are everyone's; unpublished ones only for those the embargo allows, in the list and in totalCount alike",
    },
    { field: "Query.publishedCampaignResults", action: "public", note: "the published results only, the same for every reader (cacheable)" },
    { field: "Campaign.applications", action: applicationRead, note: "a board member sees their own board's application; others an empty list" },
    {
      field: "Campaign.results",
      action: resultRead,
      note: "published results are everyone's; unpublished ones only for those the embargo allows; totalCount counts what the viewer sees",
    },
    { field: "Pitch.ballotCount", action: voteCountsRead, note: "everyone's once the vote is closed; while it is open null for those not allowed" },
    { field: "PitchOption.votes", action: voteCountsRead, note: "everyone's once the vote is closed; while it is open null for those not allowed" },
    { field: "Mutation.createCampaign", action: campaignManage },
    { field: "Mutation.updateCampaign", action: campaignManage },
    { field: "Mutation.applyToCampaign", action: campaignApply },
    { field: "Mutation.updateCampaignApplication", action: campaignApply, note: "scores and groups: consultants and admins only" },
    { field: "Mutation.confirmSelection", action: campaignManage },
    { field: "Mutation.addSteeringGroupMember", action: campaignManage },
    { field: "Mutation.removeSteeringGroupMember", action: campaignManage },
    { field: "Mutation.planCampaignMeeting", action: campaignManage },
    { field: "Mutation.recordPitch", action: campaignManage },
    { field: "Mutation.castBallot", action: ballotCast },
    { field: "Mutation.recordTieDecision", action: tieDecide },
    { field: "Mutation.closeVote", action: campaignManage },
    { field: "Mutation.createCampaignResult", action: campaignManage },
    { field: "Mutation.updateCampaignResult", action: campaignManage },
    { field: "Mutation.publishResult", action: campaignManage },
  ],
  // Seed data is imported when a seed runs: serving requests (a Lambda cold start) never loads it.
  seed: {
    // Once: the campaign as the source gives it, on a database that has none yet.
    sources: seedOnce(campaigns, "campaigns", async (tx) => (await import("../../db/seed/campaigns.js")).seedCampaigns(tx)),
  },
});
