import { localeFromEnum, localize } from "../../shared/i18n.js";
import { toGlobalId } from "../../shared/relay.js";
import { commitmentsOfAction, partnersOfAction, trackLoader } from "../agreements.service.js";
import type { ActionResolvers } from "./../../types.generated.js";

export const Action: ActionResolvers = {
  id: (action) => toGlobalId("Action", action.id),
  title: ({ title }, { locale }, ctx) => localize(title, localeFromEnum(locale) ?? ctx.locale),
  titleTranslations: ({ title }) => title,
  description: ({ description }, { locale }, ctx) => localize(description, localeFromEnum(locale) ?? ctx.locale),
  otherPartners: ({ otherPartners }, { locale }, ctx) => localize(otherPartners, localeFromEnum(locale) ?? ctx.locale),
  track: async (action, _args, ctx) => (await trackLoader(ctx).load(action.trackId))!,
  partners: async (action, _args, ctx) => (await partnersOfAction(ctx).load(action.id)).map((p) => p.organisation),
  effortCommitments: (action, _args, ctx) => commitmentsOfAction(ctx).load(action.id),
};
