import type { MutationResolvers } from "./../../../types.generated.js";
import { updateTrack as run } from "../../agreements.write.js";

export const updateTrack: NonNullable<MutationResolvers['updateTrack']> = async (_parent, { input }, ctx) => ({ track: await run(ctx, input) });
