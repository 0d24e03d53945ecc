import type { QueryResolvers } from "./../../../types.generated.js";
import { getBoard } from "../../boards.service.js";

export const board: NonNullable<QueryResolvers['board']> = (_parent, { id }, ctx) => getBoard(ctx, id);
