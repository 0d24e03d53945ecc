import type { MutationResolvers } from "./../../../types.generated.js";
import { proposeJudgement as run } from "../../commitments.service.js";

export const proposeJudgement: NonNullable<MutationResolvers['proposeJudgement']> = async (_parent, { input }, ctx) => ({ commitment: await run(ctx, input) });
