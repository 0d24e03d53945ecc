import type { MutationResolvers } from "./../../../types.generated.js";
import { updateOrganisation as update } from "../../organisations.service.js";

export const updateOrganisation: NonNullable<MutationResolvers['updateOrganisation']> = async (_parent, { input }, ctx) => ({
  organisation: await update(ctx, input),
});
