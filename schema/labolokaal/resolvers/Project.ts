import { boardLoader } from "../../boards/boards.service.js";
import { organisationLoader } from "../../organisations/organisations.service.js";
import { money } from "../../shared/money.js";
import { toGlobalId } from "../../shared/relay.js";
import type { ProjectResolvers } from "./../../types.generated.js";
import { callOf, themeOf } from "../calls.service.js";
import { coachingSessionsHeld, coachingSessionsOf, collectiveSessionsAttended, finalReportOf, ownContributionChargeOf } from "../projects.service.js";

export const Project: ProjectResolvers = {
  id: (project) => toGlobalId("Project", project.id),
  board: async ({ boardId }, _args, ctx) => {
    const board = await boardLoader(ctx).load(boardId);
    if (!board) throw new Error(`board ${boardId} is missing`);
    return board;
  },
  theme: (project, _args, ctx) => themeOf(ctx, project),
  call: (project, _args, ctx) => callOf(ctx, project),
  expert: async ({ expertId }, _args, ctx) => {
    const expert = await organisationLoader(ctx).load(expertId);
    if (!expert) throw new Error(`organisation ${expertId} is missing`);
    return expert;
  },
  support: ({ supportCents, currency }) => money(supportCents, currency),
  ownContribution: ({ ownContributionCents, currency }) => money(ownContributionCents, currency),
  ownContributionCharge: (project, _args, ctx) => ownContributionChargeOf(ctx, project),
  coachingSessions: (project, _args, ctx) => coachingSessionsOf(ctx, project),
  collectiveSessionsAttended: (project, _args, ctx) => collectiveSessionsAttended(ctx, project),
  coachingSessionsHeld: (project, _args, ctx) => coachingSessionsHeld(ctx, project),
  finalReport: (project, _args, ctx) => finalReportOf(ctx, project),
};
