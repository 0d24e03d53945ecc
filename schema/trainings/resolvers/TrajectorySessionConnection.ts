import type { TrajectorySessionConnectionResolvers } from "./../../types.generated.js";

export const TrajectorySessionConnection: TrajectorySessionConnectionResolvers = {
  totalCount: (connection) => connection.totalCount(),
};
