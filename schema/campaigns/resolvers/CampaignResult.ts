import { boardLoader } from "../../boards/boards.service.js";
import { localized } from "../../shared/i18n.js";
import { toGlobalId } from "../../shared/relay.js";
import type { CampaignResultResolvers } from "./../../types.generated.js";
import { campaignOfResult, optionOfResult, viewerCanPublish } from "../results.service.js";

export const CampaignResult: CampaignResultResolvers = {
  id: (result) => toGlobalId("CampaignResult", result.id),
  campaign: (result, _args, ctx) => campaignOfResult(ctx, result),
  board: ({ boardId }, _args, ctx) => (boardId ? boardLoader(ctx).load(boardId) : null),
  option: (result, _args, ctx) => optionOfResult(ctx, result),
  title: localized((row) => row.title),
  titleTranslations: ({ title }) => title,
  description: localized((row) => row.description),
  viewerCanPublish: (result, _args, ctx) => viewerCanPublish(ctx, result),
};
