import type { QueryResolvers } from "./../../../types.generated.js";
import { reachOf } from "../../reach.service.js";

export const reach: NonNullable<QueryResolvers['reach']> = async (_parent, args, ctx) => reachOf(ctx, args);
