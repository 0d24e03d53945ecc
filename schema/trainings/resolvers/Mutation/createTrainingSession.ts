import type { MutationResolvers } from "./../../../types.generated.js";
import { createTrainingSession as run } from "../../trainings.service.js";

export const createTrainingSession: NonNullable<MutationResolvers['createTrainingSession']> = async (_parent, { input }, ctx) => ({ session: await run(ctx, input) });
