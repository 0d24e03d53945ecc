import type { MutationResolvers } from "./../../../types.generated.js";
import { publishResult as run } from "../../results.service.js";

export const publishResult: NonNullable<MutationResolvers['publishResult']> = async (_parent, { input }, ctx) => ({ result: await run(ctx, input) });
