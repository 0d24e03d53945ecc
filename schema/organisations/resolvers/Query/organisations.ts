import type { QueryResolvers } from "./../../../types.generated.js";
import { listOrganisations } from "../../organisations.service.js";

export const organisations: NonNullable<QueryResolvers['organisations']> = (_parent, args, ctx) => listOrganisations(ctx, args);
