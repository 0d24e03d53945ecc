import type { QueryResolvers } from "./../../../types.generated.js";
import { mentoringMatches as rank } from "../../matching.service.js";

export const mentoringMatches: NonNullable<QueryResolvers['mentoringMatches']> = async (_parent, args, ctx) => rank(ctx, args);
