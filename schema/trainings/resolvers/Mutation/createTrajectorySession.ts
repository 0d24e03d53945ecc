import type { MutationResolvers } from "./../../../types.generated.js";
import { createTrajectorySession as run } from "../../trajectories.service.js";

export const createTrajectorySession: NonNullable<MutationResolvers['createTrajectorySession']> = async (_parent, { input }, ctx) => ({ session: await run(ctx, input) });
