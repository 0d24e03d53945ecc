import type { MutationResolvers } from "./../../../types.generated.js";
import { updateTrajectorySession as run } from "../../trajectories.service.js";

export const updateTrajectorySession: NonNullable<MutationResolvers['updateTrajectorySession']> = async (_parent, { input }, ctx) => ({ session: await run(ctx, input) });
