import { getBoard } from "../../boards.service.js";
import type { QueryResolvers } from "./../../../types.generated.js";

export const board: NonNullable<QueryResolvers['board']> = (_parent, { id }, ctx) => getBoard(ctx, id);
