import type { QueryResolvers } from "./../../../types.generated.js";
import { listLearningTools } from "../../platform.service.js";

export const learningTools: NonNullable<QueryResolvers['learningTools']> = async (_parent, args, ctx) => listLearningTools(ctx, args);
