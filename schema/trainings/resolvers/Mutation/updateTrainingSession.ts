import type { MutationResolvers } from "./../../../types.generated.js";
import { updateTrainingSession as run } from "../../trainings.service.js";

export const updateTrainingSession: NonNullable<MutationResolvers['updateTrainingSession']> = async (_parent, { input }, ctx) => ({ session: await run(ctx, input) });
