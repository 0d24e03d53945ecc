import type { QueryResolvers } from "./../../../types.generated.js";
import { listCharters } from "../../directory.service.js";

export const charters: NonNullable<QueryResolvers['charters']> = async (_parent, _args, ctx) => listCharters(ctx);
