import type { QueryResolvers } from "./../../../types.generated.js";
import { listProjects } from "../../calls.service.js";

export const projects: NonNullable<QueryResolvers['projects']> = async (_parent, args, ctx) => listProjects(ctx, args);
