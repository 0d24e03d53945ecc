import type { MutationResolvers } from "./../../../types.generated.js";
import { updateTraining as run } from "../../trainings.service.js";

export const updateTraining: NonNullable<MutationResolvers['updateTraining']> = async (_parent, { input }, ctx) => ({ training: await run(ctx, input) });
