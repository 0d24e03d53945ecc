import type { MutationResolvers } from "./../../../types.generated.js";
import { createLearningTool as run } from "../../platform.service.js";

export const createLearningTool: NonNullable<MutationResolvers['createLearningTool']> = async (_parent, { input }, ctx) => ({ tool: await run(ctx, input) });
