import { organisationLoader } from "../../organisations/organisations.service.js";
import { toGlobalId } from "../../shared/relay.js";
import type { LearningSessionResolvers } from "./../../types.generated.js";
import { projectLoader, themeOf } from "../calls.service.js";
import { sessionBoardsOf } from "../projects.service.js";

export const LearningSession: LearningSessionResolvers = {
  id: (session) => toGlobalId("LearningSession", session.id),
  theme: (session, _args, ctx) => themeOf(ctx, session),
  project: ({ projectId }, _args, ctx) => (projectId ? projectLoader(ctx).load(projectId) : null),
  expert: ({ expertId }, _args, ctx) => (expertId ? organisationLoader(ctx).load(expertId) : null),
  boards: (session, _args, ctx) => sessionBoardsOf(ctx, session),
};
