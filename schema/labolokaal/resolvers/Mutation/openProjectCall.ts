import type { MutationResolvers } from "./../../../types.generated.js";
import { openProjectCall as run } from "../../calls.service.js";

export const openProjectCall: NonNullable<MutationResolvers['openProjectCall']> = async (_parent, { input }, ctx) => ({ call: await run(ctx, input) });
