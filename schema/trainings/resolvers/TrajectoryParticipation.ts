import { toGlobalId } from "../../shared/relay.js";
import type { TrajectoryParticipationResolvers } from "./../../types.generated.js";
import { feeChargeOf } from "../trainings.service.js";
import { participationBoard, trajectoryLoader } from "../trajectories.service.js";

export const TrajectoryParticipation: TrajectoryParticipationResolvers = {
  id: (participation) => toGlobalId("TrajectoryParticipation", participation.id),
  trajectory: async ({ trajectoryId }, _args, ctx) => (await trajectoryLoader(ctx).load(trajectoryId))!,
  board: (participation, _args, ctx) => participationBoard(ctx, participation),
  feeCharge: (participation, _args, ctx) => feeChargeOf(ctx, participation),
};
