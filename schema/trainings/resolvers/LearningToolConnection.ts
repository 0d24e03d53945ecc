import type { LearningToolConnectionResolvers } from "./../../types.generated.js";

export const LearningToolConnection: LearningToolConnectionResolvers = {
  totalCount: (connection) => connection.totalCount(),
};
