// Codegen writes this object's type line (a Pick: Board is extended from two modules); the
// formatter leaves the file alone (biome.json), so the line stays as codegen writes it.
import type { BoardResolvers } from "./../../types.generated.js";
import { boardReach } from "../reach.service.js";

export const Board: Pick<BoardResolvers, 'reach'|'__isTypeOf'> = {
  reach: (board, args) => boardReach(board, args),
};
