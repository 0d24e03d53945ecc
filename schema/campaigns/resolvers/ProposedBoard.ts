import { boardLoader } from "../../boards/boards.service.js";
import type { ProposedBoardResolvers } from "./../../types.generated.js";

export const ProposedBoard: ProposedBoardResolvers = {
  board: async ({ application }, _args, ctx) => (await boardLoader(ctx).load(application.boardId))!,
};
