import type { MutationResolvers } from "./../../../types.generated.js";
import { acceptJudgement as run } from "../../commitments.service.js";

export const acceptJudgement: NonNullable<MutationResolvers['acceptJudgement']> = async (_parent, { input }, ctx) => ({ commitment: await run(ctx, input) });
