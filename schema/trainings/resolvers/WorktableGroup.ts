import { actionLoader } from "../../funding/agreements.service.js";
import { organisationLoader } from "../../organisations/organisations.service.js";
import { localized } from "../../shared/i18n.js";
import { can } from "../../shared/policy.js";
import { toGlobalId } from "../../shared/relay.js";
import type { WorktableGroupResolvers } from "./../../types.generated.js";
import { worktableManage } from "../trainings.policy.js";
import { meetingsOfGroup } from "../worktables.service.js";

export const WorktableGroup: WorktableGroupResolvers = {
  id: (group) => toGlobalId("WorktableGroup", group.id),
  title: localized((row) => row.title),
  titleTranslations: ({ title }) => title,
  partner: ({ partnerId }, _args, ctx) => (partnerId ? organisationLoader(ctx).load(partnerId) : null),
  action: ({ actionId }, _args, ctx) => (actionId ? actionLoader(ctx).load(actionId) : null),
  meetings: (group, _args, ctx) => meetingsOfGroup(ctx, group),
  viewerCanUpdate: (_group, _args, ctx) => can(ctx, worktableManage, undefined),
};
