import type { QueryResolvers } from "./../../../types.generated.js";
import { listPublishedLearningTools } from "../../platform.service.js";

export const publishedLearningTools: NonNullable<QueryResolvers['publishedLearningTools']> = async (_parent, args, ctx) => listPublishedLearningTools(ctx, args);
