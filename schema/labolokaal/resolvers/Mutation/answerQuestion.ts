import type { MutationResolvers } from "./../../../types.generated.js";
import { answerQuestion as run } from "../../questions.service.js";

export const answerQuestion: NonNullable<MutationResolvers['answerQuestion']> = async (_parent, { input }, ctx) => ({ question: await run(ctx, input) });
