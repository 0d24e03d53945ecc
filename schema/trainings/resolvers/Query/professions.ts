import type { QueryResolvers } from "./../../../types.generated.js";
import { listProfessions } from "../../platform.service.js";

export const professions: NonNullable<QueryResolvers['professions']> = async (_parent, args, ctx) => listProfessions(ctx, args);
