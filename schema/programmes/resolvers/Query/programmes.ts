import type { QueryResolvers } from "./../../../types.generated.js";
import { listProgrammes } from "../../programmes.service.js";

export const programmes: NonNullable<QueryResolvers['programmes']> = async (_parent, args, ctx) => listProgrammes(ctx, args);
