import type { MutationResolvers } from "./../../../types.generated.js";
import { addCommitment as run } from "../../agreements.write.js";

export const addCommitment: NonNullable<MutationResolvers['addCommitment']> = async (_parent, { input }, ctx) => ({ commitment: await run(ctx, input) });
