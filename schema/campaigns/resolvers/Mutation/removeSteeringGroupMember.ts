import type { MutationResolvers } from "./../../../types.generated.js";
import { removeSteeringGroupMember as run } from "../../campaigns.service.js";

export const removeSteeringGroupMember: NonNullable<MutationResolvers['removeSteeringGroupMember']> = async (_parent, { id }, ctx) => ({ removedId: await run(ctx, { id }) });
