import { toGlobalId } from "../../shared/relay.js";
import type { BoardResolvers } from "./../../types.generated.js";

export const Board: BoardResolvers = {
  id: (board) => toGlobalId("Board", board.id),
};
