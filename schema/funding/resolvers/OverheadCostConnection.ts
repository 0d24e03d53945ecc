import type { OverheadCostConnectionResolvers } from "./../../types.generated.js";
export const OverheadCostConnection: OverheadCostConnectionResolvers = {
  /* Implement OverheadCostConnection resolver logic here */
  totalCount: ({ totalCount }, _arg, _ctx) => {
    /* OverheadCostConnection.totalCount resolver is required because OverheadCostConnection.totalCount and OverheadCostConnectionMapper.totalCount are not compatible */
    return totalCount;
  },
};
