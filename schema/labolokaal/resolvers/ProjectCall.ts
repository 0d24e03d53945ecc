import { localized } from "../../shared/i18n.js";
import { money } from "../../shared/money.js";
import { toGlobalId } from "../../shared/relay.js";
import type { ProjectCallResolvers } from "./../../types.generated.js";
import { applicationsOfCall, callStatus, themeOf, viewerCanApply } from "../calls.service.js";

export const ProjectCall: ProjectCallResolvers = {
  id: (call) => toGlobalId("ProjectCall", call.id),
  theme: (call, _args, ctx) => themeOf(ctx, call),
  title: localized((row) => row.title),
  description: localized((row) => row.description),
  status: (call) => callStatus(call),
  support: ({ supportCents, currency }) => money(supportCents, currency),
  ownContribution: ({ ownContributionCents, currency }) => money(ownContributionCents, currency),
  applications: (call, _args, ctx) => applicationsOfCall(ctx, call),
  viewerCanApply: (call, _args, ctx) => viewerCanApply(ctx, call),
};
