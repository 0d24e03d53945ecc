import type { QueryResolvers } from "./../../../types.generated.js";
import { listBoards } from "../../boards.service.js";

export const boards: NonNullable<QueryResolvers['boards']> = (_parent, args, ctx) => listBoards(ctx, args);
