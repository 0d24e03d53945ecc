import type { MutationResolvers } from "./../../../types.generated.js";
import { reviewApplication as run } from "../../calls.service.js";

export const reviewApplication: NonNullable<MutationResolvers['reviewApplication']> = async (_parent, { input }, ctx) => ({ application: await run(ctx, input) });
