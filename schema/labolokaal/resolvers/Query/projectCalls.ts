import type { QueryResolvers } from "./../../../types.generated.js";
import { listProjectCalls } from "../../calls.service.js";

export const projectCalls: NonNullable<QueryResolvers['projectCalls']> = async (_parent, args, ctx) => listProjectCalls(ctx, args);
