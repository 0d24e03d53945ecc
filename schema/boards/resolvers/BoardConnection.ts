import type { BoardConnectionResolvers } from "./../../types.generated.js";

export const BoardConnection: BoardConnectionResolvers = {
  totalCount: (connection) => connection.totalCount(),
};
