import type { MutationResolvers } from "./../../../types.generated.js";
import { setStrategicGoal as run } from "../../programmes.service.js";

export const setStrategicGoal: NonNullable<MutationResolvers['setStrategicGoal']> = async (_parent, { input }, ctx) => run(ctx, input);
