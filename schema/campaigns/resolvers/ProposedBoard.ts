import type { ProposedBoardResolvers } from "./../../types.generated.js";
export const ProposedBoard: ProposedBoardResolvers = {
  /* Implement ProposedBoard resolver logic here */
  board: async (_parent, _arg, _ctx) => {
    /* ProposedBoard.board resolver is required because ProposedBoard.board exists but ProposedBoardMapper.board does not */
  },
};
