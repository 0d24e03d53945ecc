import type { MutationResolvers } from "./../../../types.generated.js";
import { updateProfession as run } from "../../platform.service.js";

export const updateProfession: NonNullable<MutationResolvers['updateProfession']> = async (_parent, { input }, ctx) => ({ profession: await run(ctx, input) });
