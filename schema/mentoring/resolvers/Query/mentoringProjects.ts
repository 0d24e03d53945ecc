import type { QueryResolvers } from "./../../../types.generated.js";
import { listMentoringProjects } from "../../directory.service.js";

export const mentoringProjects: NonNullable<QueryResolvers['mentoringProjects']> = async (_parent, args, ctx) => listMentoringProjects(ctx, args);
