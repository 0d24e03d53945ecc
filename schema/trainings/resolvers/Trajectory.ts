import { actionLoader } from "../../funding/agreements.service.js";
import { organisationLoader } from "../../organisations/organisations.service.js";
import { localized } from "../../shared/i18n.js";
import { can } from "../../shared/policy.js";
import { toGlobalId } from "../../shared/relay.js";
import type { TrajectoryResolvers } from "./../../types.generated.js";
import { trajectoryManage } from "../trainings.policy.js";
import { feeOf } from "../trainings.service.js";
import { participationsOf, sessionsOf } from "../trajectories.service.js";

export const Trajectory: TrajectoryResolvers = {
  id: (trajectory) => toGlobalId("Trajectory", trajectory.id),
  title: localized((row) => row.title),
  titleTranslations: ({ title }) => title,
  description: localized((row) => row.description),
  partner: ({ partnerId }, _args, ctx) => (partnerId ? organisationLoader(ctx).load(partnerId) : null),
  action: ({ actionId }, _args, ctx) => (actionId ? actionLoader(ctx).load(actionId) : null),
  fee: (trajectory) => feeOf(trajectory),
  participations: (trajectory, args, ctx) => participationsOf(ctx, trajectory, args),
  sessions: (trajectory, args, ctx) => sessionsOf(ctx, trajectory, args),
  viewerCanUpdate: (_trajectory, _args, ctx) => can(ctx, trajectoryManage, undefined),
};
