import type { MutationResolvers } from "./../../../types.generated.js";
import { addAction as run } from "../../agreements.write.js";

export const addAction: NonNullable<MutationResolvers['addAction']> = async (_parent, { input }, ctx) => ({ action: await run(ctx, input) });
