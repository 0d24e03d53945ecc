// Codegen writes this object's type line (a Pick, because the trainings module extends Board); the
// formatter leaves the file alone (biome.json), so the line stays as codegen writes it.
import { can } from "../../shared/policy.js";
import { toGlobalId } from "../../shared/relay.js";
import type { BoardResolvers } from "./../../types.generated.js";
import { boardUpdate } from "../boards.policy.js";

export const Board: Pick<BoardResolvers, 'belfiusCluster'|'createdAt'|'id'|'kind'|'name'|'nisCode'|'population'|'province'|'updatedAt'|'viewerCanUpdate'|'__isTypeOf'> = {
  id: (board) => toGlobalId("Board", board.id),
  viewerCanUpdate: (_board, _args, ctx) => can(ctx, boardUpdate, undefined),
};
