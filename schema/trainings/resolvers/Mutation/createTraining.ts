import type { MutationResolvers } from "./../../../types.generated.js";
import { createTraining as run } from "../../trainings.service.js";

export const createTraining: NonNullable<MutationResolvers['createTraining']> = async (_parent, { input }, ctx) => ({ training: await run(ctx, input) });
