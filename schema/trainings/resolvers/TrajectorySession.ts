import { boardLoader } from "../../boards/boards.service.js";
import { toGlobalId } from "../../shared/relay.js";
import type { TrajectorySessionResolvers } from "./../../types.generated.js";
import { trajectoryLoader } from "../trajectories.service.js";

export const TrajectorySession: TrajectorySessionResolvers = {
  id: (session) => toGlobalId("TrajectorySession", session.id),
  trajectory: async ({ trajectoryId }, _args, ctx) => (await trajectoryLoader(ctx).load(trajectoryId))!,
  hostBoard: ({ hostBoardId }, _args, ctx) => (hostBoardId ? boardLoader(ctx).load(hostBoardId) : null),
};
