import type { MutationResolvers } from "./../../../types.generated.js";
import { updateLearningTool as run } from "../../platform.service.js";

export const updateLearningTool: NonNullable<MutationResolvers['updateLearningTool']> = async (_parent, { input }, ctx) => ({ tool: await run(ctx, input) });
