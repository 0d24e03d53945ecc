import type { QueryResolvers } from "./../../../types.generated.js";
import { listThemes } from "../../calls.service.js";

export const themes: NonNullable<QueryResolvers['themes']> = async (_parent, _args, ctx) => listThemes(ctx);
