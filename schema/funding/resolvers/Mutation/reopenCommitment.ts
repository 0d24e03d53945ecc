import type { MutationResolvers } from "./../../../types.generated.js";
import { reopenCommitment as run } from "../../commitments.service.js";

export const reopenCommitment: NonNullable<MutationResolvers['reopenCommitment']> = async (_parent, { input }, ctx) => ({ commitment: await run(ctx, input) });
