import type { QueryResolvers } from "./../../../types.generated.js";
import { listContactQuestions } from "../../questions.service.js";

export const contactQuestions: NonNullable<QueryResolvers['contactQuestions']> = async (_parent, args, ctx) => listContactQuestions(ctx, args);
