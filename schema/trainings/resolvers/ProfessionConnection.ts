import type { ProfessionConnectionResolvers } from "./../../types.generated.js";

export const ProfessionConnection: ProfessionConnectionResolvers = {
  totalCount: (connection) => connection.totalCount(),
};
