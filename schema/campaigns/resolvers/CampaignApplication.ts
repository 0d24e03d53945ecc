import { boardLoader } from "../../boards/boards.service.js";
import { toGlobalId } from "../../shared/relay.js";
import type { CampaignApplicationResolvers } from "./../../types.generated.js";
import { campaignOf } from "../campaigns.service.js";
import { populationClass } from "../selection.js";

const boardOf = async (boardId: string, ctx: Parameters<typeof boardLoader>[0]) => {
  const board = await boardLoader(ctx).load(boardId);
  if (!board) throw new Error(`board ${boardId} is missing`);
  return board;
};

export const CampaignApplication: CampaignApplicationResolvers = {
  id: (application) => toGlobalId("CampaignApplication", application.id),
  campaign: (application, _args, ctx) => campaignOf(ctx, application),
  board: ({ boardId }, _args, ctx) => boardOf(boardId, ctx),
  group: ({ groupLabel }) => groupLabel,
  populationClass: async ({ boardId }, _args, ctx) => populationClass((await boardOf(boardId, ctx)).population),
  appliedAt: ({ createdAt }) => createdAt,
};
