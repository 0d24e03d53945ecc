import { localized } from "../../shared/i18n.js";
import { toGlobalId } from "../../shared/relay.js";
import type { ActionResolvers } from "./../../types.generated.js";
import { commitmentsOfAction, partnersOfAction, trackLoader } from "../agreements.service.js";

export const Action: ActionResolvers = {
  id: (action) => toGlobalId("Action", action.id),
  title: localized((row) => row.title),
  titleTranslations: ({ title }) => title,
  description: localized((row) => row.description),
  otherPartners: localized((row) => row.otherPartners),
  track: async (action, _args, ctx) => (await trackLoader(ctx).load(action.trackId))!,
  partners: async (action, _args, ctx) => (await partnersOfAction(ctx).load(action.id)).map((p) => p.organisation),
  effortCommitments: (action, _args, ctx) => commitmentsOfAction(ctx).load(action.id),
};
