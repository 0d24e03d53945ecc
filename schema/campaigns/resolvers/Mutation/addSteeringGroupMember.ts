import type { MutationResolvers } from "./../../../types.generated.js";
import { addSteeringGroupMember as run } from "../../campaigns.service.js";

export const addSteeringGroupMember: NonNullable<MutationResolvers['addSteeringGroupMember']> = async (_parent, { input }, ctx) => ({ member: await run(ctx, input) });
