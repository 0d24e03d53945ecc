import type { MutationResolvers } from "./../../../types.generated.js";
import { startThread as run } from "../../forum.service.js";

export const startThread: NonNullable<MutationResolvers['startThread']> = async (_parent, { input }, ctx) => ({ thread: await run(ctx, input) });
