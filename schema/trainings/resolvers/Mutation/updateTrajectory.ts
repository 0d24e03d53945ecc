import type { MutationResolvers } from "./../../../types.generated.js";
import { updateTrajectory as run } from "../../trajectories.service.js";

export const updateTrajectory: NonNullable<MutationResolvers['updateTrajectory']> = async (_parent, { input }, ctx) => ({ trajectory: await run(ctx, input) });
