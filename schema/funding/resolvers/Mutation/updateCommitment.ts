import type { MutationResolvers } from "./../../../types.generated.js";
import { updateCommitment as run } from "../../agreements.write.js";

export const updateCommitment: NonNullable<MutationResolvers['updateCommitment']> = async (_parent, { input }, ctx) => ({ commitment: await run(ctx, input) });
