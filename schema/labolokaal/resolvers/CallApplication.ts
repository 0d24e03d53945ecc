import { boardLoader } from "../../boards/boards.service.js";
import { toGlobalId } from "../../shared/relay.js";
import type { CallApplicationResolvers } from "./../../types.generated.js";
import { callOf, projectOfApplication } from "../calls.service.js";

export const CallApplication: CallApplicationResolvers = {
  id: (application) => toGlobalId("CallApplication", application.id),
  call: (application, _args, ctx) => callOf(ctx, application),
  board: async ({ boardId }, _args, ctx) => {
    const board = await boardLoader(ctx).load(boardId);
    if (!board) throw new Error(`board ${boardId} is missing`);
    return board;
  },
  submittedAt: ({ createdAt }) => createdAt,
  project: (application, _args, ctx) => projectOfApplication(ctx, application),
};
