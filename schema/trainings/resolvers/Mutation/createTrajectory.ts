import type { MutationResolvers } from "./../../../types.generated.js";
import { createTrajectory as run } from "../../trajectories.service.js";

export const createTrajectory: NonNullable<MutationResolvers['createTrajectory']> = async (_parent, { input }, ctx) => ({ trajectory: await run(ctx, input) });
