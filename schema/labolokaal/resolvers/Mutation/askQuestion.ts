import type { MutationResolvers } from "./../../../types.generated.js";
import { askQuestion as run } from "../../questions.service.js";

export const askQuestion: NonNullable<MutationResolvers['askQuestion']> = async (_parent, { input }, ctx) => ({ question: await run(ctx, input) });
