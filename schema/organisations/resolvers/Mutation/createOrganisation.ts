import { createOrganisation as create } from "../../organisations.service.js";
import type { MutationResolvers } from "./../../../types.generated.js";

export const createOrganisation: NonNullable<MutationResolvers['createOrganisation']> = async (_parent, { input }, ctx) => ({
  organisation: await create(ctx, input),
});
