import type { BoardResolvers } from "./../../types.generated.js";
export const Board: Pick<BoardResolvers, "reach" | "__isTypeOf"> = {
  /* Implement Board resolver logic here */
  reach: async (_parent, _arg, _ctx) => {
    /* Board.reach resolver is required because Board.reach exists but BoardMapper.reach does not */
  },
};
