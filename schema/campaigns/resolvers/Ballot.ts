import { boardLoader } from "../../boards/boards.service.js";
import type { BallotResolvers } from "./../../types.generated.js";
import { ballotOptions } from "../votes.service.js";

export const Ballot: BallotResolvers = {
  board: async ({ boardId }, _args, ctx) => (await boardLoader(ctx).load(boardId))!,
  options: (ballot, _args, ctx) => ballotOptions(ctx, ballot),
  castAt: ({ createdAt }) => createdAt,
};
