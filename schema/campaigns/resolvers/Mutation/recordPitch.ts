import type { MutationResolvers } from "./../../../types.generated.js";
import { recordPitch as run } from "../../votes.service.js";

export const recordPitch: NonNullable<MutationResolvers['recordPitch']> = async (_parent, { input }, ctx) => ({ pitch: await run(ctx, input) });
