import type { MutationResolvers } from "./../../../types.generated.js";
import { removeReply as run } from "../../forum.service.js";

export const removeReply: NonNullable<MutationResolvers['removeReply']> = async (_parent, { id }, ctx) => ({ reply: await run(ctx, { id }) });
