import type { MutationResolvers } from "./../../../types.generated.js";
import { editThread as run } from "../../forum.service.js";

export const editThread: NonNullable<MutationResolvers['editThread']> = async (_parent, { input }, ctx) => ({ thread: await run(ctx, input) });
