import type { CoFinancingEntryConnectionResolvers } from "./../../types.generated.js";

export const CoFinancingEntryConnection: CoFinancingEntryConnectionResolvers = {
  totalCount: (connection) => connection.totalCount(),
};
