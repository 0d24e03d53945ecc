import type { MutationResolvers } from "./../../../types.generated.js";
import { recordTieDecision as run } from "../../votes.service.js";

export const recordTieDecision: NonNullable<MutationResolvers['recordTieDecision']> = async (_parent, { input }, ctx) => ({ pitch: await run(ctx, input) });
