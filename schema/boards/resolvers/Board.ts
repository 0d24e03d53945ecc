import { can } from "../../shared/policy.js";
import { toGlobalId } from "../../shared/relay.js";
import type { BoardResolvers } from "./../../types.generated.js";
import { boardUpdate } from "../boards.policy.js";

export const Board: BoardResolvers = {
  id: (board) => toGlobalId("Board", board.id),
  viewerCanUpdate: (_board, _args, ctx) => can(ctx, boardUpdate, undefined),
};
