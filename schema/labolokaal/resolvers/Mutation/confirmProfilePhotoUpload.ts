import { confirmProfilePhotoUpload as confirm } from "../../profiles.service.js";
import type { MutationResolvers } from "./../../../types.generated.js";

export const confirmProfilePhotoUpload: NonNullable<MutationResolvers['confirmProfilePhotoUpload']> = async (_parent, _args, ctx) => ({ profile: await confirm(ctx, {}) });
