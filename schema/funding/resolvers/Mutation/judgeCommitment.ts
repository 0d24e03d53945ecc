import type { MutationResolvers } from "./../../../types.generated.js";
import { judgeCommitment as judge } from "../../commitments.service.js";

export const judgeCommitment: NonNullable<MutationResolvers['judgeCommitment']> = async (_parent, { input }, ctx) => ({ commitment: await judge(ctx, input) });
