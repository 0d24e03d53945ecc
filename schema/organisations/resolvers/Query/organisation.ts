import type { QueryResolvers } from "./../../../types.generated.js";
import { getOrganisation } from "../../organisations.service.js";

export const organisation: NonNullable<QueryResolvers['organisation']> = (_parent, { id }, ctx) => getOrganisation(ctx, id);
