import type { TrajectoryParticipationConnectionResolvers } from "./../../types.generated.js";

export const TrajectoryParticipationConnection: TrajectoryParticipationConnectionResolvers = {
  totalCount: (connection) => connection.totalCount(),
};
