import type { MutationResolvers } from "./../../../types.generated.js";
import { updateAction as run } from "../../agreements.write.js";

export const updateAction: NonNullable<MutationResolvers['updateAction']> = async (_parent, { input }, ctx) => ({ action: await run(ctx, input) });
