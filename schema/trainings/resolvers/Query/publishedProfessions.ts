import type { QueryResolvers } from "./../../../types.generated.js";
import { listPublishedProfessions } from "../../platform.service.js";

export const publishedProfessions: NonNullable<QueryResolvers['publishedProfessions']> = async (_parent, args, ctx) => listPublishedProfessions(ctx, args);
