import type { MutationResolvers } from "./../../../types.generated.js";
import { editReply as run } from "../../forum.service.js";

export const editReply: NonNullable<MutationResolvers['editReply']> = async (_parent, { input }, ctx) => ({ reply: await run(ctx, input) });
