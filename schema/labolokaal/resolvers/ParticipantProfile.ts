import type { ParticipantProfileResolvers } from "./../../types.generated.js";
import { profileBoard, profileOrganisation, profilePhotoUrl } from "../profiles.service.js";

export const ParticipantProfile: ParticipantProfileResolvers = {
  board: (profile, _args, ctx) => profileBoard(ctx, profile),
  organisation: (profile, _args, ctx) => profileOrganisation(ctx, profile),
  photoUrl: (profile, _args, ctx) => profilePhotoUrl(ctx, profile),
};
