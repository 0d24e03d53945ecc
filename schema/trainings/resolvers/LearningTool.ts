import { actionLoader } from "../../funding/agreements.service.js";
import { organisationLoader } from "../../organisations/organisations.service.js";
import { localized } from "../../shared/i18n.js";
import { toGlobalId } from "../../shared/relay.js";
import type { LearningToolResolvers } from "./../../types.generated.js";
import { publishedToday, viewerCanManagePlatform } from "../platform.service.js";

export const LearningTool: LearningToolResolvers = {
  id: (tool) => toGlobalId("LearningTool", tool.id),
  title: localized((row) => row.title),
  titleTranslations: ({ title }) => title,
  description: localized((row) => row.description),
  provider: ({ providerId }, _args, ctx) => (providerId ? organisationLoader(ctx).load(providerId) : null),
  action: ({ actionId }, _args, ctx) => (actionId ? actionLoader(ctx).load(actionId) : null),
  published: (tool) => publishedToday(tool),
  viewerCanUpdate: (_tool, _args, ctx) => viewerCanManagePlatform(ctx),
};
