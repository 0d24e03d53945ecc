import type { QueryResolvers } from "./../../../types.generated.js";
import { listTrajectories } from "../../trajectories.service.js";

export const trajectories: NonNullable<QueryResolvers['trajectories']> = async (_parent, args, ctx) => listTrajectories(ctx, args);
