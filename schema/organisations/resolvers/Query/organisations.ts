import { listOrganisations } from "../../organisations.service.js";
import type { QueryResolvers } from "./../../../types.generated.js";

export const organisations: NonNullable<QueryResolvers['organisations']> = (_parent, args, ctx) => listOrganisations(ctx, args);
