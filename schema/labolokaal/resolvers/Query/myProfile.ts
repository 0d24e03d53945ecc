import { myProfile as ownProfile } from "../../profiles.service.js";
import type { QueryResolvers } from "./../../../types.generated.js";

export const myProfile: NonNullable<QueryResolvers['myProfile']> = (_parent, _args, ctx) => ownProfile(ctx);
