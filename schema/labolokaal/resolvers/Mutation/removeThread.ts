import type { MutationResolvers } from "./../../../types.generated.js";
import { removeThread as run } from "../../forum.service.js";

export const removeThread: NonNullable<MutationResolvers['removeThread']> = async (_parent, { id }, ctx) => ({ thread: await run(ctx, { id }) });
