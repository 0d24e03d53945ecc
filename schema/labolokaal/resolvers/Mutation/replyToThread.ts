import type { MutationResolvers } from "./../../../types.generated.js";
import { replyToThread as run } from "../../forum.service.js";

export const replyToThread: NonNullable<MutationResolvers['replyToThread']> = async (_parent, { input }, ctx) => ({ reply: await run(ctx, input) });
