import type { TrainingSessionConnectionResolvers } from "./../../types.generated.js";

export const TrainingSessionConnection: TrainingSessionConnectionResolvers = {
  totalCount: (connection) => connection.totalCount(),
};
