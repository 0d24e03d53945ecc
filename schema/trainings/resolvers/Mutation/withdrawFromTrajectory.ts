import type { MutationResolvers } from "./../../../types.generated.js";
import { withdrawFromTrajectory as run } from "../../trajectories.service.js";

export const withdrawFromTrajectory: NonNullable<MutationResolvers['withdrawFromTrajectory']> = async (_parent, { input }, ctx) => ({ participation: await run(ctx, input) });
