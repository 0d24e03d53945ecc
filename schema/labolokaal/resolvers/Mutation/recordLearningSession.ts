import type { MutationResolvers } from "./../../../types.generated.js";
import { recordLearningSession as run } from "../../projects.service.js";

export const recordLearningSession: NonNullable<MutationResolvers['recordLearningSession']> = async (_parent, { input }, ctx) => ({ session: await run(ctx, input) });
