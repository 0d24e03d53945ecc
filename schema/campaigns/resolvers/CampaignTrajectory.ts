import { boardLoader } from "../../boards/boards.service.js";
import { organisationLoader } from "../../organisations/organisations.service.js";
import { toGlobalId } from "../../shared/relay.js";
import type { CampaignTrajectoryResolvers } from "./../../types.generated.js";
import { campaignOf, trajectoryIsExample } from "../campaigns.service.js";

export const CampaignTrajectory: CampaignTrajectoryResolvers = {
  id: (trajectory) => toGlobalId("CampaignTrajectory", trajectory.id),
  campaign: (trajectory, _args, ctx) => campaignOf(ctx, trajectory),
  board: async ({ boardId }, _args, ctx) => (await boardLoader(ctx).load(boardId))!,
  partner: ({ partnerId }, _args, ctx) => (partnerId ? organisationLoader(ctx).load(partnerId) : null),
  example: (trajectory, _args, ctx) => trajectoryIsExample(ctx, trajectory),
};
