import { boardLoader } from "../../boards/boards.service.js";
import { organisationLoader } from "../../organisations/organisations.service.js";
import { can } from "../../shared/policy.js";
import { toGlobalId } from "../../shared/relay.js";
import type { TrainingSessionResolvers } from "./../../types.generated.js";
import { sessionEnrolments, viewerCanEnrol } from "../people.service.js";
import { trainingManage } from "../trainings.policy.js";
import { freePlacesOf, sessionCounts, trainingLoader } from "../trainings.service.js";

export const TrainingSession: TrainingSessionResolvers = {
  id: (session) => toGlobalId("TrainingSession", session.id),
  training: async ({ trainingId }, _args, ctx) => (await trainingLoader(ctx).load(trainingId))!,
  seatsTaken: async (session, _args, ctx) => (await sessionCounts(ctx).load(session.id)).seatsTaken,
  freePlaces: async (session, _args, ctx) => freePlacesOf(session, await sessionCounts(ctx).load(session.id)),
  waitlistLength: async (session, _args, ctx) => (await sessionCounts(ctx).load(session.id)).waitlistLength,
  hostBoard: ({ hostBoardId }, _args, ctx) => (hostBoardId ? boardLoader(ctx).load(hostBoardId) : null),
  expertOrganisation: ({ expertOrganisationId }, _args, ctx) => (expertOrganisationId ? organisationLoader(ctx).load(expertOrganisationId) : null),
  enrolments: (session, _args, ctx) => sessionEnrolments(ctx, session),
  viewerCanEnrol: (session, _args, ctx) => viewerCanEnrol(ctx, session),
  viewerCanUpdate: (_session, _args, ctx) => can(ctx, trainingManage, undefined),
};
