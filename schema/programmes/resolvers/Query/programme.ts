import type { QueryResolvers } from "./../../../types.generated.js";
import { programmeBySlug } from "../../programmes.service.js";

export const programme: NonNullable<QueryResolvers['programme']> = async (_parent, { slug }, ctx) => programmeBySlug(ctx, slug);
