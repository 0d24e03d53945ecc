import type { MutationResolvers } from "./../../../types.generated.js";
import { confirmSelection as run } from "../../selection.service.js";

export const confirmSelection: NonNullable<MutationResolvers['confirmSelection']> = async (_parent, { input }, ctx) => (await run(ctx, input));
