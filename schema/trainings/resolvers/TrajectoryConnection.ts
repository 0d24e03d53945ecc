import type { TrajectoryConnectionResolvers } from "./../../types.generated.js";

export const TrajectoryConnection: TrajectoryConnectionResolvers = {
  totalCount: (connection) => connection.totalCount(),
};
