import type { OverheadCostConnectionResolvers } from "./../../types.generated.js";

export const OverheadCostConnection: OverheadCostConnectionResolvers = {
  totalCount: (connection) => connection.totalCount(),
};
