import { requestProfilePhotoUpload as request } from "../../profiles.service.js";
import type { MutationResolvers } from "./../../../types.generated.js";

export const requestProfilePhotoUpload: NonNullable<MutationResolvers['requestProfilePhotoUpload']> = (_parent, { input }, ctx) => request(ctx, input);
