import type { MutationResolvers } from "./../../../types.generated.js";
import { removeCommitment as remove } from "../../agreements.write.js";

export const removeCommitment: NonNullable<MutationResolvers['removeCommitment']> = async (_parent, { id }, ctx) => remove(ctx, { id });
