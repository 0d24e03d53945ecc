import type { MutationResolvers } from "./../../../types.generated.js";
import { refuseJudgement as run } from "../../commitments.service.js";

export const refuseJudgement: NonNullable<MutationResolvers['refuseJudgement']> = async (_parent, { input }, ctx) => ({ commitment: await run(ctx, input) });
