import type { MutationResolvers } from "./../../../types.generated.js";
import { joinTrajectory as run } from "../../trajectories.service.js";

export const joinTrajectory: NonNullable<MutationResolvers['joinTrajectory']> = async (_parent, { input }, ctx) => ({ participation: await run(ctx, input) });
