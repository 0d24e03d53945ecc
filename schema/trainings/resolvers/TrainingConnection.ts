import type { TrainingConnectionResolvers } from "./../../types.generated.js";

export const TrainingConnection: TrainingConnectionResolvers = {
  totalCount: (connection) => connection.totalCount(),
};
