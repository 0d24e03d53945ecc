import type { BoardResolvers } from "./../../types.generated.js";
import { boardReach } from "../reach.service.js";

export const Board: Pick<BoardResolvers, 'reach'|'__isTypeOf'> = {
  reach: (board, args) => boardReach(board, args),
};
