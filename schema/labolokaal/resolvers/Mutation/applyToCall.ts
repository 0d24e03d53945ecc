import type { MutationResolvers } from "./../../../types.generated.js";
import { applyToCall as run } from "../../calls.service.js";

export const applyToCall: NonNullable<MutationResolvers['applyToCall']> = async (_parent, { input }, ctx) => ({ application: await run(ctx, input) });
