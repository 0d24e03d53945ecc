import type { MutationResolvers } from "./../../../types.generated.js";
import { createOrganisation as create } from "../../organisations.service.js";

export const createOrganisation: NonNullable<MutationResolvers['createOrganisation']> = async (_parent, { input }, ctx) => ({
  organisation: await create(ctx, input),
});
