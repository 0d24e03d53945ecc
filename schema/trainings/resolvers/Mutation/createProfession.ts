import type { MutationResolvers } from "./../../../types.generated.js";
import { createProfession as run } from "../../platform.service.js";

export const createProfession: NonNullable<MutationResolvers['createProfession']> = async (_parent, { input }, ctx) => ({ profession: await run(ctx, input) });
