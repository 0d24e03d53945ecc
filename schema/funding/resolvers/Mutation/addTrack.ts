import type { MutationResolvers } from "./../../../types.generated.js";
import { addTrack as run } from "../../agreements.write.js";

export const addTrack: NonNullable<MutationResolvers['addTrack']> = async (_parent, { input }, ctx) => ({ track: await run(ctx, input) });
