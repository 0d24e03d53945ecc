import { updateProfile as update } from "../../profiles.service.js";
import type { MutationResolvers } from "./../../../types.generated.js";

export const updateProfile: NonNullable<MutationResolvers['updateProfile']> = async (_parent, { input }, ctx) => ({ profile: await update(ctx, input) });
