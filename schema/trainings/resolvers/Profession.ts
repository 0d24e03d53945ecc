import { localized } from "../../shared/i18n.js";
import { toGlobalId } from "../../shared/relay.js";
import type { ProfessionResolvers } from "./../../types.generated.js";
import { publishedToday, viewerCanManagePlatform } from "../platform.service.js";

export const Profession: ProfessionResolvers = {
  id: (profession) => toGlobalId("Profession", profession.id),
  title: localized((row) => row.title),
  titleTranslations: ({ title }) => title,
  description: localized((row) => row.description),
  published: (profession) => publishedToday(profession),
  viewerCanUpdate: (_profession, _args, ctx) => viewerCanManagePlatform(ctx),
};
