import type { BallotResolvers } from "./../../types.generated.js";
export const Ballot: BallotResolvers = {
  /* Implement Ballot resolver logic here */
  board: async (_parent, _arg, _ctx) => {
    /* Ballot.board resolver is required because Ballot.board exists but BallotMapper.board does not */
  },
  castAt: async (_parent, _arg, _ctx) => {
    /* Ballot.castAt resolver is required because Ballot.castAt exists but BallotMapper.castAt does not */
  },
  options: async (_parent, _arg, _ctx) => {
    /* Ballot.options resolver is required because Ballot.options exists but BallotMapper.options does not */
  },
};
